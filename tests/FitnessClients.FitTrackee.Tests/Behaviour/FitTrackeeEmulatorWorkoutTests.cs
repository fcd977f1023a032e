using System.Text;
using FitnessClients.Core;
using FitnessClients.Core.Activities;
using FitnessClients.FitTrackee.Models;
using FitnessClients.Testing;
using FitTrackeeWorkout = FitnessClients.FitTrackee.Models.FitTrackeeWorkout;

namespace FitnessClients.FitTrackee.Tests.Behaviour;

public class FitTrackeeEmulatorWorkoutTests
{
    private static async Task<(EmulatorHarness H, FitTrackeeClient Client)> SignedInAsync(int workouts = 12, Action<Testing.FitTrackeeEmulatorOptions>? configure = null)
    {
        var h = new EmulatorHarness(workouts, configure);
        await h.SignInAsync();
        return (h, h.CreateClient());
    }

    [Test]
    public async Task Listing_pages_through_every_workout_100_at_a_time_newest_first()
    {
        var (h, client) = await SignedInAsync(workouts: 234);
        using (h)
        using (client)
        {
            h.Emulator.Requests.Clear();
            var all = new List<FitTrackeeWorkout>();
            await foreach (var workout in client.Workouts.ListAsync())
            {
                all.Add(workout);
            }

            Assert.That(all, Has.Count.EqualTo(234));
            Assert.That(all.Select(w => w.Id), Is.EqualTo(h.Emulator.Workouts.Select(w => w.Id)));
            Assert.That(all.Select(w => w.WorkoutDate), Is.Ordered.Descending);
            Assert.That(h.Emulator.Requests.Count(HttpMethod.Get, "/api/workouts"), Is.EqualTo(3));
        }
    }

    [Test]
    public async Task Date_filters_are_days_in_the_users_timezone()
    {
        var (h, client) = await SignedInAsync(workouts: 0);
        using (h)
        using (client)
        {
            // 23:30 UTC on 1 May is 01:30 on 2 May in Paris.
            var late = h.Emulator.AddWorkout(new DateTimeOffset(2025, 5, 1, 23, 30, 0, TimeSpan.Zero));
            h.Emulator.AddWorkout(new DateTimeOffset(2025, 5, 1, 10, 0, 0, TimeSpan.Zero));

            var page = await client.Workouts.ListPageAsync(new FitTrackeeWorkoutQuery { From = new DateOnly(2025, 5, 2), To = new DateOnly(2025, 5, 2) });

            Assert.That(page.Workouts.Select(w => w.Id), Is.EqualTo(new[] { late.Id }));
        }
    }

    [TestCase("gpx_file.gpx")]
    [TestCase("gpx_file_with_segments.gpx")]
    [TestCase("tcx_with_one_lap_and_one_track.tcx")]
    [TestCase("kml_2_2_with_one_track.kml")]
    [TestCase("example.fit")]
    public async Task Fixture_files_upload_and_come_back_as_originals(string fixture)
    {
        var bytes = await File.ReadAllBytesAsync(FitTrackeeFixtures.Path_(fixture));
        var (h, client) = await SignedInAsync(workouts: 0);
        using (h)
        using (client)
        {
            var running = await client.Sports.ResolveAsync("running");
            var created = await client.Workouts.UploadAsync(new MemoryStream(bytes), fixture, new FitTrackeeUploadData { SportId = running.Id, Notes = "from a test" });

            var workout = created.Single();
            Assert.That(workout.SportId, Is.EqualTo(running.Id));
            Assert.That(h.Emulator.UploadedFiles.Single().Extension, Is.EqualTo(Path.GetExtension(fixture).TrimStart('.')));
            Assert.That((await client.Workouts.GetAsync(workout.Id)).Notes, Is.EqualTo("from a test"));
            await using var original = await client.Workouts.DownloadOriginalAsync(workout.Id);
            using var copy = new MemoryStream();
            await original.Content.CopyToAsync(copy);
            Assert.That(copy.ToArray(), Is.EqualTo(h.Emulator.UploadedFiles.Single().Content.ToArray()));
            Assert.That(original.Extension, Is.EqualTo(Path.GetExtension(fixture).TrimStart('.')));
        }
    }

