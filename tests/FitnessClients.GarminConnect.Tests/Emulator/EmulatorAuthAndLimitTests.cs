using System.Net;
using FitnessClients.Core;
using FitnessClients.Core.RateLimiting;
using FitnessClients.Core.Tokens;
using FitnessClients.Testing;

namespace FitnessClients.GarminConnect.Tests.Emulator;

/// <summary>Tokens issued and refreshed by the emulator's diauth, and its data-API rate limit, on the fake clock.</summary>
public class EmulatorAuthAndLimitTests
{
    private const string Profile = "/userprofile-service/socialProfile";

    [Test]
    public async Task A_refused_token_is_refreshed_once_and_the_call_sent_again()
    {
        using var h = new EmulatorHarness();
        var original = await h.SeedTokensAsync();
        var client = h.CreateClient();
        h.Emulator.DiAuth.Revoke(original.AccessToken);

        var profile = await client.Profile.GetSocialProfileAsync();

        var stored = await h.Store.LoadAsync(EmulatorHarness.TokenKey);
        Assert.Multiple(() =>
        {
            Assert.That(profile.DisplayName, Is.EqualTo(h.Emulator.DisplayName));
            Assert.That(h.Emulator.DiAuth.Refreshes, Is.EqualTo(1));
            Assert.That(h.Emulator.Requests.Where(r => r.Path == Profile).Select(r => r.StatusCode), Is.EqualTo(new HttpStatusCode?[] { HttpStatusCode.Unauthorized, HttpStatusCode.OK }));
            Assert.That(stored!.AccessToken, Is.Not.EqualTo(original.AccessToken));
            Assert.That(stored.RefreshToken, Is.Not.EqualTo(original.RefreshToken), "diauth rotated the refresh token and the new one was saved");
            Assert.That(h.Emulator.Requests.Last(r => r.Path == Profile).GetHeader("Authorization"), Is.EqualTo("Bearer " + stored.AccessToken));
        });
    }

    [Test]
    public async Task A_second_401_after_the_refresh_is_not_retried_again()
    {
        using var h = new EmulatorHarness();
        await h.SeedTokensAsync();
        var client = h.CreateClient();
        h.Emulator.Faults.Add(Fault.Status(HttpStatusCode.Unauthorized), FaultTrigger.First(5), HttpMethod.Get, Profile);

        Assert.ThrowsAsync<AuthenticationRequiredException>(() => client.Profile.GetSocialProfileAsync());

        Assert.That(h.Emulator.Requests.Count(HttpMethod.Get, Profile), Is.EqualTo(2), "the call, and one retry after the refresh");
        Assert.That(h.Emulator.DiAuth.Refreshes, Is.EqualTo(1));
    }

    [Test]
    public async Task A_token_close_to_expiry_is_refreshed_before_the_call()
    {
        using var h = new EmulatorHarness();
        var original = await h.SeedTokensAsync();
        var client = h.CreateClient();
        h.Clock.SetUtcNow(original.ExpiresAt!.Value - TimeSpan.FromMinutes(10));

        await client.Profile.GetSocialProfileAsync();

        Assert.That(h.Emulator.DiAuth.Refreshes, Is.EqualTo(1), "inside the 15-minute margin");
        Assert.That(h.Emulator.Requests.Where(r => r.Path == Profile).Select(r => r.StatusCode), Is.EqualTo(new HttpStatusCode?[] { HttpStatusCode.OK }));
    }

    [Test]
    public async Task A_dead_refresh_token_asks_the_user_to_get_new_tokens_without_leaking_any()
    {
        using var h = new EmulatorHarness();
        var original = await h.SeedTokensAsync();
        var client = h.CreateClient();
        h.Emulator.DiAuth.Revoke(original.RefreshToken!);
        h.Clock.SetUtcNow(original.ExpiresAt!.Value + TimeSpan.FromMinutes(1));

        var error = Assert.ThrowsAsync<AuthenticationRequiredException>(() => client.Profile.GetSocialProfileAsync());

        Assert.That(error!.Message, Does.Contain("Getting tokens").Or.Contain("service ticket"));
        Assert.That(error.ToString(), Does.Not.Contain(original.RefreshToken!).And.Not.Contain(original.AccessToken));
        Assert.That(h.Emulator.Requests.Count(HttpMethod.Get, Profile), Is.Zero);
    }

