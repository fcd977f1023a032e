using System.Net;
using System.Text.Json.Nodes;
using FitnessClients.Testing;
using static FitnessClients.Testing.Tests.Strava.StravaTestSupport;

namespace FitnessClients.Testing.Tests.Strava;

public class StravaApiTests
{
    [Test]
    public async Task Same_options_give_byte_identical_pages_and_another_seed_differs()
    {
        static async Task<string> PageAsync(ulong seed)
        {
            var strava = Create(40, configure: o => o.Seed = seed);
            using var http = AuthorizedClient(strava);
            return await http.GetStringAsync(new Uri("api/v3/athlete/activities?per_page=200", UriKind.Relative));
        }

        Assert.That(await PageAsync(1), Is.EqualTo(await PageAsync(1)));
        Assert.That(await PageAsync(1), Is.Not.EqualTo(await PageAsync(2)));
    }

    [Test]
    public async Task Pages_are_newest_first_without_gaps_and_per_page_above_200_is_rejected()
    {
        var strava = Create(75, configure: o => o.PrivateShare = 0);
        using var http = AuthorizedClient(strava);
        var ids = new List<long>();
        for (var page = 1; ; page++)
        {
            var items = (await GetJsonAsync(http, $"api/v3/athlete/activities?per_page=30&page={page}")).AsArray();
            ids.AddRange(items.Select(i => i!["id"]!.GetValue<long>()));
            if (items.Count < 30)
            {
                break;
            }
        }

        Assert.That(ids, Is.EqualTo(strava.Activities.Select(a => a.Id)));
        Assert.That(ids, Has.All.GreaterThan((long)int.MaxValue));
        using var tooMany = await http.GetAsync(new Uri("api/v3/athlete/activities?per_page=201", UriKind.Relative));
        Assert.That(tooMany.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task Before_and_after_filter_on_the_start_in_epoch_seconds()
    {
        var strava = Create(50, configure: o => o.PrivateShare = 0);
        using var http = AuthorizedClient(strava);
        var all = strava.Activities;
        var after = all[30].StartUtc;
        var before = all[10].StartUtc;
        var items = (await GetJsonAsync(http, $"api/v3/athlete/activities?after={after.ToUnixTimeSeconds()}&before={before.ToUnixTimeSeconds()}&per_page=200")).AsArray();
        Assert.That(items.Select(i => i!["id"]!.GetValue<long>()), Is.EqualTo(all.Skip(11).Take(19).Select(a => a.Id)));
    }

    [Test]
    public async Task Private_activities_need_activity_read_all()
    {
        var strava = Create(60, configure: o => o.PrivateShare = 0.3);
        var privateOnes = strava.Activities.Where(a => a.IsPrivate).ToList();
        Assert.That(privateOnes, Is.Not.Empty);

        using var readAll = AuthorizedClient(strava, "read", "activity:read_all");
        using var read = AuthorizedClient(strava, "read", "activity:read");
        using var none = AuthorizedClient(strava, "read");
        Assert.That((await GetJsonAsync(readAll, "api/v3/athlete/activities?per_page=200")).AsArray(), Has.Count.EqualTo(60));
        var visible = (await GetJsonAsync(read, "api/v3/athlete/activities?per_page=200")).AsArray();
        Assert.That(visible, Has.Count.EqualTo(60 - privateOnes.Count));
        Assert.That(visible.Select(v => v!["visibility"]!.GetValue<string>()), Has.None.EqualTo("only_me"));

        using var hidden = await read.GetAsync(new Uri($"api/v3/activities/{privateOnes[0].Id}", UriKind.Relative));
        Assert.That(hidden.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await hidden.Content.ReadAsStringAsync(), Is.EqualTo(Fault("Record Not Found", "Activity", "id", "invalid")));
        var detail = await GetJsonAsync(readAll, $"api/v3/activities/{privateOnes[0].Id}?include_all_efforts=true");
        Assert.That(detail["private"]!.GetValue<bool>(), Is.True);
        Assert.That(detail["resource_state"]!.GetValue<int>(), Is.EqualTo(3));

        using var noScope = await none.GetAsync(new Uri("api/v3/athlete/activities", UriKind.Relative));
        Assert.That(noScope.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        using var anonymous = await strava.CreateClient().GetAsync(new Uri("api/v3/athlete/activities", UriKind.Relative));
        Assert.That(await anonymous.Content.ReadAsStringAsync(), Is.EqualTo(Fault("Authorization Error", "Athlete", "access_token", "invalid")));
    }

    [Test]
    public async Task Streams_by_type_carry_the_asked_keys_plus_distance_and_omit_missing_ones()
    {
        var strava = Create(80, configure: o => o.IndoorShare = 0.3);
        using var http = AuthorizedClient(strava);
        var outdoor = strava.Activities.First(a => !a.IsManual && !a.IsTrainer && a.HasHeartRate);
        var streams = (await GetJsonAsync(http, $"api/v3/activities/{outdoor.Id}/streams?keys=time,latlng,altitude,heartrate&key_by_type=true")).AsObject();
        Assert.That(streams.Select(p => p.Key), Is.EquivalentTo(new[] { "time", "latlng", "altitude", "heartrate", "distance" }));
        var size = streams["time"]!["original_size"]!.GetValue<int>();
        foreach (var (_, stream) in streams)
        {
            Assert.That(stream!["data"]!.AsArray(), Has.Count.EqualTo(size));
            Assert.That(stream["series_type"]!.GetValue<string>(), Is.EqualTo("distance"));
            Assert.That(stream["resolution"]!.GetValue<string>(), Is.EqualTo("high"));
        }

        Assert.That(streams["latlng"]!["data"]![0]!.AsArray(), Has.Count.EqualTo(2));
        Assert.That(streams["distance"]!["data"]!.AsArray().Last()!.GetValue<double>(), Is.EqualTo(outdoor.Distance).Within(0.2));

        var indoor = strava.Activities.First(a => a.IsTrainer && !a.IsManual);
        var indoorStreams = (await GetJsonAsync(http, $"api/v3/activities/{indoor.Id}/streams?keys=latlng,altitude,time&key_by_type=true")).AsObject();
        Assert.That(indoorStreams.Select(p => p.Key), Is.EquivalentTo(new[] { "time", "distance" }));

        var onlyDistance = (await GetJsonAsync(http, $"api/v3/activities/{outdoor.Id}/streams?key_by_type=true")).AsObject();
        Assert.That(onlyDistance.Select(p => p.Key), Is.EqualTo(new[] { "distance" }));

        var list = (await GetJsonAsync(http, $"api/v3/activities/{outdoor.Id}/streams?keys=time")).AsArray();
        Assert.That(list.Select(s => s!["type"]!.GetValue<string>()), Is.EquivalentTo(new[] { "time", "distance" }));
    }

    [Test]
    public async Task Manual_activities_have_no_streams_no_laps_and_no_gps()
    {
        var strava = Create(80, configure: o => o.ManualShare = 0.3);
        using var http = AuthorizedClient(strava);
        var manual = strava.Activities.First(a => a.IsManual);
        Assert.That((await GetJsonAsync(http, $"api/v3/activities/{manual.Id}/streams?keys=time&key_by_type=true")).AsObject(), Is.Empty);
        Assert.That((await GetJsonAsync(http, $"api/v3/activities/{manual.Id}/laps")).AsArray(), Is.Empty);
        var detail = await GetJsonAsync(http, $"api/v3/activities/{manual.Id}");
        Assert.That(detail["manual"]!.GetValue<bool>(), Is.True);
        Assert.That(detail["upload_id"], Is.Null);
        Assert.That(detail["map"]!["summary_polyline"], Is.Null);
        Assert.That(detail["start_latlng"]!.AsArray(), Is.Empty);
    }

    [Test]
    public async Task Photos_gear_laps_zones_athlete_and_stats_answer_in_strava_shapes()
    {
        var strava = Create(80, configure: o => o.PhotoShare = 0.5);
        using var http = AuthorizedClient(strava);
        var withPhotos = strava.Activities.First(a => a.PhotoCount > 0 && !a.IsPrivate);
        var photos = (await GetJsonAsync(http, $"api/v3/activities/{withPhotos.Id}/photos?size=5000&photo_sources=true")).AsArray();
        Assert.That(photos, Has.Count.EqualTo(withPhotos.PhotoCount));
        var url = photos[0]!["urls"]!["5000"]!.GetValue<string>();
        Assert.That(photos[0]!["sizes"]!["5000"]!.AsArray().Select(n => n!.GetValue<int>()), Is.EqualTo(new[] { 1536, 2048 }));
        using var image = await http.GetAsync(new Uri(url));
        Assert.That(image.Content.Headers.ContentType!.MediaType, Is.EqualTo("image/jpeg"));
        var bytes = await image.Content.ReadAsByteArrayAsync();
        Assert.That(bytes[..2], Is.EqualTo(new byte[] { 0xFF, 0xD8 }));

        var retired = (await GetJsonAsync(http, "api/v3/gear/g1001"));
        Assert.That(retired["retired"]!.GetValue<bool>(), Is.True);
        using var noGear = await http.GetAsync(new Uri("api/v3/gear/g999", UriKind.Relative));
        Assert.That(noGear.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));

        var athlete = await GetJsonAsync(http, "api/v3/athlete");
        Assert.That(athlete["id"]!.GetValue<long>(), Is.EqualTo(strava.AthleteId));
        Assert.That(athlete["shoes"]!.AsArray().Select(s => s!["id"]!.GetValue<string>()), Has.None.EqualTo("g1001"));

        var stats = await GetJsonAsync(http, $"api/v3/athletes/{strava.AthleteId}/stats");
        var everyoneRuns = strava.Activities.Count(a => a.Type == "Run" && a.Visibility == "everyone" && a.StartUtc <= Now);
        Assert.That(stats["all_run_totals"]!["count"]!.GetValue<int>(), Is.EqualTo(everyoneRuns));
        using var otherStats = await http.GetAsync(new Uri("api/v3/athletes/1/stats", UriKind.Relative));
        Assert.That(otherStats.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));

        var ride = strava.Activities.First(a => a.HasHeartRate && !a.IsPrivate);
        var laps = (await GetJsonAsync(http, $"api/v3/activities/{ride.Id}/laps")).AsArray();
        Assert.That(laps.Sum(l => l!["distance"]!.GetValue<double>()), Is.EqualTo(ride.Distance).Within(1.0));
        var zones = (await GetJsonAsync(http, $"api/v3/activities/{ride.Id}/zones")).AsArray();
        Assert.That(zones[0]!["type"]!.GetValue<string>(), Is.EqualTo("heartrate"));
        Assert.That(zones[0]!["distribution_buckets"]!.AsArray().Sum(b => b!["time"]!.GetValue<double>()), Is.EqualTo(ride.ElapsedTime).Within(1));
    }

    [Test]
    public async Task Put_updates_the_activity_with_activity_write()
    {
        var strava = Create(10, configure: o => o.PrivateShare = 0);
        var id = strava.Activities[0].Id;
        using var readOnly = AuthorizedClient(strava, "activity:read_all");
        using var denied = await readOnly.PutAsync(new Uri($"api/v3/activities/{id}", UriKind.Relative), JsonContent("""{"name":"x"}"""));
        Assert.That(denied.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));

        using var writer = AuthorizedClient(strava, "activity:read_all", "activity:write");
        using var updated = await writer.PutAsync(new Uri($"api/v3/activities/{id}", UriKind.Relative), JsonContent("""{"name":"Renamed 🚴","gear_id":"b2001"}"""));
        var body = await JsonAsync(updated);
        Assert.That(body["name"]!.GetValue<string>(), Is.EqualTo("Renamed 🚴"));
        Assert.That(strava.FindActivity(id)!.GearId, Is.EqualTo("b2001"));
    }

    private static StringContent JsonContent(string json) => new(json, System.Text.Encoding.UTF8, "application/json");
}
