namespace RateLimiterOrleans.Grains;

/// <summary>The wire names of <see cref="DecisionBasis"/>, as the <c>basis</c> field of a decision's JSON.</summary>
public static class DecisionBasisNames
{
    public static string ToName(this DecisionBasis basis) => basis switch
    {
        DecisionBasis.Count => "count",
        DecisionBasis.FailedOpen => "failed_open",
        DecisionBasis.FailedClosed => "failed_closed",
        DecisionBasis.LocalFallback => "local_fallback",
        DecisionBasis.Overloaded => "overloaded",
        DecisionBasis.Fenced => "fenced",
        _ => throw new ArgumentOutOfRangeException(nameof(basis), basis, "Unknown decision basis."),
    };
}
