using RateLimiterOrleans.Grains;

namespace RateLimiterOrleans.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class ResetTests(ClusterFixture fixture)
{
    private const int Limit = 5;
    private readonly RateLimiterCluster _cluster = fixture.Cluster;

    public static TheoryData<string> Modes => new() { "local", "grain", "redis_naive", "redis_atomic" };

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task Resetting_one_client_lets_it_in_again_and_leaves_others_limited(string mode)
    {
        await _cluster.Configure(new ConfigPatch(mode, RateLimit: Limit, WindowSizeSeconds: 60));
        string reset = ClusterFixture.NewClient($"reset-one-{mode}");
        string untouched = ClusterFixture.NewClient($"untouched-{mode}");
        await ExhaustOnEverySilo(reset);
        await ExhaustOnEverySilo(untouched);

        var config = (await _cluster.ConfigGrain.ResetClient(reset)).Config;
        await _cluster.UntilEverySiloHas(config.Version, TimeSpan.FromSeconds(5));

        for (int silo = 0; silo < 3; silo++)
        {
            Assert.True((await _cluster.DecideOn(silo, reset)).Allowed, $"{reset} still limited on silo {silo}.");
            Assert.False((await _cluster.DecideOn(silo, untouched)).Allowed, $"{untouched} was reset on silo {silo}.");
        }
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task Resetting_all_clients_lets_every_client_in_again(string mode)
    {
        await _cluster.Configure(new ConfigPatch(mode, RateLimit: Limit, WindowSizeSeconds: 60));
        string[] clients = [ClusterFixture.NewClient($"reset-all-a-{mode}"), ClusterFixture.NewClient($"reset-all-b-{mode}")];
        foreach (var client in clients)
        {
            await ExhaustOnEverySilo(client);
        }

        var config = await _cluster.ConfigGrain.ResetAll();
        await _cluster.UntilEverySiloHas(config.Version, TimeSpan.FromSeconds(5));

        foreach (var client in clients)
        {
            // One at a time, so even redis_naive is exact and only the reset is under test.
            int admitted = 0;
            for (int i = 0; i < 3 * Limit; i++)
            {
                admitted += (await _cluster.DecideOn(i % 3, client)).Allowed ? 1 : 0;
            }

            Assert.Equal(mode == "local" ? 3 * Limit : Limit, admitted);
        }
    }

    [Fact]
    public async Task A_client_reset_does_not_clear_the_client_a_second_time_later()
    {
        await _cluster.Configure(new ConfigPatch("grain", RateLimit: Limit, WindowSizeSeconds: 60));
        string client = ClusterFixture.NewClient("reset-once");
        await ExhaustOnEverySilo(client);
        var config = (await _cluster.ConfigGrain.ResetClient(client)).Config;
        await _cluster.UntilEverySiloHas(config.Version, TimeSpan.FromSeconds(5));
        await ExhaustOnEverySilo(client);

        var other = (await _cluster.ConfigGrain.ResetClient(ClusterFixture.NewClient("someone-else"))).Config;
        await _cluster.UntilEverySiloHas(other.Version, TimeSpan.FromSeconds(5));

        Assert.False((await _cluster.DecideOn(0, client)).Allowed);
    }

    [Fact]
    public async Task A_key_in_a_tier_with_a_longer_window_than_the_default_stays_reset_on_every_silo_after_the_default_window()
    {
        await _cluster.Configure(new ConfigPatch("local", RateLimit: Limit, WindowSizeSeconds: 1));
        Assert.True((await _cluster.ConfigGrain.PutTier("reset-hourly", new TierPatch(Limit, 3600, "sliding_window"))).Applied);
        string key = ClusterFixture.NewClient("hourly");
        var assigned = await _cluster.ConfigGrain.Assign(key, "reset-hourly");
        await _cluster.UntilEverySiloHas(assigned.Config.Version, TimeSpan.FromSeconds(5));
        string client = ClientId.ForApiKey(key).Value;
        await ExhaustOnEverySilo(client);

        var reset = (await _cluster.ConfigGrain.ResetClient(client)).Config;
        await _cluster.UntilEverySiloHas(reset.Version, TimeSpan.FromSeconds(5));
        Assert.True((await _cluster.DecideOn(0, client)).Allowed);
        // The default tier's window passes; silos 1 and 2 have not decided for the client since its reset.
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        var other = (await _cluster.ConfigGrain.ResetClient(ClientId.ForApiKey(ClusterFixture.NewClient("prunes")).Value)).Config;
        await _cluster.UntilEverySiloHas(other.Version, TimeSpan.FromSeconds(5));

        Assert.True((await _cluster.DecideOn(1, client)).Allowed, "The reset was forgotten before silo 1 applied it.");
        Assert.True((await _cluster.DecideOn(2, client)).Allowed, "The reset was forgotten before silo 2 applied it.");
    }

    // Sends enough from every silo that the client is rejected everywhere, whatever the mode.
    private async Task ExhaustOnEverySilo(string client)
    {
        for (int silo = 0; silo < 3; silo++)
        {
            for (int i = 0; i <= Limit; i++)
            {
                await _cluster.DecideOn(silo, client);
            }

            Assert.False((await _cluster.DecideOn(silo, client)).Allowed);
        }
    }
}
