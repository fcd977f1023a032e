using System.Text.Json.Nodes;
using FitnessClients.Backup.Tests.Support;
using FitnessClients.Core;
using FitnessClients.Core.Activities;
using FitnessClients.Testing;

namespace FitnessClients.Backup.Tests;

/// <summary>The engine against an in-memory source: incremental runs, not-available records, failures, safety.</summary>
public class EngineTests
{
    private static readonly ActivityFormat[] Formats = [ActivityFormat.Original, ActivityFormat.Gpx];

    private static FakeActivitySource Seeded(int count = 10)
    {
        var source = new FakeActivitySource();
        for (var i = 1; i <= count; i++)
        {
            source.Add(1000 + i, new DateTimeOffset(2025, 1, i, 7, 30, 0, TimeSpan.FromHours(-6)), gpx: i % 4 != 0);
        }

        return source;
    }

    private static BackupOptions Options(TempFolder folder, Func<BackupOptions, BackupOptions>? change = null)
    {
        var options = new BackupOptions { BackupDirectory = folder.Path, Formats = Formats, MaxConcurrency = 3 };
        return change is null ? options : change(options);
    }

    [Test]
    public async Task First_run_writes_every_file_and_records_it()
    {
        using var folder = new TempFolder();
        var source = Seeded();
        var clock = new FakeTimeProvider(FakeTimeDefaults.Start);

        var result = await new BackupEngine(source, clock).RunAsync(Options(folder, o => o with { RequestCounter = () => source.Requests }));

        var files = folder.Snapshot();
        Assert.Multiple(() =>
        {
            Assert.That(result.Listed, Is.EqualTo(10));
            Assert.That(result.Selected, Is.EqualTo(10));
            Assert.That(result.Downloaded, Is.EqualTo(10 + 8));
            Assert.That(result.NotAvailable, Is.EqualTo(2));
            Assert.That(result.Failed, Is.Zero);
            Assert.That(result.RequestsMade, Is.EqualTo(source.Requests));
            Assert.That(result.BytesWritten, Is.EqualTo(files.Where(f => f.Key != BackupEngine.CsvFileName).Sum(f => (long)f.Value.Length)));
            Assert.That(result.HighWaterMark, Is.EqualTo(new DateTimeOffset(2025, 1, 10, 7, 30, 0, TimeSpan.FromHours(-6))));
            Assert.That(files.Keys, Does.Contain("2025-01-01T13-30-00Z_1001.original.zip"));
            Assert.That(files.Keys, Does.Contain("2025-01-01T13-30-00Z_1001.gpx"));
            Assert.That(files.Keys, Does.Not.Contain("2025-01-04T13-30-00Z_1004.gpx"), "not available");
            Assert.That(files.Keys.Where(k => k.EndsWith(".partial", StringComparison.Ordinal)), Is.Empty);
            Assert.That(File.GetLastWriteTimeUtc(folder["2025-01-01T13-30-00Z_1001.gpx"]), Is.EqualTo(new DateTime(2025, 1, 1, 13, 30, 0, DateTimeKind.Utc)));
        });

        var manifest = ManifestText.Read(folder.Path);
        var activities = manifest["activities"]!.AsArray();
        Assert.That(activities.Select(a => (string?)a!["id"]), Is.EqualTo(Enumerable.Range(1001, 10).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        var gpx = activities[0]!["formats"]!["gpx"]!;
        Assert.That((string?)gpx["path"], Is.EqualTo("2025-01-01T13-30-00Z_1001.gpx"));
        Assert.That((long?)gpx["length"], Is.EqualTo(files["2025-01-01T13-30-00Z_1001.gpx"].Length));
        Assert.That((string?)gpx["sha256"], Is.EqualTo(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(files["2025-01-01T13-30-00Z_1001.gpx"]))));
        Assert.That((string?)activities[3]!["formats"]!["gpx"]!["notAvailable"], Is.EqualTo("no GPS track"));
        Assert.That(manifest["runs"]!.AsArray(), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task A_run_with_nothing_new_costs_one_listing_request_and_opens_nothing()
    {
        using var folder = new TempFolder();
        var source = Seeded(20);
        var engine = new BackupEngine(source);
        await engine.RunAsync(Options(folder));
        var before = folder.Snapshot();
        var (lists, opens) = (source.ListRequests, source.Opens);

        var result = await engine.RunAsync(Options(folder, o => o with { RequestCounter = () => source.Requests }));

        Assert.Multiple(() =>
        {
            Assert.That(source.ListRequests - lists, Is.EqualTo(1));
            Assert.That(source.Opens - opens, Is.Zero, "not-available formats are not asked again either");
            Assert.That(result.RequestsMade, Is.EqualTo(1));
            Assert.That(result.Downloaded, Is.Zero);
            Assert.That(result.Listed, Is.EqualTo(1));
            Assert.That(folder.Snapshot(), Is.EqualTo(before));
        });
    }

    [Test]
    public async Task A_newer_activity_is_picked_up_and_an_old_dated_late_upload_needs_a_full_scan()
    {
        using var folder = new TempFolder();
        var source = Seeded(12);
        var engine = new BackupEngine(source);
        await engine.RunAsync(Options(folder));
        source.Add(2000, new DateTimeOffset(2025, 2, 1, 8, 0, 0, TimeSpan.Zero));
        source.Add(3000, new DateTimeOffset(2024, 6, 1, 8, 0, 0, TimeSpan.Zero));

        var incremental = await engine.RunAsync(Options(folder));
        var full = await engine.RunAsync(Options(folder, o => o with { FullScan = true }));

        Assert.Multiple(() =>
        {
            Assert.That(incremental.Downloaded, Is.EqualTo(2), "the new activity's two formats");
            Assert.That(File.Exists(folder["2025-02-01T08-00-00Z_2000.gpx"]), Is.True);
            Assert.That(full.Downloaded, Is.EqualTo(2), "the late upload with an old date");
            Assert.That(full.Listed, Is.EqualTo(14));
            Assert.That(File.Exists(folder["2024-06-01T08-00-00Z_3000.gpx"]), Is.True);
        });
    }

    [Test]
    public async Task Not_available_formats_are_asked_again_only_when_retry_is_requested()
    {
        using var folder = new TempFolder();
        var source = Seeded(4);
        var engine = new BackupEngine(source);
        await engine.RunAsync(Options(folder));
        source.Opened.Clear();

        var again = await engine.RunAsync(Options(folder, o => o with { FullScan = true }));
        var retried = await engine.RunAsync(Options(folder, o => o with { RetryNotAvailable = true }));

        Assert.Multiple(() =>
        {
            Assert.That(again.NotAvailable, Is.Zero);
            Assert.That(again.Skipped, Is.EqualTo(8));
            Assert.That(retried.NotAvailable, Is.EqualTo(1));
            Assert.That(source.Opened, Is.EqualTo(new[] { ("1004", "gpx") }));
        });
    }

    [Test]
    public async Task One_failing_file_does_not_stop_the_run_and_is_retried_next_time()
    {
        using var folder = new TempFolder();
        var source = Seeded(5);
        var fail = true;
        source.BeforeOpen = (a, f) =>
        {
            if (fail && a.Id == "1003" && f == ActivityFormat.Original)
            {
                throw new IOException("connection reset");
            }
        };
        var engine = new BackupEngine(source);

        var first = await engine.RunAsync(Options(folder));
        fail = false;
        var second = await engine.RunAsync(Options(folder));

        Assert.Multiple(() =>
        {
            Assert.That(first.Failed, Is.EqualTo(1));
            Assert.That(first.Errors.Single(), Is.EqualTo(new BackupError("1003", "original", "IOException", "connection reset")));
            Assert.That(first.Downloaded, Is.EqualTo(8), "ten files, one not available, one failed");
            Assert.That(first.HighWaterMark, Is.Null, "a run with failures does not advance the mark");
            Assert.That(second.Downloaded, Is.EqualTo(1));
            Assert.That(second.HighWaterMark, Is.Not.Null);
        });
    }

    [TestCase(typeof(AuthenticationRequiredException))]
    [TestCase(typeof(RateLimitExceededException))]
    public async Task Authentication_and_rate_limit_errors_stop_the_run_after_saving_the_manifest(Type type)
    {
        using var folder = new TempFolder();
        var source = Seeded(6);
        source.BeforeOpen = (a, _) =>
        {
            if (a.Id == "1003")
            {
                throw type == typeof(RateLimitExceededException)
                    ? new RateLimitExceededException("stop", DateTimeOffset.UnixEpoch)
                    : new AuthenticationRequiredException("stop");
            }
        };

        var thrown = Assert.ThrowsAsync(type, () => new BackupEngine(source).RunAsync(Options(folder, o => o with { MaxConcurrency = 1 })));

        Assert.That(thrown, Is.Not.Null);
        var manifest = ManifestText.Read(folder.Path);
        Assert.That(manifest["activities"]!.AsArray().Select(a => (string?)a!["id"]), Does.Contain("1006"), "newest first: 1006 was done before 1003 stopped the run");
        Assert.That((string?)manifest["runs"]![0]!["outcome"], Does.StartWith("stopped"));
        Assert.That(manifest["highWaterMark"], Is.Null);
    }

    [Test]
    public async Task Leftover_temporary_files_are_removed_at_the_start()
    {
        using var folder = new TempFolder();
        Directory.CreateDirectory(folder["2025/01"]);
        File.WriteAllText(folder[".2025-01-01T13-30-00Z_1001.gpx.abcd1234.partial"], "half");
        File.WriteAllText(folder["2025/01/.x.gpx.00000000.partial"], "half");

        await new BackupEngine(Seeded(1)).RunAsync(Options(folder));

        Assert.That(folder.Snapshot().Keys.Where(k => k.EndsWith(".partial", StringComparison.Ordinal)), Is.Empty);
    }

    [Test]
    public async Task Cancelling_at_any_point_leaves_no_partial_file_and_a_rerun_ends_identical_to_an_uninterrupted_run()
    {
        using var reference = new TempFolder();
        var referenceSource = Seeded(8);
        await new BackupEngine(referenceSource).RunAsync(Options(reference, o => o with { Formats = [ActivityFormat.Original, ActivityFormat.Gpx, ActivityFormat.SummaryJson] }));
        var expectedFiles = reference.Snapshot();
        var expectedManifest = ManifestText.WithoutRuns(reference.Path);
        var totalBytes = referenceSource.BytesRead;

        for (var cancelAt = 1L; cancelAt < totalBytes; cancelAt += 37)
        {
            using var folder = new TempFolder();
            var source = Seeded(8);
            using var cts = new CancellationTokenSource();
            var at = cancelAt;
            source.OnRead = total =>
            {
                if (total >= at)
                {
                    cts.Cancel();
                }
            };
            var options = Options(folder, o => o with { Formats = [ActivityFormat.Original, ActivityFormat.Gpx, ActivityFormat.SummaryJson] });

            Assert.CatchAsync<OperationCanceledException>(() => new BackupEngine(source).RunAsync(options, cancellationToken: cts.Token), $"cancel at byte {at}");
            foreach (var (name, bytes) in folder.Snapshot())
            {
                if (name.EndsWith(".partial", StringComparison.Ordinal) || name == BackupEngine.CsvFileName)
                {
                    continue;
                }

                Assert.That(bytes, Is.EqualTo(expectedFiles[name]), $"{name} is complete under its final name (cancel at {at})");
            }

            source.OnRead = null;
            await new BackupEngine(source).RunAsync(options);

            Assert.That(folder.Snapshot(), Is.EqualTo(expectedFiles), $"files after a rerun (cancel at {at})");
            Assert.That(ManifestText.WithoutRuns(folder.Path), Is.EqualTo(expectedManifest), $"manifest after a rerun (cancel at {at})");
        }
    }

    [Test]
    public async Task Progress_reports_phases_and_completion()
    {
        using var folder = new TempFolder();
        var reports = new List<BackupProgress>();
        var progress = new SynchronousProgress(reports);

        await new BackupEngine(Seeded(3)).RunAsync(Options(folder), progress);

        Assert.That(reports.Select(r => r.Phase).Distinct(), Is.EqualTo(new[] { BackupPhase.Preparing, BackupPhase.Listing, BackupPhase.Downloading, BackupPhase.Finishing, BackupPhase.Completed }));
        Assert.That(reports[^1].Completed, Is.EqualTo(3));
        Assert.That(reports[^1].Total, Is.EqualTo(3));
    }

    [Test]
    public void Formats_the_source_does_not_offer_are_rejected()
    {
        using var folder = new TempFolder();
        Assert.ThrowsAsync<ArgumentException>(() => new BackupEngine(Seeded(1)).RunAsync(Options(folder, o => o with { Formats = [ActivityFormat.Kml] })));
    }

    private sealed class SynchronousProgress(List<BackupProgress> reports) : IProgress<BackupProgress>
    {
        public void Report(BackupProgress value)
        {
            lock (reports)
            {
                reports.Add(value);
            }
        }
    }
}
