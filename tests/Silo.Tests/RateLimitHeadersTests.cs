using Microsoft.AspNetCore.Http;
using RateLimiterOrleans.AspNetCore;
using RateLimiterOrleans.Grains;
using RateLimiterOrleans.Silo.Http;

namespace RateLimiterOrleans.Silo.Tests;

/// <summary>The draft-ietf-httpapi-ratelimit-headers fields and Retry-After, as each kind of decision sets them.</summary>
public sealed class RateLimitHeadersTests
{
    private static readonly Decision Admitted = new(
        Allowed: true, Limit: 100, Remaining: 42, RetryAfter: TimeSpan.Zero, Mode: RateLimitMode.Grain, RaceDetected: false,
        DecidedBy: "api-1", Tier: "gold", Algorithm: RateLimitAlgorithm.SlidingWindow, WindowSizeSeconds: 60, Basis: DecisionBasis.Count);

    [Fact]
    public void An_admission_names_the_tier_policy_and_the_remaining_quota_without_a_reset_time()
    {
        var headers = Apply(Admitted);

        Assert.Equal("\"gold\";q=100;w=60", headers["RateLimit-Policy"]);
        Assert.Equal("\"gold\";r=42", headers["RateLimit"]);
        Assert.False(headers.ContainsKey("Retry-After"));
        Assert.False(headers.ContainsKey(RateLimitHeaders.FailOpenHeader));
    }

    [Theory]
    [InlineData(59_000, "59")]
    [InlineData(59_001, "60")]
    [InlineData(1, "1")]
    [InlineData(0, "1")]
    public void A_rejection_carries_retry_after_in_whole_seconds_rounded_up_so_waiting_it_is_enough(int retryAfterMs, string seconds)
    {
        var headers = Apply(Admitted with { Allowed = false, Remaining = 0, RetryAfter = TimeSpan.FromMilliseconds(retryAfterMs) });

        Assert.Equal(seconds, headers["Retry-After"]);
        Assert.Equal($"\"gold\";r=0;t={seconds}", headers["RateLimit"]);
        Assert.Equal("\"gold\";q=100;w=60", headers["RateLimit-Policy"]);
    }

    [Fact]
    public void A_shadow_admission_says_it_would_have_been_refused_and_asks_nobody_to_wait()
    {
        var headers = Apply(Admitted with { Remaining = 0, RetryAfter = TimeSpan.FromSeconds(30), WouldHaveBeenRefused = true });

        Assert.Equal("would-refuse", headers[RateLimitHeaders.ShadowHeader]);
        Assert.Equal("\"gold\";r=0", headers["RateLimit"]);
        Assert.False(headers.ContainsKey("Retry-After"));
        Assert.False(Apply(Admitted).ContainsKey(RateLimitHeaders.ShadowHeader));
    }

    [Fact]
    public void A_fail_open_admission_is_marked_and_claims_no_quota()
    {
        var headers = Apply(Admitted with { Basis = DecisionBasis.FailedOpen });

        Assert.Equal("redis_unavailable", headers[RateLimitHeaders.FailOpenHeader]);
        Assert.False(headers.ContainsKey("RateLimit"));
        Assert.False(headers.ContainsKey("RateLimit-Policy"));
        Assert.False(headers.ContainsKey("Retry-After"));
    }

    [Fact]
    public void A_fail_closed_refusal_asks_to_retry_in_a_second_and_claims_no_quota()
    {
        var headers = Apply(Admitted with { Allowed = false, Basis = DecisionBasis.FailedClosed });

        Assert.Equal("1", headers["Retry-After"]);
        Assert.False(headers.ContainsKey("RateLimit"));
        Assert.False(headers.ContainsKey(RateLimitHeaders.FailOpenHeader));
    }

    [Fact]
    public void An_overloaded_refusal_asks_to_retry_in_a_second_and_claims_no_quota()
    {
        var headers = Apply(Admitted with { Allowed = false, Basis = DecisionBasis.Overloaded, RetryAfter = TimeSpan.FromSeconds(1) });

        Assert.Equal("1", headers["Retry-After"]);
        Assert.False(headers.ContainsKey("RateLimit"));
    }

    [Fact]
    public void A_local_fallback_decision_describes_the_silos_share_and_says_so()
    {
        var headers = Apply(Admitted with { Limit = 34, Remaining = 3, Basis = DecisionBasis.LocalFallback });

        Assert.Equal("local", headers[RateLimitHeaders.FallbackHeader]);
        Assert.Equal("\"gold\";q=34;w=60", headers["RateLimit-Policy"]);
        Assert.Equal("\"gold\";r=3", headers["RateLimit"]);
    }

    [Fact]
    public void Seconds_until_retry_is_zero_for_an_admission()
    {
        Assert.Equal(0, RateLimitHeaders.SecondsUntilRetry(Admitted with { RetryAfter = TimeSpan.FromSeconds(5) }));
    }

    private static IHeaderDictionary Apply(Decision decision)
    {
        var context = new DefaultHttpContext();
        RateLimitHeaders.Apply(context.Response, decision);
        return context.Response.Headers;
    }
}
