using FitnessClients.Core;
using FitnessClients.Core.Activities;
using FitnessClients.Core.Tokens;
using FitnessClients.Strava.RateLimits;
using FitnessClients.Strava.Tests.RateLimits;
using FitnessClients.Testing;

namespace FitnessClients.Strava.Tests.Behaviour;

/// <summary>The client against strava-emu's emulator: a whole backup under enforced limits, token refresh with rotation, scopes.</summary>
public class StravaEmulatorBehaviourTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

    private static async Task<(StravaClient Client, InMemoryTokenStore Store)> CreateAsync(StravaEmulator emulator, FakeTimeProvider clock, string[] scopes)
    {
        var issued = emulator.IssueTokens(scopes);
        var store = new InMemoryTokenStore();
        await store.SaveAsync("strava", new OAuthToken
        {
            AccessToken = issued.AccessToken,
            RefreshToken = issued.RefreshToken,
            TokenType = "Bearer",
            ExpiresAt = issued.ExpiresAt,
            Scopes = [.. issued.Scopes],
        });
        var options = new StravaClientOptions
        {
            ClientId = emulator.RegisteredClientId,
            ClientSecret = emulator.RegisteredClientSecret,
            TokenStore = store,
            TokenKey = "strava",
            PrimaryHandler = emulator.CreateHandler(),
            TimeProvider = clock,
            RateLimitPolicy = StravaRateLimits.CreatePolicy(clock),
        };
        options.Resilience.Enabled = false;
        return (StravaClient.Create(options), store);
    }

    [Test]
    public async Task A_first_backup_of_350_activities_lists_all_and_fetches_streams_without_a_429()
    {
        var clock = new TimerTrackingTimeProvider(Start);
        var emulator = new StravaEmulator(clock, new StravaEmulatorOptions { ActivityCount = 350, EnforceRateLimits = true, Seed = 7 });
        var (client, _) = await CreateAsync(emulator, clock, ["read", "activity:read_all"]);
        using var _client = client;
        var source = new StravaActivitySource(client);

        var (listed, withStreams, manual) = await FakeClockDriver.RunAsync(clock, async () =>
        {
            var all = new List<ActivitySummary>();
            int streams = 0, noStreams = 0;
            await foreach (var a in source.ListActivitiesAsync())
            {
                all.Add(a);
                await using var content = await source.OpenAsync(a, StravaActivityFormats.StreamsJson);
                if (content.IsAvailable)
                {
                    streams++;
                }
                else
                {
                    noStreams++;
                }
            }

            return (all, streams, noStreams);
        });

        Assert.That(listed.Select(a => a.Id).Distinct().Count(), Is.EqualTo(emulator.Activities.Count));
        Assert.That(listed.Select(a => a.StartTime), Is.Ordered.Descending, "newest first");
        Assert.That(manual, Is.EqualTo(emulator.Activities.Count(a => a.IsManual)));
        Assert.That(withStreams + manual, Is.EqualTo(listed.Count));
        Assert.That(emulator.RateLimits!.Responses429, Is.Zero);
        var first = emulator.Activities[0];
        var mapped = listed.Single(a => a.Id == first.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.That(mapped.StartTime.Offset, Is.EqualTo(first.UtcOffset));
        Assert.That(mapped.StartTime.UtcDateTime, Is.EqualTo(first.StartUtc.UtcDateTime));
    }

    [Test]
    public async Task An_expired_token_is_refreshed_and_the_rotated_one_saved_before_use()
    {
        var clock = new FakeTimeProvider(Start);
        var emulator = new StravaEmulator(clock, new StravaEmulatorOptions { ActivityCount = 3, AccessTokenLifetime = TimeSpan.FromHours(6) });
        var (client, store) = await CreateAsync(emulator, clock, ["read", "activity:read_all"]);
        using var _client = client;
        var before = await store.LoadAsync("strava");
        clock.Advance(TimeSpan.FromHours(7));

        var athlete = await client.Athlete.GetAsync();

        var after = await store.LoadAsync("strava");
        Assert.That(athlete.Id, Is.EqualTo(emulator.AthleteId));
        Assert.That(after!.AccessToken, Is.Not.EqualTo(before!.AccessToken));
        Assert.That(after.RefreshToken, Is.Not.Null);
        Assert.That(after.Scopes, Is.EquivalentTo(before.Scopes), "granted scopes survive the refresh");
        Assert.That(after.ExpiresAt, Is.GreaterThan(clock.GetUtcNow()));
    }

    [Test]
    public async Task Without_activity_read_all_the_listing_stops_before_any_request()
    {
        var clock = new FakeTimeProvider(Start);
        var emulator = new StravaEmulator(clock, new StravaEmulatorOptions { ActivityCount = 5 });
        var (client, _) = await CreateAsync(emulator, clock, ["read", "activity:read"]);
        using var _client = client;

        var ex = Assert.ThrowsAsync<AuthenticationRequiredException>(async () =>
        {
            await foreach (var _ in client.Activities.ListAsync())
            {
            }
        });

        Assert.That(ex!.Message, Does.Contain("activity:read_all"));
        Assert.That(emulator.Requests.Count(HttpMethod.Get, "/api/v3/athlete/activities"), Is.Zero);
    }
}
