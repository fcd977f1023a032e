using FitnessClients.Benchmarks.Infrastructure;
using FitnessClients.Core.Activities;
using FitnessClients.Core.RateLimiting;
using FitnessClients.Core.Tokens;
using FitnessClients.Runkeeper;
using FitnessClients.Testing;
using Microsoft.Extensions.Time.Testing;

namespace FitnessClients.Benchmarks.Services;

/// <summary>
/// Runkeeper's Health Graph, every format the API source has: the summary (the feed item, no request), the details
/// JSON and the GPX built from the same full-activity response (one request, cached for both).
/// </summary>
internal sealed class RunkeeperServiceBench : ServiceBench
{
    public static readonly DateTimeOffset Start = new(2026, 5, 4, 8, 3, 0, TimeSpan.Zero);

    public override string Service => "runkeeper";

    public override string FormatSet => "all_formats";

    public override IReadOnlyList<ActivityFormat> Formats => RunkeeperActivityFormats.Api;

    public override double MinimumRequestsPerActivity => 1;

    public override int PerRunRequests => 1;

    public override int ListPageSize => RunkeeperClientOptions.DefaultPageSize;

    public override async Task<BenchAccount> CreateAccountAsync(int activityCount, CancellationToken cancellationToken)
    {
        var clock = new FakeTimeProvider(Start);
        var emulator = new RunkeeperEmulator(clock, new RunkeeperEmulatorOptions { ActivityCount = activityCount });
        var store = new InMemoryTokenStore();
        await store.SaveAsync("runkeeper-bench", new OAuthToken { AccessToken = emulator.IssueAccessToken(), TokenType = "Bearer" }, cancellationToken);
        var client = RunkeeperClient.Create(new RunkeeperClientOptions
        {
            TokenStore = store,
            TokenKey = "runkeeper-bench",
            PrimaryHandler = emulator.CreateHandler(),
            TimeProvider = clock,
            RateLimitPolicy = new TokenBucketRateLimitPolicy(1_000_000, 1_000_000, TimeSpan.FromSeconds(1), clock),
        });
        return new BenchAccount(new RunkeeperActivitySource(client), () => emulator.Requests.Count(), emulator.Activities.Count, client);
    }
}
