using System.Text.Json.Nodes;
using FitnessClients.Backup.Sync;
using FitnessClients.Backup.Tests.Support;
using FitnessClients.Core;
using FitnessClients.Core.Activities;
using FitnessClients.Testing;

namespace FitnessClients.Backup.Tests.Sync;

/// <summary>The sync engine against in-memory doubles: idempotence, format choice, failures, progress and the record.</summary>
public class SyncEngineTests
{
    private static readonly DateTimeOffset Newest = new(2026, 3, 10, 7, 30, 0, TimeSpan.FromHours(1));

    private static SyncOptions Options(TempFolder folder) => new() { StateDirectory = folder["state"] };

    [Test]
    public async Task First_run_uploads_every_mapped_activity_newest_first_and_records_source_to_target_ids()
    {
        using var folder = new TempFolder();
        var source = new SyncTestSource("garmin");
        source.AddDaily(5, Newest, "running");
        source.Add("manual1", Newest.AddDays(-10), "walking", gps: false);
        var sink = new InMemoryActivitySink();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 11, 0, 0, 0, TimeSpan.Zero));

        var result = await new SyncEngine(source, sink, clock).RunAsync(Options(folder));

        Assert.Multiple(() =>
        {
            Assert.That(result.Listed, Is.EqualTo(6));
            Assert.That(result.Uploaded.Select(u => u.Activity.Id), Is.EqualTo(new[] { "a5", "a4", "a3", "a2", "a1", "manual1" }), "newest first");
            Assert.That(sink.Workouts.Select(w => w.SourceId), Is.EqualTo(new[] { "a5", "a4", "a3", "a2", "a1", "manual1" }));
            Assert.That(result.Uploaded.Take(5).Select(u => u.Format), Is.All.EqualTo("fit"), "FIT preferred when both ends have it");
            Assert.That(result.Uploaded[5].Format, Is.EqualTo(SyncEngine.ManualFormat), "no GPS track: a manual entry");
            Assert.That(sink.Workouts[5].Content, Is.Null);
            Assert.That(result.Uploaded.Select(u => u.Sport).Distinct(), Is.EquivalentTo(new[] { "Running", "Walking" }));
            Assert.That(result.Duplicates, Is.Empty);
            Assert.That(result.Failed, Is.Empty);
            Assert.That(result.HighWaterMark, Is.EqualTo(Newest));
            Assert.That(result.RecordPath, Is.EqualTo(Path.Combine(folder["state"], "sync-garmin-to-fittrackee.json")));
        });

        var record = JsonNode.Parse(File.ReadAllText(result.RecordPath))!;
        var entries = record["activities"]!.AsArray();
        Assert.That(entries.Select(e => ((string?)e!["sourceId"], (string?)e["targetId"], (string?)e["status"])),
            Is.EquivalentTo(sink.Workouts.Select(w => ((string?)w.SourceId, (string?)w.Id, (string?)"uploaded"))));
        Assert.That((string?)record["source"], Is.EqualTo("garmin"));
        Assert.That((string?)record["target"], Is.EqualTo("fittrackee"));
        Assert.That(record["runs"]!.AsArray(), Has.Count.EqualTo(1));
        Assert.That(Directory.EnumerateFiles(folder["state"]).Select(Path.GetFileName), Is.EqualTo(new[] { "sync-garmin-to-fittrackee.json" }), "lock files are gone after the run");
    }

    [Test]
    public async Task A_second_run_uploads_nothing_and_stops_listing_at_the_first_synced_activity()
    {
        using var folder = new TempFolder();
        var source = new SyncTestSource("strava");
        source.AddDaily(20, Newest, "Run");
        var sink = new InMemoryActivitySink();
        var engine = new SyncEngine(source, sink);
        await engine.RunAsync(Options(folder));
        var (uploads, checks, listed) = (sink.UploadCalls, sink.DuplicateChecks, source.Listed);

        var second = await engine.RunAsync(Options(folder));

        Assert.Multiple(() =>
        {
            Assert.That(uploads, Is.EqualTo(20));
            Assert.That(sink.UploadCalls, Is.EqualTo(uploads), "no upload twice");
            Assert.That(sink.DuplicateChecks, Is.EqualTo(checks), "recorded activities are not even checked");
            Assert.That(sink.Workouts, Has.Count.EqualTo(20));
            Assert.That(second.Uploaded, Is.Empty);
            Assert.That(second.Listed, Is.EqualTo(1), "listing stops at the newest activity, synced and at the high-water mark");
            Assert.That(source.Listed - listed, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task A_full_scan_lists_everything_but_still_uploads_nothing_twice()
    {
        using var folder = new TempFolder();
        var source = new SyncTestSource("strava");
        source.AddDaily(8, Newest, "Run");
        var sink = new InMemoryActivitySink();
        var engine = new SyncEngine(source, sink);
        await engine.RunAsync(Options(folder));

        var second = await engine.RunAsync(Options(folder) with { FullScan = true });

        Assert.That(second.Listed, Is.EqualTo(8));
        Assert.That(second.AlreadySynced, Is.EqualTo(8));
        Assert.That(second.Uploaded, Is.Empty);
        Assert.That(sink.Workouts, Has.Count.EqualTo(8));
    }

    [Test]
    public async Task New_activities_are_uploaded_by_the_next_run_and_only_they()
    {
        using var folder = new TempFolder();
        var source = new SyncTestSource("garmin");
        source.AddDaily(4, Newest, "running");
        var sink = new InMemoryActivitySink();
        var engine = new SyncEngine(source, sink);
        await engine.RunAsync(Options(folder));
        source.Add("new1", Newest.AddHours(5), "cycling");
        source.Add("new2", Newest.AddDays(1), "hiking");

        var result = await engine.RunAsync(Options(folder));

        Assert.That(result.Uploaded.Select(u => (u.Activity.Id, u.Sport)), Is.EqualTo(new[] { ("new2", "Hiking"), ("new1", "Cycling (Sport)") }));
        Assert.That(sink.Workouts, Has.Count.EqualTo(6));
        Assert.That(result.HighWaterMark, Is.EqualTo(Newest.AddDays(1)));
    }

    [Test]
    public async Task An_upload_the_target_accepted_before_the_record_could_be_written_is_found_as_a_duplicate_and_not_uploaded_again()
    {
        using var folder = new TempFolder();
        var source = new SyncTestSource("garmin");
        source.AddDaily(5, Newest, "running");
        var sink = new InMemoryActivitySink();
        var engine = new SyncEngine(source, sink);
        var recordPath = SyncEngine.RecordPathFor(folder["state"], "garmin", "fittrackee");
        // The crash: after the target accepted the third upload, the record can no longer be written.
        sink.AfterAccept = (upload, _) =>
        {
            if (upload.Activity.Id == "a3")
            {
                File.Delete(recordPath);
                Directory.CreateDirectory(recordPath);
            }
        };

        Assert.That(async () => await engine.RunAsync(Options(folder)), Throws.InstanceOf<IOException>().And.Not.InstanceOf<FolderLockedException>());
        Assert.That(sink.Workouts.Select(w => w.SourceId), Is.EqualTo(new[] { "a5", "a4", "a3" }), "the run stopped at the failed record write");

        sink.AfterAccept = null;
        Directory.Delete(recordPath);
        var rerun = await engine.RunAsync(Options(folder) with { FullScan = true });

        Assert.Multiple(() =>
        {
            Assert.That(sink.Workouts.Select(w => w.SourceId), Is.EquivalentTo(new[] { "a1", "a2", "a3", "a4", "a5" }), "every activity exactly once");
            Assert.That(rerun.Duplicates.Select(d => (d.Activity.Id, d.TargetId)), Is.EqualTo(new[] { ("a5", "w1"), ("a4", "w2"), ("a3", "w3") }));
            Assert.That(rerun.Uploaded.Select(u => u.Activity.Id), Is.EqualTo(new[] { "a2", "a1" }));
        });

        var third = await engine.RunAsync(Options(folder) with { FullScan = true });
        Assert.That(third.Uploaded, Is.Empty);
        Assert.That(third.Duplicates, Is.Empty);
        Assert.That(third.AlreadySynced, Is.EqualTo(5));
        var statuses = JsonNode.Parse(File.ReadAllText(recordPath))!["activities"]!.AsArray().ToDictionary(e => (string)e!["sourceId"]!, e => (string)e!["status"]!);
        Assert.That(statuses["a3"], Is.EqualTo("duplicate"));
        Assert.That(statuses["a1"], Is.EqualTo("uploaded"));
    }

    [Test]
    public async Task A_lost_response_after_the_target_accepted_is_a_failure_this_run_and_a_recorded_duplicate_the_next()
    {
        using var folder = new TempFolder();
        var source = new SyncTestSource("strava");
        source.AddDaily(3, Newest, "Ride");
        var sink = new InMemoryActivitySink
        {
            AfterAccept = (upload, _) =>
            {
                if (upload.Activity.Id == "a2")
                {
                    throw new HttpRequestException("connection reset while reading the response");
                }
            },
        };
        var engine = new SyncEngine(source, sink);

        var first = await engine.RunAsync(Options(folder));

        Assert.That(first.Failed.Select(f => (f.Activity.Id, f.Stage, f.ErrorType)), Is.EqualTo(new[] { ("a2", SyncStage.Uploading, nameof(HttpRequestException)) }));
        Assert.That(first.Failed[0].Exception, Is.InstanceOf<HttpRequestException>());
        Assert.That(first.Uploaded.Select(u => u.Activity.Id), Is.EqualTo(new[] { "a3", "a1" }), "one failure does not stop the run");
        Assert.That(first.HighWaterMark, Is.EqualTo(Newest.AddDays(-2)), "the mark stays below the failure, so the next run lists down to it");

        sink.AfterAccept = null;
        var second = await engine.RunAsync(Options(folder));

        Assert.That(second.Duplicates.Select(d => d.Activity.Id), Is.EqualTo(new[] { "a2" }));
        Assert.That(second.Uploaded, Is.Empty);
        Assert.That(sink.Workouts, Has.Count.EqualTo(3));
        Assert.That(second.HighWaterMark, Is.EqualTo(Newest));
    }

    [Test]
    public async Task Cancelling_right_after_an_accepted_upload_still_records_it_so_the_rerun_does_not_repeat_it()
    {
        using var folder = new TempFolder();
        var source = new SyncTestSource("garmin");
        source.AddDaily(4, Newest, "running");
        using var cancel = new CancellationTokenSource();
        var sink = new InMemoryActivitySink { AfterAccept = (upload, _) => { if (upload.Activity.Id == "a3") cancel.Cancel(); } };
        var engine = new SyncEngine(source, sink);

        Assert.That(async () => await engine.RunAsync(Options(folder), cancellationToken: cancel.Token), Throws.InstanceOf<OperationCanceledException>());
        var checksBefore = sink.DuplicateChecks;
        var rerun = await engine.RunAsync(Options(folder));

        Assert.That(sink.Workouts.Select(w => w.SourceId), Is.EqualTo(new[] { "a4", "a3", "a2", "a1" }));
        Assert.That(rerun.Uploaded.Select(u => u.Activity.Id), Is.EqualTo(new[] { "a2", "a1" }));
        Assert.That(rerun.Duplicates, Is.Empty, "the accepted upload was in the record; no need to search for it");
        Assert.That(sink.DuplicateChecks - checksBefore, Is.EqualTo(2));
    }

    [Test]
    public async Task A_dry_run_lists_what_would_be_uploaded_and_uploads_records_and_locks_nothing()
    {
        using var folder = new TempFolder();
        var source = new SyncTestSource("garmin");
        source.AddDaily(3, Newest, "running");
        source.Add("yoga1", Newest.AddHours(-2), "yoga");
        source.Add("manual1", Newest.AddDays(-7), "walking", gps: false);
        var sink = new InMemoryActivitySink();
        sink.Workouts.Add(new InMemoryActivitySink.Workout("existing", "garmin", "a2", Newest.AddDays(-1).AddSeconds(20), "Running", "gpx", null));

        var result = await new SyncEngine(source, sink).RunAsync(Options(folder) with { DryRun = true });

        Assert.Multiple(() =>
        {
            Assert.That(result.DryRun, Is.True);
            Assert.That(result.Planned.Select(p => (p.Activity.Id, p.Sport, p.Format)), Is.EqualTo(new[]
            {
                ("a3", "Running", "fit"), ("a1", "Running", "fit"), ("manual1", "Walking", "manual"),
            }));
            Assert.That(result.Duplicates.Select(d => (d.Activity.Id, d.TargetId)), Is.EqualTo(new[] { ("a2", "existing") }));
            Assert.That(result.SkippedUnmapped.Select(s => (s.Activity.Id, s.SourceType)), Is.EqualTo(new[] { ("yoga1", (string?)"yoga") }));
            Assert.That(result.Uploaded, Is.Empty);
            Assert.That(sink.UploadCalls, Is.Zero);
            Assert.That(source.Opened, Is.Empty, "no file is downloaded");
            Assert.That(Directory.Exists(folder["state"]), Is.False, "nothing written, not even the lock");
        });

        var real = await new SyncEngine(source, sink).RunAsync(Options(folder));
        Assert.That(real.Uploaded.Select(u => u.Activity.Id), Is.EqualTo(result.Planned.Select(p => p.Activity.Id)), "the dry run said exactly what the real run did");
    }

    [Test]
    public async Task A_date_range_syncs_only_activities_whose_local_date_is_in_it_and_leaves_the_rest_to_a_later_run()
    {
        using var folder = new TempFolder();
        var source = new SyncTestSource("runkeeper");
        // 23:30 at UTC-5 on March 5 is March 6 in UTC: the local date decides.
        source.Add("late", new DateTimeOffset(2026, 3, 5, 23, 30, 0, TimeSpan.FromHours(-5)), "Running");
        source.Add("early", new DateTimeOffset(2026, 3, 6, 0, 30, 0, TimeSpan.FromHours(9)), "Cycling");
        source.Add("in", new DateTimeOffset(2026, 3, 3, 12, 0, 0, TimeSpan.Zero), "Walking");
        source.Add("before", new DateTimeOffset(2026, 3, 2, 23, 59, 0, TimeSpan.Zero), "Hiking");
        source.Add("after", new DateTimeOffset(2026, 3, 6, 0, 1, 0, TimeSpan.Zero), "Rowing");
        var sink = new InMemoryActivitySink();
        var engine = new SyncEngine(source, sink);

        var ranged = await engine.RunAsync(Options(folder) with { Since = new DateOnly(2026, 3, 3), Until = new DateOnly(2026, 3, 5) });

        Assert.That(ranged.Uploaded.Select(u => u.Activity.Id), Is.EquivalentTo(new[] { "late", "in" }));
        Assert.That(ranged.HighWaterMark, Is.Null, "a ranged run says nothing about the rest of the history");

        var rest = await engine.RunAsync(Options(folder));
        Assert.That(rest.Uploaded.Select(u => u.Activity.Id), Is.EqualTo(new[] { "after", "early", "before" }));
        Assert.That(sink.Workouts, Has.Count.EqualTo(5));
    }

    [Test]
    public async Task Max_activities_takes_the_newest_unsynced_first()
    {
        using var folder = new TempFolder();
        var source = new SyncTestSource("strava");
        source.AddDaily(6, Newest, "Run");
        var sink = new InMemoryActivitySink();
        var engine = new SyncEngine(source, sink);

        var first = await engine.RunAsync(Options(folder) with { MaxActivities = 2 });
        var second = await engine.RunAsync(Options(folder) with { MaxActivities = 2 });
        var rest = await engine.RunAsync(Options(folder));

        Assert.That(first.Uploaded.Select(u => u.Activity.Id), Is.EqualTo(new[] { "a6", "a5" }));
        Assert.That(first.HighWaterMark, Is.Null);
        Assert.That(second.Uploaded.Select(u => u.Activity.Id), Is.EqualTo(new[] { "a4", "a3" }));
        Assert.That(rest.Uploaded.Select(u => u.Activity.Id), Is.EqualTo(new[] { "a2", "a1" }));
        Assert.That(sink.Workouts, Has.Count.EqualTo(6));
    }

    [Test]
    public async Task Unmapped_types_are_skipped_reported_and_not_recorded_so_an_override_added_later_syncs_them()
    {
        using var folder = new TempFolder();
        var source = new SyncTestSource("strava");
        source.Add("run", Newest, "Run");
        source.Add("zwift", Newest.AddDays(-1), "VirtualRun");
        source.Add("none", Newest.AddDays(-2), null);
        var sink = new InMemoryActivitySink();
        var engine = new SyncEngine(source, sink);

        var first = await engine.RunAsync(Options(folder));

        Assert.That(first.Uploaded.Select(u => u.Activity.Id), Is.EqualTo(new[] { "run" }));
        Assert.That(first.SkippedUnmapped.Select(s => (s.Activity.Id, s.SourceType)), Is.EqualTo(new[] { ("zwift", (string?)"VirtualRun"), ("none", null) }));
        Assert.That(sink.DuplicateChecks, Is.EqualTo(1), "unmapped activities cost no request to the target");

        var mapped = await engine.RunAsync(Options(folder) with
        {
            FullScan = true,
            SportMapping = SportMapping.Default.WithOverrides([new("virtualrun", "Running")]),
        });

        Assert.That(mapped.Uploaded.Select(u => (u.Activity.Id, u.Sport)), Is.EqualTo(new[] { ("zwift", "Running") }));
        Assert.That(mapped.SkippedUnmapped.Select(s => s.Activity.Id), Is.EqualTo(new[] { "none" }));
    }

    [Test]
    public async Task A_failing_activity_is_recorded_as_failed_the_run_goes_on_and_the_next_run_retries_it()
    {
        using var folder = new TempFolder();
        var source = new SyncTestSource("garmin");
        source.AddDaily(4, Newest, "running");
        source.BeforeOpen = (activity, _) =>
        {
            if (activity.Id == "a3")
            {
                throw new FitnessApiException("download failed with 500");
            }
        };
        var sink = new InMemoryActivitySink();
        var engine = new SyncEngine(source, sink);

        var first = await engine.RunAsync(Options(folder));

        Assert.That(first.Failed.Select(f => (f.Activity.Id, f.Stage)), Is.EqualTo(new[] { ("a3", SyncStage.OpeningFile) }));
        Assert.That(first.Failed[0].Exception, Is.InstanceOf<FitnessApiException>());
        Assert.That(first.Uploaded.Select(u => u.Activity.Id), Is.EqualTo(new[] { "a4", "a2", "a1" }));
        var entry = JsonNode.Parse(File.ReadAllText(first.RecordPath))!["activities"]!.AsArray().Single(e => (string?)e!["sourceId"] == "a3")!;
        Assert.That((string?)entry["status"], Is.EqualTo("failed"));
        Assert.That((int?)entry["failures"], Is.EqualTo(1));
        Assert.That((string?)entry["lastError"], Does.StartWith("OpeningFile: FitnessApiException"));

        source.BeforeOpen = null;
        var second = await engine.RunAsync(Options(folder));

        Assert.That(second.Uploaded.Select(u => u.Activity.Id), Is.EqualTo(new[] { "a3" }));
        Assert.That(sink.Workouts, Has.Count.EqualTo(4));
    }

    [Test]
    public async Task An_activity_that_keeps_failing_is_retried_by_the_next_runs_until_it_stops_holding_back_the_mark()
    {
        using var folder = new TempFolder();
        var source = new SyncTestSource("garmin");
        source.AddDaily(10, Newest, "running");
        var sink = new InMemoryActivitySink { BeforeAccept = u => { if (u.Activity.Id == "a5") throw new InvalidOperationException("the target rejects this file"); } };
        var engine = new SyncEngine(source, sink);

        var runs = new List<SyncResult>();
        for (var i = 0; i < SyncEngine.GiveUpAfterFailures + 1; i++)
        {
            runs.Add(await engine.RunAsync(Options(folder)));
        }

        Assert.Multiple(() =>
        {
            Assert.That(runs[0].Uploaded, Has.Count.EqualTo(9));
            Assert.That(runs[0].HighWaterMark, Is.EqualTo(Newest.AddDays(-6)), "a4, the newest synced activity below the failure");
            Assert.That(runs[1].Listed, Is.EqualTo(7), "a10..a6 (synced), a5 (retried), a4 (the mark)");
            Assert.That(runs.Take(SyncEngine.GiveUpAfterFailures).Select(r => r.Failed.Single().Activity.Id), Is.All.EqualTo("a5"));
            Assert.That(runs[SyncEngine.GiveUpAfterFailures - 1].HighWaterMark, Is.EqualTo(Newest), "given up: the mark moves to the top");
            Assert.That(runs[SyncEngine.GiveUpAfterFailures].Listed, Is.EqualTo(1));
            Assert.That(runs[SyncEngine.GiveUpAfterFailures].Failed, Is.Empty);
        });

        sink.BeforeAccept = null;
        var scan = await engine.RunAsync(Options(folder) with { FullScan = true });
        Assert.That(scan.Uploaded.Select(u => u.Activity.Id), Is.EqualTo(new[] { "a5" }), "a full scan still retries it");
        Assert.That(sink.Workouts, Has.Count.EqualTo(10));
    }

    [Test]
    public async Task An_authentication_failure_stops_the_run_cleanly_after_saving_what_was_done()
    {
        using var folder = new TempFolder();
        var source = new SyncTestSource("strava");
        source.AddDaily(5, Newest, "Run");
        var sink = new InMemoryActivitySink
        {
            BeforeAccept = upload =>
            {
                if (upload.Activity.Id == "a3")
                {
                    throw new AuthenticationRequiredException("The refresh token has expired (20 days without use).");
                }
            },
        };
        var engine = new SyncEngine(source, sink);

        Assert.That(async () => await engine.RunAsync(Options(folder)), Throws.InstanceOf<AuthenticationRequiredException>());
        var record = JsonNode.Parse(File.ReadAllText(SyncEngine.RecordPathFor(folder["state"], "strava", "fittrackee")))!;
        Assert.That(record["activities"]!.AsArray().Select(e => (string?)e!["sourceId"]), Is.EquivalentTo(new[] { "a5", "a4" }), "the stopping activity is not recorded as failed");
        Assert.That((string?)record["runs"]![0]!["outcome"], Is.EqualTo("stopped: AuthenticationRequiredException"));
        Assert.That(File.Exists(Path.Combine(folder["state"], ".fitness.lock")), Is.False, "the lock is released");

        sink.BeforeAccept = null;
        var rerun = await engine.RunAsync(Options(folder));
        Assert.That(rerun.Uploaded.Select(u => u.Activity.Id), Is.EqualTo(new[] { "a3", "a2", "a1" }));
    }

    [Test]
    public async Task A_rate_limit_on_the_duplicate_check_stops_the_run_with_the_resume_time()
    {
        using var folder = new TempFolder();
        var source = new SyncTestSource("garmin");
        source.AddDaily(3, Newest, "running");
        var resumeAt = new DateTimeOffset(2026, 3, 11, 8, 15, 0, TimeSpan.Zero);
        var sink = new InMemoryActivitySink
        {
            BeforeFind = activity =>
            {
                if (activity.Id == "a2")
                {
                    throw new RateLimitExceededException("rate limit exceeded (300 per 5 minute)", resumeAt);
                }
            },
        };

        var exception = Assert.ThrowsAsync<RateLimitExceededException>(async () => await new SyncEngine(source, sink).RunAsync(Options(folder)));

        Assert.That(exception!.ResumeAt, Is.EqualTo(resumeAt));
        Assert.That(sink.Workouts.Select(w => w.SourceId), Is.EqualTo(new[] { "a3" }));
    }

    [Test]
    public async Task Progress_reports_each_activity_with_its_outcome()
    {
        using var folder = new TempFolder();
        var source = new SyncTestSource("garmin");
        source.AddDaily(2, Newest, "running");
        source.Add("yoga", Newest.AddDays(-5), "yoga");
        var reports = new List<SyncProgress>();

        await new SyncEngine(source, new InMemoryActivitySink()).RunAsync(Options(folder), new SynchronousProgress<SyncProgress>(reports.Add));

        Assert.That(reports.First().Phase, Is.EqualTo(SyncPhase.Preparing));
        Assert.That(reports.Last().Phase, Is.EqualTo(SyncPhase.Completed));
        Assert.That(reports.Where(r => r.Outcome is not null).Select(r => (r.Current!.Id, r.Outcome)), Is.EqualTo(new[]
        {
            ("yoga", (SyncOutcome?)SyncOutcome.SkippedUnmapped), ("a2", SyncOutcome.Uploaded), ("a1", SyncOutcome.Uploaded),
        }));
        Assert.That(reports.Last(r => r.Phase == SyncPhase.Syncing).Completed, Is.EqualTo(2));
        Assert.That(reports.Last(r => r.Phase == SyncPhase.Syncing).Total, Is.EqualTo(2));
    }

    [Test]
    public async Task A_damaged_record_stops_the_run_instead_of_starting_over()
    {
        using var folder = new TempFolder();
        Directory.CreateDirectory(folder["state"]);
        await File.WriteAllTextAsync(SyncEngine.RecordPathFor(folder["state"], "garmin", "fittrackee"), "{\"activities\": [");
        var source = new SyncTestSource("garmin");
        source.AddDaily(2, Newest, "running");
        var sink = new InMemoryActivitySink();

        Assert.That(async () => await new SyncEngine(source, sink).RunAsync(Options(folder)), Throws.InstanceOf<CorruptStateFileException>().With.Message.Contains("not valid JSON"));
        Assert.That(sink.UploadCalls, Is.Zero);
    }

    [Test]
    public void Invalid_options_are_refused_before_anything_happens()
    {
        var engine = new SyncEngine(new SyncTestSource("garmin"), new InMemoryActivitySink());
        Assert.That(async () => await engine.RunAsync(new SyncOptions { StateDirectory = " " }), Throws.InstanceOf<ArgumentException>());
        Assert.That(async () => await engine.RunAsync(new SyncOptions { StateDirectory = "x", MaxActivities = 0 }), Throws.InstanceOf<ArgumentOutOfRangeException>());
        Assert.That(async () => await engine.RunAsync(new SyncOptions { StateDirectory = "x", Since = new DateOnly(2026, 2, 1), Until = new DateOnly(2026, 1, 1) }),
            Throws.ArgumentException.With.Message.Contains("after Until"));
    }

    /// <summary>Reports on the calling thread, so assertions see every report in order.</summary>
    private sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
