using System.Globalization;
using System.Text.Json;
using FitnessClients.Backup;
using FitnessClients.Core.Activities;
using FitnessClients.Strava.Web;
using FitnessClients.Testing;

namespace FitnessClients.Strava.Tests.Sources;

/// <summary>
/// The backup formats beyond the streams: detail, photos, gear, original; each asks only for what it needs. Every run
/// here stays inside one quarter hour's budget, so nothing waits on the (fake) clock.
/// </summary>
public class StravaSourceFormatsTests
{
    private string _folder = null!;

    [SetUp]
    public void CreateFolder() => _folder = Directory.CreateTempSubdirectory("strava-formats-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    private static string Id(StravaEmulatedActivity a) => a.Id.ToString(CultureInfo.InvariantCulture);

    [Test]
    public async Task Summary_and_gpx_cost_one_streams_request_per_recorded_activity_plus_the_pages_and_nothing_else()
    {
        var clock = new FakeTimeProvider(EmulatorClient.Start);
        var emulator = new StravaEmulator(clock, new StravaEmulatorOptions { ActivityCount = 60, Seed = 11, PhotoShare = 0.3 });
        using var client = await EmulatorClient.CreateAsync(emulator, clock);
        var engine = new BackupEngine(new StravaActivitySource(client), clock);

        var result = await engine.RunAsync(new BackupOptions
        {
            BackupDirectory = _folder,
            Formats = [StravaActivityFormats.SummaryJson, StravaActivityFormats.Gpx],
        });

        var recorded = emulator.Activities.Count(a => !a.IsManual);
        Assert.That(result.Failed, Is.Zero);
        Assert.That(emulator.Requests.Count(HttpMethod.Get, "/api/v3/athlete/activities"), Is.EqualTo(1), "60 activities fit one page of 200");
        Assert.That(emulator.Requests.Count(HttpMethod.Get, "/api/v3/activities/"), Is.EqualTo(recorded), "streams only, no detail or photos");
        Assert.That(emulator.Requests.Count(HttpMethod.Get, "/api/v3/gear/"), Is.Zero);
        Assert.That(emulator.Requests.Count(HttpMethod.Get, "/photos/"), Is.Zero);
        Assert.That(emulator.Requests.Count(), Is.LessThanOrEqualTo(60 + 1 + 2), "N + ceil(N/200) + 2 at most");
    }

    [Test]
    public async Task Gpx_tcx_and_streams_of_one_activity_share_one_streams_request()
    {
        var clock = new FakeTimeProvider(EmulatorClient.Start);
        var emulator = new StravaEmulator(clock, new StravaEmulatorOptions { ActivityCount = 20, Seed = 9 });
        using var client = await EmulatorClient.CreateAsync(emulator, clock);
        var engine = new BackupEngine(new StravaActivitySource(client), clock);

        var result = await engine.RunAsync(new BackupOptions
        {
            BackupDirectory = _folder,
            Formats = [StravaActivityFormats.Gpx, StravaActivityFormats.Tcx, StravaActivityFormats.StreamsJson],
        });

        Assert.That(result.Failed, Is.Zero);
        Assert.That(emulator.Requests.Count(HttpMethod.Get, "/api/v3/activities/"), Is.EqualTo(emulator.Activities.Count(a => !a.IsManual)));
        Assert.That(Directory.GetFiles(_folder, "*.tcx"), Has.Length.EqualTo(emulator.Activities.Count(a => !a.IsManual)));
        Assert.That(Directory.GetFiles(_folder, "*.streams.json"), Has.Length.EqualTo(emulator.Activities.Count(a => !a.IsManual)));
    }

    [Test]
    public async Task Photos_gear_and_detail_are_saved_with_one_gear_request_per_piece_of_gear()
    {
        var clock = new FakeTimeProvider(EmulatorClient.Start);
        var emulator = new StravaEmulator(clock, new StravaEmulatorOptions { ActivityCount = 40, Seed = 5, PhotoShare = 0.4 });
        using var client = await EmulatorClient.CreateAsync(emulator, clock);
        var engine = new BackupEngine(new StravaActivitySource(client), clock);
        var options = new BackupOptions
        {
            BackupDirectory = _folder,
            Formats = [StravaActivityFormats.DetailJson, StravaActivityFormats.Photos, StravaActivityFormats.Gear],
            MaxConcurrency = 4,
        };

        var result = await engine.RunAsync(options);

        Assert.That(result.Failed, Is.Zero, string.Join("; ", result.Errors.Select(e => e.Message)));
        var activities = emulator.Activities;
        var withPhotos = activities.Where(a => a.PhotoCount > 0).ToList();
        var gearIds = activities.Select(a => a.GearId).Where(g => g is not null).Distinct().ToList();
        Assume.That(withPhotos, Is.Not.Empty);
        Assume.That(gearIds, Has.Count.GreaterThan(1));

        Assert.That(emulator.Requests.Count(HttpMethod.Get, "/api/v3/gear/"), Is.EqualTo(gearIds.Count), "each piece of gear once, though many activities share it");
        Assert.That(
            emulator.Requests.Where(r => r.Path.EndsWith("/photos", StringComparison.Ordinal)).Count,
            Is.EqualTo(withPhotos.Count),
            "the photo list only for activities whose summary counts photos");
        Assert.That(Directory.GetFiles(Path.Combine(_folder, "gear")).Select(Path.GetFileName), Is.EquivalentTo(gearIds.Select(g => g + ".json")));
        var gearFile = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(_folder, "gear", gearIds[0] + ".json")));
        Assert.That(gearFile.RootElement.GetProperty("id").GetString(), Is.EqualTo(gearIds[0]));