    [Test]
    public async Task A_gpx_without_an_xml_declaration_gets_one_and_is_accepted()
    {
        var bytes = await File.ReadAllBytesAsync(FitTrackeeFixtures.Path_("gpx_file_with_gpxtpx_extensions.gpx"));
        Assert.That(Encoding.UTF8.GetString(bytes).TrimStart(), Does.Not.StartWith("<?xml"), "the fixture lacks the declaration");
        var (h, client) = await SignedInAsync(workouts: 0);
        using (h)
        using (client)
        {
            await client.Workouts.UploadAsync(new MemoryStream(bytes), "hr.gpx", new FitTrackeeUploadData { SportId = (await client.Sports.ResolveAsync("Running")).Id });

            Assert.That(Encoding.UTF8.GetString(h.Emulator.UploadedFiles.Single().Content.Span), Does.StartWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"));
        }
    }

    [TestCase("gpx_file_without_time.gpx", "<time> is missing")]
    [TestCase("gpx_file_wo_track.gpx", "no tracks")]
    public async Task The_servers_refusal_of_a_bad_file_reaches_the_caller_with_its_message(string fixture, string message)
    {
        var bytes = await File.ReadAllBytesAsync(FitTrackeeFixtures.Path_(fixture));
        var (h, client) = await SignedInAsync(workouts: 0);
        using (h)
        using (client)
        {
            var ex = Assert.ThrowsAsync(Is.InstanceOf<FitnessApiException>(), () => client.Workouts.UploadAsync(new MemoryStream(bytes), fixture, new FitTrackeeUploadData { SportId = 5 }));
            Assert.That(ex!.Message, Does.Contain(message));
            Assert.That(h.Emulator.Workouts, Is.Empty);
        }
    }

    [Test]
    public async Task An_instance_before_0_10_is_sent_gpx_only()
    {
        var (h, client) = await SignedInAsync(workouts: 0, o => o.Version = "0.9.4");
        using (h)
        using (client)
        {
            var fit = await File.ReadAllBytesAsync(FitTrackeeFixtures.Path_("example.fit"));
            h.Emulator.Requests.Clear();
            Assert.ThrowsAsync<ArgumentException>(() => client.Workouts.UploadAsync(new MemoryStream(fit), "ride.fit", new FitTrackeeUploadData { SportId = 1 }));
            Assert.That(h.Emulator.Requests.Count(HttpMethod.Post, "/api/workouts"), Is.Zero);
        }
    }

    [Test]
    public async Task A_file_over_the_instances_limit_is_refused_before_it_is_sent()
    {
        var (h, client) = await SignedInAsync(workouts: 0, o => o.MaxSingleFileSize = 4096);
        using (h)
        using (client)
        {
            var gpx = await File.ReadAllBytesAsync(FitTrackeeFixtures.Path_("gpx_file.gpx"));
            Assume.That(gpx.Length, Is.LessThan(4096).And.GreaterThan(3000), "the file alone fits; the form around it does not");
            var padded = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(gpx).Replace("</gpx>", "<!--" + new string('x', 4000 - gpx.Length) + "--></gpx>", StringComparison.Ordinal));

            var ex = Assert.ThrowsAsync<FitTrackeeFileTooLargeException>(() => client.Workouts.UploadAsync(new MemoryStream(padded), "long.gpx", new FitTrackeeUploadData { SportId = 5 }));

            Assert.That(ex!.Limit, Is.EqualTo(4096));
            Assert.That(h.Emulator.Requests.Count(HttpMethod.Post, "/api/workouts"), Is.Zero);
        }
    }

    [Test]
    public async Task A_manual_workout_lands_at_the_same_instant_through_the_users_timezone()
    {
        var (h, client) = await SignedInAsync(workouts: 0, o => o.Timezone = "America/Denver");
        using (h)
        using (client)
        {
            var start = new DateTimeOffset(2025, 7, 4, 7, 15, 0, TimeSpan.FromHours(-6));
            var created = await client.Workouts.CreateManualAsync(new FitTrackeeManualWorkout
            {
                SportId = (await client.Sports.ResolveAsync("Walking")).Id, StartTime = start, Duration = TimeSpan.FromMinutes(45), DistanceKm = 4.2, Notes = "source: x:1",
            });

            Assert.That(created.WorkoutDate, Is.EqualTo(start));
            Assert.That(h.Emulator.FindWorkout(created.Id)!.WorkoutDate, Is.EqualTo(start));
        }
    }

    [Test]
    public async Task The_sink_never_uploads_the_same_activity_twice_even_from_a_new_process_after_a_crash()
    {
        var gpx = await File.ReadAllBytesAsync(FitTrackeeFixtures.Path_("gpx_file.gpx"));
        var (h, client) = await SignedInAsync(workouts: 5);
        using (h)
        using (client)
        {
            var activity = new ActivitySummary
            {
                Service = "strava", Id = "987654321", StartTime = new DateTimeOffset(2018, 3, 13, 12, 44, 45, TimeSpan.Zero), Name = "Lunch Run", DistanceMeters = 3_000,
                ElapsedTime = TimeSpan.FromMinutes(4), HasGpsTrack = true,
            };
            var first = await new FitTrackeeActivitySink(client).UploadAsync(
                new ActivityUpload { Activity = activity, Sport = "Running", File = new MemoryStream(gpx), FileFormat = ActivityFormat.Gpx, Notes = "https://www.strava.com/activities/987654321" });

            // The "crash": the process died before recording the result; a new one with a new client runs again.
            using var rerunClient = h.CreateClient();
            var again = await new FitTrackeeActivitySink(rerunClient, new FitTrackeeSinkOptions { MatchStartTimeWithoutMarker = false }).UploadAsync(
                new ActivityUpload { Activity = activity, Sport = "Running", File = new MemoryStream(gpx), FileFormat = ActivityFormat.Gpx });

            Assert.That(first.WasDuplicate, Is.False);
            Assert.That(again, Is.EqualTo(new ActivityUploadResult(first.TargetId, WasDuplicate: true)));
            Assert.That(h.Emulator.UploadedFiles, Has.Count.EqualTo(1));
            Assert.That(h.Emulator.FindWorkout(first.TargetId)!.Notes, Does.StartWith("source: strava:987654321\n"));
        }
    }

