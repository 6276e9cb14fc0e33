using RateLimiterOrleans.Lab;
using RateLimiterOrleans.Lab.Commands;

return await LabCommands.RunAsync(args, LabPaths.Discover());
