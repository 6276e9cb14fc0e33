using RateLimiterOrleans.Lab.Stack;

namespace RateLimiterOrleans.Lab.Commands;

/// <summary>The seed's table of URLs, with this stack's ports.</summary>
public static class UrlTable
{
    public static string Render(StackPorts ports, bool observability)
    {
        var rows = new List<(string Service, string Url, string Purpose)>
        {
            ("Load Balancer", $"http://localhost:{ports.Nginx}", "API entry point (routes to replicas)"),
        };
        for (int i = 0; i < StackPorts.Silos; i++)
        {
            rows.Add(($"API-{i + 1} Direct", $"http://localhost:{ports.Api[i]}", $"Direct access to replica {i + 1}"));
        }

        rows.Add(("Lab Page", $"http://localhost:{ports.Nginx}/lab/", "The cluster live, experiments in a click, breaking things"));
        rows.Add(("Redis", $"redis-cli -p {ports.Redis}", "Shared state and cluster membership"));
        if (observability)
        {
            rows.Add(("Orleans Dashboard", $"http://localhost:{ports.Nginx}/dashboard/", "Silos, grains and calls"));
            rows.Add(("Prometheus", $"http://localhost:{ports.Prometheus}", "Metrics (scrapes the three silos every 5 s)"));
        }

        rows.Add(("Metrics", $"http://localhost:{ports.Nginx}/metrics", "One silo's Prometheus metrics (round-robin)"));

        int service = rows.Max(r => r.Service.Length);
        int url = rows.Max(r => r.Url.Length);
        var lines = new List<string> { $"{"Service".PadRight(service)}  {"URL".PadRight(url)}  Purpose" };
        lines.AddRange(rows.Select(r => $"{r.Service.PadRight(service)}  {r.Url.PadRight(url)}  {r.Purpose}"));
        return string.Join(Environment.NewLine, lines);
    }
}
