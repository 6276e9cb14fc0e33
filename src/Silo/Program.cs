using RateLimiterOrleans.Silo.Hosting;
using RateLimiterOrleans.Silo.Http;
using RateLimiterOrleans.Silo.Observability;

var builder = WebApplication.CreateBuilder(args);
builder.AddRateLimiterSilo();
builder.AddRateLimiterLab();
builder.AddRateLimiterObservability();

var app = builder.Build();
app.MapRateLimiterEndpoints();
app.Run();
