using FitnessClients.Benchmarks.Infrastructure;
using FitnessClients.Core.Activities;
using FitnessClients.Core.RateLimiting;
using FitnessClients.Core.Tokens;
using FitnessClients.FitTrackee;
using FitnessClients.Testing;
using Microsoft.Extensions.Time.Testing;

namespace FitnessClients.Benchmarks.Services;

/// <summary>
/// A self-hosted FitTrackee as a backup source, every format it has: the summary (the list item, no request), the
/// details JSON, the GPX and the original file.
/// </summary>
internal sealed class FitTrackeeServiceBench : ServiceBench
{
    public static readonly DateTimeOffset Start = new(2026, 4, 20, 8, 0, 0, TimeSpan.Zero);

    public override string Service => "fittrackee";

    public override string FormatSet => "all_formats";

    public override IReadOnlyList<ActivityFormat> Formats { get; } = [ActivityFormat.SummaryJson, ActivityFormat.DetailsJson, ActivityFormat.Gpx, ActivityFormat.Original];

    public override double MinimumRequestsPerActivity => 3;

    public override int ListPageSize => 100;

    public override async Task<BenchAccount> CreateAccountAsync(int activityCount, CancellationToken cancellationToken)
    {
        var clock = new FakeTimeProvider(Start);
        var emulator = new FitTrackeeEmulator(clock, new FitTrackeeEmulatorOptions { WorkoutCount = activityCount });
        var issued = emulator.IssueTokens();
        var store = new InMemoryTokenStore();
        await store.SaveAsync("fittrackee-bench", new OAuthToken
        {
            AccessToken = issued.AccessToken,
            RefreshToken = issued.RefreshToken,
            ExpiresAt = issued.ExpiresAt,
            Scopes = [.. issued.Scopes],
        }, cancellationToken);
        var client = FitTrackeeClient.Create(new FitTrackeeClientOptions
        {
            BaseAddress = emulator.DefaultBaseAddress,
            ClientId = emulator.RegisteredClientId,
            ClientSecret = emulator.RegisteredClientSecret,
            RedirectUri = new Uri(emulator.RedirectUri),
            TokenStore = store,
            TokenKey = "fittrackee-bench",
            PrimaryHandler = emulator.CreateHandler(),
            TimeProvider = clock,
            RateLimitPolicy = new TokenBucketRateLimitPolicy(1_000_000, 1_000_000, TimeSpan.FromSeconds(1), clock),
        });
        return new BenchAccount(new FitTrackeeActivitySource(client), () => emulator.Requests.Count(), emulator.Workouts.Count, client);
    }
}