        foreach (var activity in withPhotos)
        {
            var images = Directory.GetFiles(_folder, $"*_{Id(activity)}.photo-*.jpg");
            Assert.That(images, Has.Length.EqualTo(activity.PhotoCount), $"activity {activity.Id}");
            Assert.That(images.Select(f => new FileInfo(f).Length), Has.All.GreaterThan(0));
            Assert.That(Directory.GetFiles(_folder, $"*_{Id(activity)}.photos.json"), Has.Length.EqualTo(1));
        }

        Assert.That(Directory.GetFiles(_folder, "*.detail.json"), Has.Length.EqualTo(activities.Count));
        var manifest = File.ReadAllText(Path.Combine(_folder, BackupEngine.ManifestFileName));
        Assert.That(manifest, Does.Contain("no photos: the activity has none"));

        var requestsBefore = emulator.Requests.Count();
        var again = await engine.RunAsync(options);
        Assert.That(again.Downloaded, Is.Zero);
        Assert.That(emulator.Requests.Count() - requestsBefore, Is.EqualTo(1), "a rerun with nothing new lists one page and stops");
    }

    [Test]
    public async Task Original_needs_the_website_cookie_and_keeps_the_uploaded_extension()
    {
        var clock = new FakeTimeProvider(EmulatorClient.Start);
        var emulator = new StravaEmulator(clock, new StravaEmulatorOptions { ActivityCount = 12, Seed = 3, ManualShare = 0.2 });
        using var client = await EmulatorClient.CreateAsync(emulator, clock);
        var listed = await new StravaActivitySource(client).ListActivitiesAsync().ToListAsync();
        var recorded = listed.First(a => !emulator.FindActivity(long.Parse(a.Id, CultureInfo.InvariantCulture))!.IsManual);
        var manual = listed.FirstOrDefault(a => emulator.FindActivity(long.Parse(a.Id, CultureInfo.InvariantCulture))!.IsManual);

        await using (var without = await new StravaActivitySource(client).OpenAsync(recorded, StravaActivityFormats.Original))
        {
            Assert.That(without.IsAvailable, Is.False);
            Assert.That(without.UnavailableReason, Does.Contain("strava_remember_token"));
        }

        Assert.That(emulator.Requests.Count(HttpMethod.Get, "/activities/"), Is.Zero, "nothing asked of the website without a cookie");

        using var web = new StravaWebExporter(emulator.IssueWebSessionCookie(), new StravaClientOptions { PrimaryHandler = emulator.CreateHandler(), TimeProvider = clock });
        var source = new StravaActivitySource(client, web);
        await using (var original = await source.OpenAsync(recorded, StravaActivityFormats.Original))
        {
            Assert.That(original.IsAvailable, Is.True, original.UnavailableReason);
            var expected = emulator.FindActivity(long.Parse(recorded.Id, CultureInfo.InvariantCulture))!.OriginalFormat switch
            {
                StravaOriginalFormat.Fit => "fit",
                StravaOriginalFormat.FitGz => "fit.gz",
                StravaOriginalFormat.Gpx => "gpx",
                StravaOriginalFormat.Tcx => "tcx",
                var other => other.ToString().ToLowerInvariant(),
            };
            Assert.That(original.FileExtension, Is.EqualTo(expected));
        }

        if (manual is not null)
        {
            await using var none = await source.OpenAsync(manual, StravaActivityFormats.Original);
            Assert.That(none.IsAvailable, Is.False);
            Assert.That(none.UnavailableReason, Does.Contain("by hand"));
        }
    }

    [Test]
    public async Task Detail_is_offered_as_detail_json_and_the_garmin_name_is_accepted_as_an_alias()
    {
        var clock = new FakeTimeProvider(EmulatorClient.Start);
        var emulator = new StravaEmulator(clock, new StravaEmulatorOptions { ActivityCount = 2 });
        using var client = await EmulatorClient.CreateAsync(emulator, clock);
        var source = new StravaActivitySource(client);
        var activity = (await source.ListActivitiesAsync().ToListAsync())[0];

        Assert.That(source.SupportedFormats.Select(f => f.Name), Does.Contain("detail.json").And.Not.Contain("details.json"));
        await using var alias = await source.OpenAsync(activity, ActivityFormat.DetailsJson);
        Assert.That(alias.IsAvailable, Is.True);
        using var document = await JsonDocument.ParseAsync(alias.Stream!);
        Assert.That(document.RootElement.GetProperty("id").GetInt64(), Is.EqualTo(long.Parse(activity.Id, CultureInfo.InvariantCulture)));
    }

    [Test]
    public async Task Concurrent_requests_for_the_same_gear_share_one_request()
    {
        var clock = new FakeTimeProvider(EmulatorClient.Start);
        var emulator = new StravaEmulator(clock, new StravaEmulatorOptions { ActivityCount = 30, GearShare = 1 });
        using var client = await EmulatorClient.CreateAsync(emulator, clock);
        var gearId = emulator.Activities.First(a => a.GearId is not null).GearId!;

        var all = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => client.Gear.GetAsync(gearId))));

        Assert.That(all.Select(g => g.Id), Has.All.EqualTo(gearId));
        Assert.That(emulator.Requests.Count(HttpMethod.Get, "/api/v3/gear/"), Is.EqualTo(1));
    }
}
