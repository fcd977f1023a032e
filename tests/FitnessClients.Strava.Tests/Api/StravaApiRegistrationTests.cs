using FitnessClients.Core;
using FitnessClients.Core.Tokens;
using FitnessClients.Strava.Api;
using FitnessClients.Strava.RateLimits;
using FitnessClients.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FitnessClients.Strava.Tests.Api;

/// <summary><see cref="IStravaApi"/> resolved from a container (<c>AddStravaApi</c>) and called through the whole pipeline against the emulator.</summary>
public class StravaApiRegistrationTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

    private static async Task<(ServiceProvider Provider, InMemoryTokenStore Store, OAuthToken Seeded)> CreateAsync(StravaEmulator emulator, FakeTimeProvider clock, Action<IServiceCollection>? more = null)
    {
        var issued = emulator.IssueTokens(["read", "activity:read_all"]);
        var store = new InMemoryTokenStore();
        var seeded = new OAuthToken
        {
            AccessToken = issued.AccessToken,
            RefreshToken = issued.RefreshToken,
            TokenType = "Bearer",
            ExpiresAt = issued.ExpiresAt,
            Scopes = [.. issued.Scopes],
        };
        await store.SaveAsync("strava", seeded);
        var services = new ServiceCollection();
        services.AddStravaApi(o =>
        {
            o.ClientId = emulator.RegisteredClientId;
            o.ClientSecret = emulator.RegisteredClientSecret;
            o.TokenStore = store;
            o.TokenKey = "strava";
            o.PrimaryHandler = emulator.CreateHandler();
            o.TimeProvider = clock;
            o.RateLimitPolicy = StravaRateLimits.CreatePolicy(clock);
            o.Resilience.Enabled = false;
        });
        more?.Invoke(services);
        return (services.BuildServiceProvider(), store, seeded);
    }

    [Test]
    public async Task A_revoked_access_token_is_refreshed_on_the_401_saved_and_the_call_retried()
    {
        var clock = new FakeTimeProvider(Start);
        var emulator = new StravaEmulator(clock, new StravaEmulatorOptions { ActivityCount = 3 });
        var (provider, store, seeded) = await CreateAsync(emulator, clock);
        await using var _ = provider;
        Assert.That(emulator.OAuth.Revoke(seeded.AccessToken), Is.True);
        var api = provider.GetRequiredService<IStravaApi>();

        var athlete = await api.GetAthleteAsync();

        var saved = await store.LoadAsync("strava");
        Assert.That(athlete.Id, Is.EqualTo(emulator.AthleteId));
        Assert.That(emulator.OAuth.Refreshes, Is.EqualTo(1));
        Assert.That(saved!.AccessToken, Is.Not.EqualTo(seeded.AccessToken), "the rotated token is stored");
        Assert.That(emulator.Requests.Count(HttpMethod.Get, "/api/v3/athlete"), Is.EqualTo(2), "the 401 and the retry");
    }

    [Test]
    public async Task A_missing_activity_is_the_sdks_typed_exception_not_refits()
    {
        var clock = new FakeTimeProvider(Start);
        var emulator = new StravaEmulator(clock, new StravaEmulatorOptions { ActivityCount = 3 });
        var (provider, _, _) = await CreateAsync(emulator, clock);
        await using var _provider = provider;
        var api = provider.GetRequiredService<IStravaApi>();

        var ex = Assert.ThrowsAsync<ResourceNotFoundException>(() => api.GetActivityAsync(1));

        Assert.That(ex!.Service, Is.EqualTo("strava"));
        Assert.That(ex.RequestUri!.AbsolutePath, Is.EqualTo("/api/v3/activities/1"));
    }

    [Test]
    public async Task The_api_and_the_facade_registered_together_share_one_token_manager_and_rate_budget()
    {
        var clock = new FakeTimeProvider(Start);
        var emulator = new StravaEmulator(clock, new StravaEmulatorOptions { ActivityCount = 3 });
        var (provider, _, _) = await CreateAsync(emulator, clock, services => services.AddStravaClient());
        await using var _provider = provider;
        var api = provider.GetRequiredService<IStravaApi>();
        var client = provider.GetRequiredService<StravaClient>();

        var id = emulator.Activities[0].Id;
        var laps = await api.GetLapsAsync(id);
        var viaFacade = await client.Activities.GetLapsAsync(id);

        Assert.That(laps, Has.Count.EqualTo(viaFacade.Count));
        Assert.That(emulator.Requests.Count(HttpMethod.Get, $"/api/v3/activities/{id}/laps"), Is.EqualTo(2), "each call is one request, the pipeline added once");
    }
}
