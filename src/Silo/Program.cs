using RateLimiterOrleans.Silo.Hosting;
using RateLimiterOrleans.Silo.Http;
using RateLimiterOrleans.Silo.Observability;

// The content root is where the silo was built or published, not wherever it was started from: that is where its
// appsettings.json (log levels, defaults) and wwwroot are.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.AddRateLimiterSilo();
builder.AddRateLimiterLab();
builder.AddRateLimiterObservability();

var app = builder.Build();
app.MapRateLimiterEndpoints();
app.Run();
