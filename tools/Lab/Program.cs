using RateLimiterOrleans.Lab;
using RateLimiterOrleans.Lab.CommandLine;

return await LabCommandLine.RunAsync(args, LabPaths.Discover());