    [Test]
    public async Task Two_clients_sharing_a_token_folder_follow_each_others_rotations()
    {
        var folder = Directory.CreateTempSubdirectory("garmin-tokens-").FullName;
        try
        {
            using var h = new EmulatorHarness();
            var storeA = new FileTokenStore(folder);
            var storeB = new FileTokenStore(folder);
            var original = await h.SeedTokensAsync(storeA);
            var a = h.CreateClient(store: storeA);
            var b = h.CreateClient(store: storeB);

            h.Clock.SetUtcNow(original.ExpiresAt!.Value + TimeSpan.FromMinutes(1));
            await a.Profile.GetSocialProfileAsync();
            await b.Profile.GetSocialProfileAsync();
            Assert.That(h.Emulator.DiAuth.Refreshes, Is.EqualTo(1), "B used the token A had saved");

            var afterA = await storeB.LoadAsync(EmulatorHarness.TokenKey);
            h.Clock.SetUtcNow(afterA!.ExpiresAt!.Value + TimeSpan.FromMinutes(1));
            await b.Profile.GetSocialProfileAsync();
            await a.Profile.GetSocialProfileAsync();
            Assert.That(h.Emulator.DiAuth.Refreshes, Is.EqualTo(2), "B refreshed with A's rotated refresh token, A then used B's");

            var afterB = await storeA.LoadAsync(EmulatorHarness.TokenKey);
            h.Clock.SetUtcNow(afterB!.ExpiresAt!.Value + TimeSpan.FromMinutes(1));
            await Task.WhenAll(a.Profile.GetSocialProfileAsync(), b.Profile.GetSocialProfileAsync(), a.Activities.CountAsync(), b.Activities.CountAsync());
            Assert.That(h.Emulator.DiAuth.Refreshes, Is.EqualTo(3), "four calls at once, one refresh");
            Assert.That(h.Emulator.Requests.Where(r => r.StatusCode == HttpStatusCode.Unauthorized), Is.Empty);
            Assert.That(h.Emulator.DiAuth.RejectedRequests, Is.Zero, "no refresh token was used twice");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public async Task A_429_puts_the_client_into_a_cooldown_it_waits_out_on_the_clock()
    {
        using var h = new EmulatorHarness(new GarminConnectEmulatorOptions { ActivityCount = 10, DataApiRateLimit = 3 });
        await h.SeedTokensAsync();
        var policy = new TokenBucketRateLimitPolicy(timeProvider: h.Clock);
        var client = h.CreateClient(o => o.RateLimitPolicy = policy);
        for (var i = 0; i < 3; i++)
        {
            await client.Activities.CountAsync();
        }

        var limited = client.Profile.GetSocialProfileAsync();
        await h.Clock.WaitForPendingTimersAsync();
        var cooldown = policy.GetStatus().CooldownUntil;
        var waiting = client.Activities.CountAsync();
        await h.Clock.WaitForPendingTimersAsync(2);

        Assert.That(cooldown, Is.EqualTo(h.Clock.GetUtcNow() + TimeSpan.FromSeconds(60)));
        Assert.That(h.Emulator.Requests.Count(r => r.RateLimited), Is.EqualTo(1));
        Assert.That(limited.IsCompleted || waiting.IsCompleted, Is.False, "both wait for the cooldown");
        Assert.That(h.Emulator.Requests.Count, Is.EqualTo(4), "the waiting call was not sent");

        h.Clock.Advance(TimeSpan.FromSeconds(60));
        var profile = await limited;
        var count = await waiting;

        Assert.That(profile.DisplayName, Is.EqualTo(h.Emulator.DisplayName));
        Assert.That(count.TotalCount, Is.EqualTo(10));
        Assert.That(h.Emulator.Requests.Count(r => r.RateLimited), Is.EqualTo(1), "nothing was sent during the cooldown");
    }

    [Test]
    public async Task An_interactive_client_gets_the_cooldown_as_an_exception()
    {
        using var h = new EmulatorHarness(new GarminConnectEmulatorOptions { ActivityCount = 10, DataApiRateLimit = 1 });
        await h.SeedTokensAsync();
        var client = h.CreateClient(o => o.RateLimitPolicy = new TokenBucketRateLimitPolicy(timeProvider: h.Clock) { ExhaustionBehavior = RateLimitExhaustionBehavior.Throw });
        await client.Activities.CountAsync();

        var error = Assert.ThrowsAsync<RateLimitExceededException>(() => client.Activities.CountAsync());
        var next = Assert.ThrowsAsync<RateLimitExceededException>(() => client.Activities.CountAsync());

        Assert.That(error!.ResumeAt, Is.EqualTo(h.Clock.GetUtcNow() + TimeSpan.FromSeconds(60)));
        Assert.That(next!.ResumeAt, Is.EqualTo(error.ResumeAt), "the second call is refused locally");
        Assert.That(h.Emulator.Requests.Count, Is.EqualTo(2));
    }

    [Test]
    public async Task The_default_rate_is_a_burst_of_five_then_one_request_per_second()
    {
        using var h = new EmulatorHarness();
        await h.SeedTokensAsync();
        var client = h.CreateClient(o => o.RateLimitPolicy = null);

        var calls = Enumerable.Range(0, 7).Select(_ => client.Activities.CountAsync()).ToList();
        await h.Clock.WaitForPendingTimersAsync();
        Assert.That(h.Emulator.Requests.Count, Is.EqualTo(5));

        await h.Clock.RunUntilCompletedAsync(Task.WhenAll(calls), maxAdvance: TimeSpan.FromSeconds(10));
        Assert.That(h.Emulator.Requests.Count, Is.EqualTo(7));
        Assert.That(h.Clock.GetUtcNow() - FakeTimeDefaults.Start, Is.EqualTo(TimeSpan.FromSeconds(2)));
    }
}
