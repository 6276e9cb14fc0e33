using System.Globalization;
using Xunit.Abstractions;

namespace RateLimiterOrleans.EndToEnd.Tests.Ordering;

/// <summary>
/// The order the end-to-end tests run in, from <c>E2E_TEST_ORDER</c>: <c>name</c> (classes, then tests, by
/// name), <c>reverse</c> (the same, backwards) or <c>random:&lt;seed&gt;</c> (shuffled, the same way for the
/// same seed). Unset, xUnit's own order stands. Tests that pass in every order set up what they rely on
/// instead of inheriting it from the test before.
/// </summary>
public static class TestOrder
{
    public const string Variable = "E2E_TEST_ORDER";

    /// <summary>The order asked for, or null for xUnit's own. An unknown value is an error, not a silent default.</summary>
    public static string? Requested
    {
        get
        {
            string? value = Environment.GetEnvironmentVariable(Variable);
            if (string.IsNullOrEmpty(value) || value is "name" or "reverse" || Seed(value) is not null)
            {
                return string.IsNullOrEmpty(value) ? null : value;
            }

            throw new InvalidOperationException($"{Variable}={value}: expected name, reverse or random:<seed>.");
        }
    }

    /// <summary>Orders items by <paramref name="key"/> as <see cref="Requested"/> says; unchanged when nothing is asked.</summary>
    public static IEnumerable<T> Apply<T>(IEnumerable<T> items, Func<T, string> key)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(key);
        string? order = Requested;
        if (order is null)
        {
            return items;
        }

        var byName = items.OrderBy(key, StringComparer.Ordinal).ToList();
        if (order == "reverse")
        {
            byName.Reverse();
        }
        else if (Seed(order) is { } seed)
        {
            new Random(seed).Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(byName));
        }

        return byName;
    }

    public static string ClassOf(ITestCase testCase) => testCase.TestMethod.TestClass.Class.Name;

    private static int? Seed(string order) =>
        order.StartsWith("random:", StringComparison.Ordinal)
        && int.TryParse(order["random:".Length..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int seed)
            ? seed
            : null;
}
