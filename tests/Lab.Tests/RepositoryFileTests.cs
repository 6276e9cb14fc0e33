using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using RateLimiterOrleans.Processes;
using YamlDotNet.RepresentationModel;

namespace RateLimiterOrleans.Lab.Tests;

/// <summary>
/// The files shipped for Docker users, checked as far as a machine without a Docker engine can, with no
/// stack running: their structure, the files they name, and the k6 scripts' syntax. Whether the Grafana
/// queries name metrics the silos export needs a live silo: the end-to-end tests check that.
/// </summary>
public sealed partial class RepositoryFileTests
{
    private static readonly string Root = LabPaths.Discover().Root;

    [Fact]
    public void The_grafana_dashboard_has_the_seeds_panels_each_with_a_query()
    {
        var dashboard = JsonNode.Parse(File.ReadAllText(Path.Combine(Root, "observability", "grafana", "dashboards", "rate-limiter.json")))!;

        Assert.Equal("Distributed Rate Limiter", dashboard["title"]!.ToString());
        var panels = dashboard["panels"]!.AsArray();
        Assert.True(panels.Count >= 5, $"Only {panels.Count} panels.");
        Assert.All(panels, panel => Assert.Contains(panel!["targets"]!.AsArray(), t => t!["expr"]!.ToString().Length > 0));
        var queried = panels.SelectMany(p => p!["targets"]!.AsArray()).Select(t => t!["expr"]!.ToString()).ToList();
        Assert.Contains(queried, e => e.Contains("race_conditions_detected_total"));
        Assert.Contains(queried, e => e.Contains("histogram_quantile(0.99") && e.Contains("rate_limit_check_duration_seconds_bucket"));
        Assert.Contains(queried, e => e.Contains("by (instance)") && e.Contains("rate_limit_decisions_total"));
        Assert.Contains(queried, e => e.Contains("by (result)"));
    }

    [Fact]
    public void Docker_compose_has_the_seeds_services_ports_and_healthchecks()
    {
        var services = Compose()["services"] as YamlMappingNode;
        Assert.NotNull(services);
        var expectedPorts = new Dictionary<string, string>
        {
            ["nginx"] = "127.0.0.1:8080:8080",
            ["api-1"] = "127.0.0.1:8001:8080",
            ["api-2"] = "127.0.0.1:8002:8080",
            ["api-3"] = "127.0.0.1:8003:8080",
            ["jaeger"] = "127.0.0.1:16686:16686",
            ["prometheus"] = "127.0.0.1:9090:9090",
            ["grafana"] = "127.0.0.1:3001:3000",
        };

        foreach (var (service, port) in expectedPorts)
        {
            var definition = (YamlMappingNode)services![service];
            Assert.Contains(port, Sequence(definition, "ports"));
            Assert.True(definition.Children.ContainsKey("healthcheck"), $"{service} has no healthcheck");
        }

        Assert.Contains("--appendonly", Sequence((YamlMappingNode)services!["redis"], "command"));
        Assert.True(((YamlMappingNode)services["redis"]).Children.ContainsKey("healthcheck"));
        var k6 = (YamlMappingNode)services["k6"];
        Assert.Contains("./k6:/scripts:ro", Sequence(k6, "volumes"));
        // The lab page may kill silos and pause Redis only in ./lab up.
        var environment = (YamlMappingNode)Compose()["x-api-environment"];
        Assert.DoesNotContain(environment.Children.Keys, key => key.ToString() == "RateLimiter__Lab__Chaos");
        // The silos leave the Orleans dashboard off unless told; compose runs the seed's monitoring, so it asks.
        Assert.Equal("true", environment["Orleans__Dashboard"].ToString());
    }

    [Fact]
    public void Docker_compose_publishes_only_on_loopback_protects_redis_and_trusts_only_nginx()
    {
        var services = (YamlMappingNode)Compose()["services"];
        var ports = services.Children.SelectMany(s => Sequence((YamlMappingNode)s.Value, "ports")).ToList();
        var redis = (YamlMappingNode)services["redis"];
        var nginxAddress = ((YamlMappingNode)((YamlMappingNode)((YamlMappingNode)services["nginx"])["networks"])["lab"])["ipv4_address"].ToString();

        Assert.NotEmpty(ports);
        Assert.All(ports, p => Assert.StartsWith("127.0.0.1:", p, StringComparison.Ordinal));
        var command = Sequence(redis, "command").ToList();
        Assert.Contains("--requirepass", command);
        Assert.Equal("noeviction", command[command.IndexOf("--maxmemory-policy") + 1]);
        Assert.Contains("--maxmemory", command);
        foreach (var api in new[] { "api-1", "api-2", "api-3" })
        {
            var environment = (YamlMappingNode)((YamlMappingNode)services[api])["environment"];
            string Setting(string name) => environment.Children.TryGetValue(name, out var value) ? value.ToString() : "";
            Assert.Contains(",password=", Setting("RateLimiter__Redis"), StringComparison.Ordinal);
            Assert.Equal($"{nginxAddress}/32", Setting("Proxy__TrustedNetworks__0"));
            Assert.Equal("", Setting("Orleans__GatewayPort"));
            Assert.True(Setting("RATELIMITER_ADMIN_TOKEN") != "" || Setting("RATELIMITER_ALLOW_OPEN_ADMIN") == "true",
                $"{api} listens on every address with an open admin API and would refuse to start.");
            Assert.Contains("/health/ready", string.Join(' ', Sequence((YamlMappingNode)((YamlMappingNode)services[api])["healthcheck"], "test")));
        }
    }

