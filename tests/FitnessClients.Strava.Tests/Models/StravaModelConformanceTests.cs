using System.Text.Json;
using FitnessClients.Strava.Models;

namespace FitnessClients.Strava.Tests.Models;

/// <summary>Reads the real recorded responses and checks the fields a backup relies on, read from the files themselves.</summary>
public class StravaModelConformanceTests
{
    [Test]
    public void Summary_page_reads_every_item_with_large_ids_and_real_offsets()
    {
        var text = StravaFixtures.Read("athlete_activities_summary_page.json");
        using var doc = JsonDocument.Parse(text);
        var items = JsonSerializer.Deserialize<IReadOnlyList<StravaSummaryActivity>>(text, StravaJson.Options)!;

        Assert.That(items, Has.Count.EqualTo(doc.RootElement.GetArrayLength()));
        for (var i = 0; i < items.Count; i++)
        {
            var raw = doc.RootElement[i];
            var item = items[i];
            Assert.That(item.Id, Is.EqualTo(raw.GetProperty("id").GetInt64()));
            Assert.That(item.SportType?.Value, Is.EqualTo(raw.GetProperty("sport_type").GetString()));
            var utc = raw.GetProperty("start_date").GetDateTimeOffset();
            Assert.That(item.StartTime, Is.EqualTo(utc), "same instant");
            var localText = raw.GetProperty("start_date_local").GetString()!.TrimEnd('Z');
            var local = DateTime.Parse(localText, System.Globalization.CultureInfo.InvariantCulture);
            Assert.That(item.StartTime!.Value.DateTime, Is.EqualTo(local), "the local wall clock, not UTC");
            Assert.That(item.StartTime!.Value.Offset.TotalSeconds, Is.EqualTo(raw.GetProperty("utc_offset").GetDouble()));
            var polyline = raw.GetProperty("map").GetProperty("summary_polyline").GetString();
            Assert.That(item.Map?.SummaryPolyline, Is.EqualTo(polyline));
            if (raw.TryGetProperty("visibility", out var visibility))
            {
                Assert.That(item.Visibility?.Value, Is.EqualTo(visibility.GetString()));
            }
        }

        Assert.That(items.Any(a => a.Id > int.MaxValue), Is.True, "ids above 2^31");
        Assert.That(items.Any(a => a.Visibility == StravaVisibility.OnlyMe), Is.True);
    }

    [Test]
    public void Detailed_ride_reads_laps_gear_photos_and_float_integers()
    {
        var text = StravaFixtures.Read("detailed_activity_ride.json");
        using var doc = JsonDocument.Parse(text);
        var root = doc.RootElement;
        var ride = JsonSerializer.Deserialize<StravaDetailedActivity>(text, StravaJson.Options)!;

        Assert.That(ride.Id, Is.EqualTo(root.GetProperty("id").GetInt64()));
        Assert.That(ride.Id, Is.GreaterThan(int.MaxValue));
        Assert.That(ride.UtcOffset, Is.EqualTo(root.GetProperty("utc_offset").GetDouble()));
        Assert.That(ride.StartTime!.Value.Offset, Is.EqualTo(TimeSpan.FromSeconds(root.GetProperty("utc_offset").GetDouble())));
        Assert.That(ride.Description, Is.EqualTo(root.GetProperty("description").GetString()));
        Assert.That(ride.Map?.Polyline, Is.EqualTo(root.GetProperty("map").GetProperty("polyline").GetString()));
        Assert.That(ride.WorkoutType, Is.EqualTo(root.GetProperty("workout_type").GetInt32()));
        if (root.TryGetProperty("laps", out var laps) && laps.ValueKind == JsonValueKind.Array)
        {
            Assert.That(ride.Laps, Has.Count.EqualTo(laps.GetArrayLength()));
            Assert.That(ride.Laps![0].Id, Is.EqualTo(laps[0].GetProperty("id").GetInt64()));
        }

        Assert.That(ride.HasGpsTrack, Is.True);
        Assert.That(ride.ExtensionData, Is.Not.Null.And.ContainKey("stats_visibility"), "unnamed fields are kept");
    }

    [Test]
    public void Old_manual_activity_without_utc_offset_derives_the_offset_from_local_time()
    {
        var text = StravaFixtures.Read("detailed_activity_manual_stravalib.json");
        var manual = JsonSerializer.Deserialize<StravaDetailedActivity>(text, StravaJson.Options)!;

        Assert.That(manual.Manual, Is.True);
        Assert.That(manual.Map?.SummaryPolyline, Is.Null);
        Assert.That(manual.StartLatLng?.Latitude, Is.EqualTo(38.74263759999999));
        Assert.That(manual.StartTime, Is.EqualTo(new DateTimeOffset(2013, 11, 17, 8, 0, 0, TimeSpan.FromHours(-8))));
        Assert.That(manual.HasGpsTrack, Is.False, "manual activities have no streams");
        Assert.That(manual.TotalElevationGain, Is.Zero);
    }

    [Test]
    public void Keyed_stream_set_reads_numbers_and_points()
    {
        var text = StravaFixtures.Read("streamset_key_by_type_segment.json");
        using var doc = JsonDocument.Parse(text);
        var set = JsonSerializer.Deserialize<StravaStreamSet>(text, StravaJson.Options)!;

        var rawDistance = doc.RootElement.GetProperty("distance");
        Assert.That(set.Distance, Has.Count.EqualTo(rawDistance.GetProperty("data").GetArrayLength()));
        Assert.That(set.Streams["distance"].OriginalSize, Is.EqualTo(rawDistance.GetProperty("original_size").GetInt32()));
        Assert.That(set.Streams["distance"].Resolution, Is.EqualTo(rawDistance.GetProperty("resolution").GetString()));
        var firstPoint = doc.RootElement.GetProperty("latlng").GetProperty("data")[0];
        Assert.That(set.LatLng![0], Is.EqualTo(new StravaLatLng(firstPoint[0].GetDouble(), firstPoint[1].GetDouble())));
        Assert.That(set.Altitude![0], Is.EqualTo(doc.RootElement.GetProperty("altitude").GetProperty("data")[0].GetDouble()));
        Assert.That(set.Heartrate, Is.Null, "absent streams are null");
    }

    [Test]
    public void Photos_read_urls_by_size_and_pick_the_largest()
    {
        var text = StravaFixtures.Read("activity_photos_size5000.json");
        using var doc = JsonDocument.Parse(text);
        var photos = JsonSerializer.Deserialize<IReadOnlyList<StravaPhoto>>(text, StravaJson.Options)!;

        Assert.That(photos, Has.Count.EqualTo(doc.RootElement.GetArrayLength()));
        var raw = doc.RootElement[0];
        Assert.That(photos[0].PhotoId, Is.EqualTo(raw.GetProperty("unique_id").GetString()));
        Assert.That(photos[0].ActivityId, Is.EqualTo(raw.GetProperty("activity_id").GetInt64()));
        Assert.That(photos[0].LargestUrl, Is.EqualTo(new Uri(raw.GetProperty("urls").GetProperty("5000").GetString()!)));
        Assert.That(photos[0].Location, Is.Not.Null);
        Assert.That(photos.Any(p => p.Type == 2), Is.True, "the video is read too");
    }
}
