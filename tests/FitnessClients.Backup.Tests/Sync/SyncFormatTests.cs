using FitnessClients.Backup.Sync;
using FitnessClients.Backup.Tests.Support;
using FitnessClients.Core.Activities;

namespace FitnessClients.Backup.Tests.Sync;

/// <summary>The upload format is chosen from what both ends have, best first, with a manual entry as the last resort.</summary>
public class SyncFormatTests
{
    private static readonly DateTimeOffset Start = new(2026, 5, 1, 6, 0, 0, TimeSpan.FromHours(2));

    private static SyncOptions Options(TempFolder folder) => new() { StateDirectory = folder.Path };

    [Test]
    public async Task The_best_format_both_ends_share_is_uploaded_with_its_content()
    {
        using var folder = new TempFolder();
        var source = new SyncTestSource("strava", ActivityFormat.Kml, ActivityFormat.Tcx);
        source.Add("1", Start, "Ride");
        var sink = new InMemoryActivitySink { AcceptedFormats = [ActivityFormat.Kml, ActivityFormat.Fit] };

        var result = await new SyncEngine(source, sink).RunAsync(Options(folder));

        Assert.That(result.Uploaded.Single().Format, Is.EqualTo("kml"), "TCX is preferred but the target does not take it");
        Assert.That(System.Text.Encoding.UTF8.GetString(sink.Workouts.Single().Content!), Is.EqualTo("<kml id=\"1\"/>"));
        Assert.That(source.Opened, Is.EqualTo(new[] { ("1", "kml") }), "formats the target does not take are not even downloaded");
    }

    [Test]
    public async Task A_format_the_source_does_not_have_for_this_activity_falls_through_to_the_next()
    {
        using var folder = new TempFolder();
        var source = new SyncTestSource("garmin", ActivityFormat.Fit, ActivityFormat.Tcx, ActivityFormat.Gpx);
        source.Add("1", Start, "running");
        source.SetContent("1", ActivityFormat.Fit, null);
        source.SetContent("1", ActivityFormat.Gpx, null);

        var result = await new SyncEngine(source, new InMemoryActivitySink()).RunAsync(Options(folder));

        Assert.That(result.Uploaded.Single().Format, Is.EqualTo("tcx"));
        Assert.That(source.Opened.Select(o => o.Format), Is.EqualTo(new[] { "fit", "gpx", "tcx" }));
    }

    [Test]
    public async Task A_file_is_uploaded_as_what_it_is_not_as_what_was_asked_for()
    {
        using var folder = new TempFolder();
        var source = new SyncTestSource("garmin", ActivityFormat.Fit, ActivityFormat.Gpx);
        source.Add("gpxupload", Start, "hiking");
        source.Add("tcxupload", Start.AddDays(-1), "hiking");
        // Garmin's "original" of an activity uploaded as GPX is that GPX.
        source.SetContent("gpxupload", ActivityFormat.Fit, "<gpx/>", "gpx");
        source.SetContent("tcxupload", ActivityFormat.Fit, "<tcx/>", "tcx");
        var sink = new InMemoryActivitySink { AcceptedFormats = [ActivityFormat.Gpx, ActivityFormat.Fit] };

        var result = await new SyncEngine(source, sink).RunAsync(Options(folder));

        Assert.That(result.Uploaded.Select(u => (u.Activity.Id, u.Format)), Is.EqualTo(new[] { ("gpxupload", "gpx"), ("tcxupload", "gpx") }));
        Assert.That(sink.Workouts.Select(w => w.Format), Is.EqualTo(new[] { "gpx", "gpx" }));
        Assert.That(System.Text.Encoding.UTF8.GetString(sink.Workouts[0].Content!), Is.EqualTo("<gpx/>"));
        Assert.That(System.Text.Encoding.UTF8.GetString(sink.Workouts[1].Content!), Is.EqualTo("<gpx id=\"tcxupload\"/>"), "the TCX the target refuses is skipped for the real GPX");
    }

