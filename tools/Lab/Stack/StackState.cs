using System.Text.Json;

namespace RateLimiterOrleans.Lab.Stack;

/// <summary>
/// What <c>up</c> started, kept in the stack's state file so <c>down</c> stops exactly that, and
/// <c>status</c> can tell a running component from a stale record.
/// </summary>
public sealed record StackState(StackPorts Ports, Dictionary<string, StartedComponent> Components)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public static StackState? Load(string file) =>
        File.Exists(file) ? JsonSerializer.Deserialize<StackState>(File.ReadAllText(file), Json) : null;

    public void Save(string file)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, JsonSerializer.Serialize(this, Json));
    }
}