    [Test]
    public async Task The_sink_finds_a_workout_uploaded_by_another_tool_by_its_start_time()
    {
        var (h, client) = await SignedInAsync(workouts: 0);
        using (h)
        using (client)
        {
            var byHand = h.Emulator.AddWorkout(new DateTimeOffset(2025, 9, 1, 5, 0, 0, TimeSpan.Zero), notes: "Uploaded with Strava-to-FitTrackee");
            var sink = new FitTrackeeActivitySink(client);
            var activity = new ActivitySummary { Service = "strava", Id = "5", StartTime = new DateTimeOffset(2025, 9, 1, 7, 3, 0, TimeSpan.FromHours(2)), DistanceMeters = 10_000, ElapsedTime = TimeSpan.FromHours(1) };

            Assert.That(await sink.FindDuplicateAsync(activity), Is.EqualTo(byHand.Id));
            Assert.That(await sink.FindDuplicateAsync(activity with { StartTime = activity.StartTime.AddMinutes(10) }), Is.Null);
            var manual = await sink.UploadAsync(new ActivityUpload { Activity = activity with { StartTime = activity.StartTime.AddHours(3) }, Sport = "Running" });
            Assert.That(manual.WasDuplicate, Is.False);
            Assert.That(h.Emulator.Workouts, Has.Count.EqualTo(2));
        }
    }

    [Test]
    public async Task The_source_backs_up_summaries_gpx_and_originals_and_says_what_manual_workouts_lack()
    {
        var (h, client) = await SignedInAsync(workouts: 0);
        using (h)
        using (client)
        {
            var withFile = h.Emulator.AddWorkout(new DateTimeOffset(2025, 6, 1, 6, 0, 0, TimeSpan.Zero), notes: "keep me");
            var manual = h.Emulator.AddWorkout(new DateTimeOffset(2025, 6, 2, 6, 0, 0, TimeSpan.Zero), withFile: false);
            var source = new FitTrackeeActivitySource(client);

            var listed = new List<ActivitySummary>();
            await foreach (var activity in source.ListActivitiesAsync())
            {
                listed.Add(activity);
            }

            Assert.That(listed.Select(a => a.Id), Is.EqualTo(new[] { manual.Id, withFile.Id }));
            Assert.That(listed[1].StartTime.Offset, Is.EqualTo(TimeSpan.FromHours(2)), "Paris summer time");
            Assert.That(listed[1].Sport, Is.EqualTo("Running"));
            await using (var gpx = await source.OpenAsync(listed[1], ActivityFormat.Gpx))
            {
                Assert.That(gpx.IsAvailable, Is.True);
                Assert.That(await new StreamReader(gpx.Stream!).ReadToEndAsync(), Does.Contain("<trkpt"));
            }

            await using (var details = await source.OpenAsync(listed[1], ActivityFormat.DetailsJson))
            {
                Assert.That(await new StreamReader(details.Stream!).ReadToEndAsync(), Does.Contain("keep me"));
            }

            await using var none = await source.OpenAsync(listed[0], ActivityFormat.Original);
            Assert.That(none.IsAvailable, Is.False);
            Assert.That(none.UnavailableReason, Does.Contain("by hand"));

            var after = new List<ActivitySummary>();
            await foreach (var activity in source.ListActivitiesAsync(new ActivityListOptions { After = new DateTimeOffset(2025, 6, 2, 0, 0, 0, TimeSpan.Zero) }))
            {
                after.Add(activity);
            }

            Assert.That(after.Select(a => a.Id), Is.EqualTo(new[] { manual.Id }));
        }
    }

    [Test]
    public async Task Under_the_instances_rate_limit_a_long_listing_waits_instead_of_failing()
    {
        var (h, client) = await SignedInAsync(workouts: 600, o => o.ApiRateLimits = "3 per 1 minute");
        using (h)
        using (client)
        {
            var count = 0;
            var listing = Task.Run(async () =>
            {
                await foreach (var _ in client.Workouts.ListAsync())
                {
                    count++;
                }
            });

            await h.Clock.RunUntilCompletedAsync(listing, realTimeout: TimeSpan.FromSeconds(30), maxAdvance: TimeSpan.FromMinutes(2));

            Assert.That(count, Is.EqualTo(600));
            Assert.That(h.Clock.GetUtcNow() - EmulatorHarness.Now, Is.GreaterThanOrEqualTo(TimeSpan.FromMinutes(1)), "six pages at three per minute took at least one window");
        }
    }
}
