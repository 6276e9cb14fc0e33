using StackExchange.Redis;

namespace RateLimiterOrleans.Stores;

/// <summary>A naive decision's keys: its own algorithm's, and the other algorithm's it may take a client over from.</summary>
internal readonly record struct NaiveKeys(RedisKey Own, RedisKey Other);
