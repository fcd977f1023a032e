using FitnessClients.Benchmarks.Infrastructure;
using FitnessClients.Core.Activities;
using FitnessClients.Strava;
using FitnessClients.Strava.Clients;
using FitnessClients.Testing;
using Microsoft.Extensions.Time.Testing;

namespace FitnessClients.Benchmarks.Services;

/// <summary>
/// Strava, GPX + summary: the summary is the listing's own JSON (no request), the GPX is built from the streams (one
/// request; none for a manual activity). The limits are lifted here: these figures count requests, the rate scenario
/// measures the windows.
/// </summary>
internal sealed class StravaServiceBench : ServiceBench
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

    public override string Service => "strava";

    public override string FormatSet => "gpx_summary";

    public override IReadOnlyList<ActivityFormat> Formats { get; } = [StravaActivityFormats.Gpx, StravaActivityFormats.SummaryJson];

    public override double MinimumRequestsPerActivity => 1;

    public override int ListPageSize => StravaActivitiesClient.MaxPageSize;

    public override async Task<BenchAccount> CreateAccountAsync(int activityCount, CancellationToken cancellationToken)
    {
        var clock = new FakeTimeProvider(Start);
        var emulator = new StravaEmulator(clock, BenchClients.UnlimitedStrava(activityCount));
        var client = await BenchClients.StravaAsync(
            BenchClients.StravaToken(emulator.IssueTokens()), emulator.RegisteredClientId, emulator.RegisteredClientSecret, clock, emulator.CreateHandler(), limits: BenchClients.NoStravaLimits);
        return new BenchAccount(new StravaActivitySource(client), () => emulator.Requests.Count(), emulator.Activities.Count, client);
    }
}
