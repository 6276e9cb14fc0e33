using RateLimiterOrleans.Processes;

namespace RateLimiterOrleans.Lab.Stack;

/// <summary>Every port one lab stack uses. Three silos, so three of each per-silo port.</summary>
public sealed record StackPorts(int Nginx, int Redis, IReadOnlyList<int> Api, IReadOnlyList<int> Silo, IReadOnlyList<int> Gateway, int Prometheus)
{
    public const int Silos = 3;

    /// <summary>The seed's ports: nginx 8080, api-1..3 on 8001..8003, Redis 6379, Prometheus 9090.</summary>
    public static StackPorts Default { get; } = new(8080, 6379, [8001, 8002, 8003], [11111, 11112, 11113], [30001, 30002, 30003], 9090);

    /// <summary>
    /// A stack beside the default one: nginx on <paramref name="basePort"/>, the APIs on the next three
    /// ports, Prometheus on base+9, Redis on base+10, silo-to-silo ports on base+11.., gateways on base+21...
    /// </summary>
    public static StackPorts FromBase(int basePort)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(basePort, 1024);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(basePort, 65535 - 30);
        return new(basePort, basePort + 10, Three(basePort + 1), Three(basePort + 11), Three(basePort + 21), basePort + 9);
    }

    /// <summary>Ports chosen by the kernel, for tests: never the seed's, never a running lab's.</summary>
    public static StackPorts Free()
    {
        var ports = new HashSet<int>();
        while (ports.Count < 3 + 3 * Silos)
        {
            ports.Add(FreePort.Take());
        }

        var list = ports.ToList();
        return new(list[0], list[1], list[2..5], list[5..8], list[8..11], list[11]);
    }

    public IEnumerable<(string Owner, int Port)> All() =>
        new[] { ("redis", Redis) }
            .Concat(Enumerable.Range(0, Silos).SelectMany(i => new[]
            {
                (StackNames.Api(i), Api[i]),
                (StackNames.Api(i), Silo[i]),
                (StackNames.Api(i), Gateway[i]),
            }))
            .Append(("nginx", Nginx))
            .Append((StackNames.Prometheus, Prometheus));

    // Records compare lists by reference; two stacks on the same ports are the same stack.
    public bool Equals(StackPorts? other) =>
        other is not null
        && Nginx == other.Nginx
        && Redis == other.Redis
        && Api.SequenceEqual(other.Api)
        && Silo.SequenceEqual(other.Silo)
        && Gateway.SequenceEqual(other.Gateway)
        && Prometheus == other.Prometheus;

    public override int GetHashCode() => HashCode.Combine(Nginx, Redis, Api[0], Silo[0], Gateway[0]);

    private static int[] Three(int first) => [first, first + 1, first + 2];
}
