using FitnessClients.Benchmarks.Infrastructure;
using FitnessClients.Core.Activities;
using FitnessClients.GarminConnect;
using FitnessClients.Testing;
using Microsoft.Extensions.Time.Testing;

namespace FitnessClients.Benchmarks.Services;

/// <summary>
/// Garmin Connect, every distinct download it has: the original ZIP, the GPX, TCX, KML and CSV exports, the summary and
/// the details JSON, one request each (FIT is the original ZIP unpacked, the same download, so it is not counted twice).
/// </summary>
internal sealed class GarminServiceBench : ServiceBench
{
    public static readonly DateTimeOffset Start = new(2026, 7, 1, 0, 0, 0, TimeSpan.Zero);

    public override string Service => "garmin";

    public override string FormatSet => "all_formats";

    public override IReadOnlyList<ActivityFormat> Formats { get; } =
    [
        GarminActivityFormats.Original, GarminActivityFormats.Gpx, GarminActivityFormats.Tcx, GarminActivityFormats.Kml,
        GarminActivityFormats.Csv, GarminActivityFormats.SummaryJson, GarminActivityFormats.DetailsJson,
    ];

    /// <summary>Original + GPX: the no-op figure does not depend on the formats, and 5,000 activities x 7 downloads would take minutes to prepare.</summary>
    public override IReadOnlyList<ActivityFormat> NoopFormats { get; } = [GarminActivityFormats.Original, GarminActivityFormats.Gpx];

    public override double MinimumRequestsPerActivity => 7;

    public override int ListPageSize => new GarminConnectClientOptions().PageSize;

    public override async Task<BenchAccount> CreateAccountAsync(int activityCount, CancellationToken cancellationToken)
    {
        var clock = new FakeTimeProvider(Start);
        var emulator = new GarminConnectEmulator(clock, new GarminConnectEmulatorOptions { ActivityCount = activityCount });
        var client = await BenchClients.GarminAsync(BenchClients.GarminToken(emulator.IssueTokens()), clock, emulator.CreateHandler());
        return new BenchAccount(new GarminActivitySource(client), () => emulator.Requests.Count(), emulator.ListedActivities.Count, client);
    }
}
