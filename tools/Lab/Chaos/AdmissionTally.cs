using System.Collections.Concurrent;
using System.Net;

namespace RateLimiterOrleans.Lab.Chaos;

/// <summary>
/// What each client was answered, as the client saw it: admitted (200), refused (429), or anything else (a failure,
/// status 0 when no answer came). A request a silo counted but whose answer was lost is not an admission here.
/// </summary>
public sealed class AdmissionTally
{
    private readonly ConcurrentDictionary<string, ClientAnswers> _clients = new();
    private readonly ConcurrentDictionary<int, int> _failures = new();

    /// <summary>Every failure's status code (0 for no answer) and how often it came.</summary>
    public IReadOnlyDictionary<int, int> Failures => _failures;

    public int Requests => _clients.Values.Sum(c => c.Admitted + c.Refused + c.Failed);

    public void Add(string client, HttpStatusCode status, string? decidedBy = null)
    {
        var answers = _clients.GetOrAdd(client, _ => new ClientAnswers());
        switch (status)
        {
            case HttpStatusCode.OK:
                Interlocked.Increment(ref answers.Admitted);
                break;
            case HttpStatusCode.TooManyRequests:
                Interlocked.Increment(ref answers.Refused);
                break;
            default:
                Interlocked.Increment(ref answers.Failed);
                _failures.AddOrUpdate((int)status, 1, (_, count) => count + 1);
                break;
        }

        if (decidedBy is not null)
        {
            answers.DecidedBy = decidedBy;
            answers.AdmittedBy.AddOrUpdate(decidedBy, 1, (_, count) => count + 1);
        }
    }

    public int Admitted(string client) => _clients.TryGetValue(client, out var answers) ? answers.Admitted : 0;

    public int Failed(string client) => _clients.TryGetValue(client, out var answers) ? answers.Failed : 0;

    /// <summary>What <paramref name="silo"/> admitted to the client, as the answers named their deciding silo.</summary>
    public int AdmittedBy(string client, string silo) =>
        _clients.TryGetValue(client, out var answers) ? answers.AdmittedBy.GetValueOrDefault(silo) : 0;

    /// <summary>The silo that decided the client's last admitted request, as its answer named it.</summary>
    public string? DecidedBy(string client) => _clients.TryGetValue(client, out var answers) ? answers.DecidedBy : null;

    private sealed class ClientAnswers
    {
        public int Admitted;
        public int Refused;
        public int Failed;
        public volatile string? DecidedBy;

        public ConcurrentDictionary<string, int> AdmittedBy { get; } = new();
    }
}
