namespace RateLimiterOrleans.Lab.Stack;

/// <summary>The names of a stack's components, as <c>./lab status</c> and <c>./lab logs</c> use them.</summary>
public static class StackNames
{
    public const string Redis = "redis";
    public const string Nginx = "nginx";
    public const string Prometheus = "prometheus";

    public static string Api(int index) => $"api-{index + 1}";

    /// <summary>In start order; <c>down</c> stops in the reverse order, so silos go before Redis.</summary>
    public static IReadOnlyList<string> All { get; } = [Redis, Api(0), Api(1), Api(2), Nginx, Prometheus];

    /// <summary>The components every stack runs; Prometheus only runs with <c>--observability</c>.</summary>
    public static IReadOnlyList<string> Core { get; } = [Redis, Api(0), Api(1), Api(2), Nginx];
}
