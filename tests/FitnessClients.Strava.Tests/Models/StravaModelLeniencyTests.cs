using System.Text.Json;
using FitnessClients.Strava.Models;

namespace FitnessClients.Strava.Tests.Models;

public class StravaModelLeniencyTests
{
    private static StravaSummaryActivity Read(string json) => JsonSerializer.Deserialize<StravaSummaryActivity>(json, StravaJson.Options)!;

    [TestCase("[]")]
    [TestCase("null")]
    public void Start_latlng_empty_or_null_is_no_point(string value) =>
        Assert.That(Read($$"""{"id":1,"start_latlng":{{value}}}""").StartLatLng, Is.Null);

    [Test]
    public void Integers_as_floats_unknown_sports_and_empty_polylines_are_read()
    {
        var a = Read("""{"id":16181809559.0,"moving_time":7772.0,"sport_type":"Pickleball2030","type":"Run","map":{"summary_polyline":""},"start_latlng":[],"manual":false,"suffer_score":480.0}""");
        Assert.That(a.Id, Is.EqualTo(16181809559L));
        Assert.That(a.MovingTime, Is.EqualTo(7772));
        Assert.That(a.SportType, Is.EqualTo(new StravaSportType("Pickleball2030")));
        Assert.That(a.SportType!.Value.IsKnown, Is.False);
        Assert.That(a.Type, Is.EqualTo(StravaActivityType.Run));
        Assert.That(a.HasGpsTrack, Is.False);
    }

    [Test]
    public void Start_time_uses_utc_offset_even_with_a_hidden_start()
    {
        var a = Read("""{"start_date":"2024-07-02T04:00:01Z","start_date_local":"2024-07-02T00:00:01Z","utc_offset":-14400.0}""");
        Assert.That(a.StartTime, Is.EqualTo(new DateTimeOffset(2024, 7, 2, 0, 0, 1, TimeSpan.FromHours(-4))));
        var hidden = Read("""{"start_date":"2024-07-02T00:00:01Z","start_date_local":"2024-07-02T00:00:01Z"}""");
        Assert.That(hidden.StartTime, Is.EqualTo(new DateTimeOffset(2024, 7, 2, 0, 0, 1, TimeSpan.Zero)));
        Assert.That(Read("{}").StartTime, Is.Null);
    }

    [Test]
    public void Stream_set_reads_the_array_form_too()
    {
        var set = JsonSerializer.Deserialize<StravaStreamSet>("""[{"type":"time","data":[0,1.0,2]},{"type":"moving","data":[true,false,null]}]""", StravaJson.Options)!;
        Assert.That(set.Time, Is.EqualTo(new int?[] { 0, 1, 2 }));
        Assert.That(set.Moving, Is.EqualTo(new bool?[] { true, false, null }));
        var json = JsonSerializer.Serialize(set, StravaJson.Options);
        Assert.That(json, Does.StartWith("""{"time":{"type":"time","data":[0,1.0,2]"""));
    }

    [Test]
    public void Upload_duplicate_error_names_the_existing_activity()
    {
        var upload = JsonSerializer.Deserialize<StravaUpload>("""{"id":8919698041,"error":"17611540601.tcx duplicate of activity 8319193780","status":"There was an error processing your activity."}""", StravaJson.Options)!;
        Assert.That(upload.IsFailed, Is.True);
        Assert.That(upload.DuplicateOfActivityId, Is.EqualTo(8319193780L));
    }
}
