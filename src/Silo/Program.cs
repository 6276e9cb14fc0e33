using RateLimiterOrleans.Silo.Hosting;
using RateLimiterOrleans.Silo.Http;

var builder = WebApplication.CreateBuilder(args);
builder.AddRateLimiterSilo();

var app = builder.Build();
app.MapRateLimiterEndpoints();
app.Run();
