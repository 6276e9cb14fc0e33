using Orleans.Configuration;
using RateLimiterOrleans.AspNetCore;

var builder = WebApplication.CreateBuilder(args);

// An Orleans client of the lab's cluster: its silos list their gateways in Redis under these ids.
builder.UseOrleansClient(client => client
    .UseRedisClustering(builder.Configuration["Cluster:Redis"] ?? "localhost:6379")
    .Configure<ClusterOptions>(builder.Configuration.GetSection("Cluster")));

// Each API key, or each caller without one, gets the cluster's limit for its tier.
builder.Services.AddClusterRateLimiter(o => o.Key = context =>
    context.Request.Headers["X-API-Key"].FirstOrDefault() ?? context.Connection.RemoteIpAddress?.ToString());

var app = builder.Build();
app.UseRateLimiter();
app.MapGet("/hello", () => new { message = "Hello from an API the cluster protects" });
app.Run();