    [Fact]
    public void Every_file_docker_compose_mounts_or_builds_exists()
    {
        var services = (YamlMappingNode)Compose()["services"];
        foreach (var (name, node) in services.Children)
        {
            var service = (YamlMappingNode)node;
            foreach (var volume in Sequence(service, "volumes").Where(v => v.StartsWith("./", StringComparison.Ordinal)))
            {
                string source = volume.Split(':')[0];
                Assert.True(File.Exists(Path.Combine(Root, source)) || Directory.Exists(Path.Combine(Root, source)), $"{name} mounts {source}, which does not exist.");
            }
        }

        string dockerfile = File.ReadAllText(Path.Combine(Root, "Dockerfile"));
        foreach (Match copy in CopyLine().Matches(dockerfile))
        {
            foreach (var source in copy.Groups["sources"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                Assert.True(File.Exists(Path.Combine(Root, source)) || Directory.Exists(Path.Combine(Root, source)), $"Dockerfile copies {source}, which does not exist.");
            }
        }
    }

    [Fact]
    public void The_nginx_template_names_only_the_variables_both_ways_of_running_fill_in()
    {
        string template = File.ReadAllText(Path.Combine(Root, "nginx.conf"));

        var names = TemplateVariable().Matches(template).Select(m => m.Groups["name"].Value).ToHashSet();

        Assert.Equal(["API_1", "API_2", "API_3", "NGINX_BALANCE", "NGINX_LISTEN"], names.Order());
        var nginx = (YamlMappingNode)((YamlMappingNode)Compose()["services"])["nginx"];
        var environment = (YamlMappingNode)nginx["environment"];
        Assert.All(names, name => Assert.True(environment.Children.ContainsKey(name), $"compose does not set {name} for nginx"));
    }

    [Theory]
    [InlineData("basic.js")]
    [InlineData("high-concurrency.js")]
    [InlineData("lib/ratelimit.js")]
    public async Task The_k6_scripts_pass_nodes_syntax_check(string script)
    {
        string source = Path.Combine(Root, "k6", script);
        // As .mjs, so node parses the file as the ES module k6 reads it as.
        string copy = Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid():N}.mjs");
        File.Copy(source, copy);
        try
        {
            var output = new List<string>();
            int exit = await ProcessRunner.RunAsync(Executables.Find("node"), ["--check", copy], output.Add, timeout: TimeSpan.FromMinutes(1));
            Assert.True(exit == 0, string.Join('\n', output));
        }
        finally
        {
            File.Delete(copy);
        }
    }

    [Fact]
    public void Both_k6_scenarios_read_base_url_and_count_allowed_and_rejected_through_the_shared_module()
    {
        string shared = File.ReadAllText(Path.Combine(Root, "k6", "lib", "ratelimit.js"));

        Assert.Contains("__ENV.BASE_URL", shared);
        Assert.Contains("new Counter('ratelimit_allowed')", shared);
        Assert.Contains("new Counter('ratelimit_rejected')", shared);
        Assert.All(new[] { "basic.js", "high-concurrency.js" }, script =>
            Assert.Contains("from './lib/ratelimit.js'", File.ReadAllText(Path.Combine(Root, "k6", script))));
    }

    [Fact]
    public void The_high_concurrency_script_is_200_requests_a_second_for_a_minute()
    {
        string text = File.ReadAllText(Path.Combine(Root, "k6", "high-concurrency.js"));

        Assert.Contains("constant-arrival-rate", text);
        Assert.Matches(@"rate:\s*200\b", text);
        Assert.Matches(@"duration:\s*'60s'", text);
    }

    private static YamlMappingNode Compose()
    {
        var yaml = new YamlStream();
        using var reader = new StreamReader(Path.Combine(Root, "docker-compose.yml"));
        // The api services share their definition through YAML merge keys (<<: *api), as compose reads them.
        yaml.Load(new YamlDotNet.Core.MergingParser(new YamlDotNet.Core.Parser(reader)));
        return (YamlMappingNode)yaml.Documents[0].RootNode;
    }

    private static IReadOnlyList<string> Sequence(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(key, out var value) && value is YamlSequenceNode sequence
            ? sequence.Children.Select(c => c.ToString()).ToList()
            : [];

    [GeneratedRegex(@"^COPY (?!--from)(?<sources>.+) \S+$", RegexOptions.Multiline)]
    private static partial Regex CopyLine();

    [GeneratedRegex(@"\$\{(?<name>[A-Z0-9_]+)\}")]
    private static partial Regex TemplateVariable();
}