    [Test]
    public async Task Without_any_file_the_target_takes_a_manual_entry_is_created_or_the_activity_fails_when_those_are_off()
    {
        using var folder = new TempFolder();
        var source = new SyncTestSource("strava", ActivityFormat.Tcx);
        source.Add("1", Start, "Run");
        var sink = new InMemoryActivitySink { AcceptedFormats = [ActivityFormat.Gpx] };

        var strict = await new SyncEngine(source, sink).RunAsync(Options(folder) with { AllowManualEntries = false });

        Assert.That(strict.Failed.Single().Exception, Is.InstanceOf<NoUploadableFormatException>());
        Assert.That(strict.Failed.Single().Message, Does.Contain("strava offers none of the formats fittrackee accepts"));
        Assert.That(strict.Failed.Single().Stage, Is.EqualTo(SyncStage.OpeningFile));
        Assert.That(sink.Workouts, Is.Empty);

        var lenient = await new SyncEngine(source, sink).RunAsync(Options(folder));

        Assert.That(lenient.Uploaded.Single().Format, Is.EqualTo(SyncEngine.ManualFormat));
        Assert.That(sink.Workouts.Single().Content, Is.Null);
    }

    [Test]
    public async Task An_activity_without_GPS_is_a_manual_entry_without_downloading_a_file()
    {
        using var folder = new TempFolder();
        var source = new SyncTestSource("runkeeper", ActivityFormat.Gpx);
        source.Add("treadmill", Start, "Running", gps: false);
        var notes = new List<string>();
        var sink = new InMemoryActivitySink { BeforeAccept = u => notes.Add(u.Notes ?? "") };

        var result = await new SyncEngine(source, sink).RunAsync(Options(folder) with { Notes = a => $"from {a.Service} {a.Id}" });

        Assert.That(result.Uploaded.Single().Format, Is.EqualTo("manual"));
        Assert.That(source.Opened, Is.Empty);
        Assert.That(notes, Is.EqualTo(new[] { "from runkeeper treadmill" }));
    }

    [Test]
    public async Task The_format_preference_can_be_changed()
    {
        using var folder = new TempFolder();
        var source = new SyncTestSource("garmin");
        source.Add("1", Start, "running");

        var result = await new SyncEngine(source, new InMemoryActivitySink()).RunAsync(Options(folder) with { FormatPreference = [ActivityFormat.Tcx, ActivityFormat.Fit] });

        Assert.That(result.Uploaded.Single().Format, Is.EqualTo("tcx"));
    }

    [Test]
    public async Task A_file_the_target_refuses_for_its_size_is_retried_in_the_next_format_and_never_becomes_a_manual_entry()
    {
        using var folder = new TempFolder();
        var source = new SyncTestSource("strava", ActivityFormat.Gpx, ActivityFormat.Tcx);
        source.Add("fits-as-tcx", Start, "Run");
        source.Add("too-big", Start.AddDays(-1), "Run");
        var sink = new InMemoryActivitySink
        {
            BeforeAccept = upload =>
            {
                if (upload.Activity.Id == "too-big" || upload.FileFormat == ActivityFormat.Gpx)
                {
                    throw new FitnessClients.Core.FitnessApiException("the request is 1.4MB, the instance accepts 1.0MB") { StatusCode = System.Net.HttpStatusCode.RequestEntityTooLarge };
                }
            },
        };

        var result = await new SyncEngine(source, sink).RunAsync(Options(folder) with { FormatPreference = [ActivityFormat.Gpx, ActivityFormat.Tcx] });

        Assert.That(result.Uploaded.Select(u => (u.Activity.Id, u.Format)), Is.EqualTo(new[] { ("fits-as-tcx", "tcx") }));
        Assert.That(result.Failed.Select(f => (f.Activity.Id, f.Stage)), Is.EqualTo(new[] { ("too-big", SyncStage.Uploading) }));
        Assert.That(result.Failed[0].Message, Does.Contain("1.0MB"));
        Assert.That(sink.Workouts.Select(w => w.SourceId), Is.EqualTo(new[] { "fits-as-tcx" }), "no manual entry for a track that is only too big");
    }
}
