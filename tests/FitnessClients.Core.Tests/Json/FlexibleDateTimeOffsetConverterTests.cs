using System.Text.Json;
using System.Text.Json.Serialization;
using FitnessClients.Core.Json;

namespace FitnessClients.Core.Tests.Json;

public class FlexibleDateTimeOffsetConverterTests
{
    private static readonly JsonSerializerOptions Options = FitnessJson.CreateOptions();

    private sealed record Garmin(
        [property: JsonConverter(typeof(UtcDateTimeOffsetConverter))] DateTimeOffset? StartTimeGmt,
        [property: JsonConverter(typeof(UnixTimeMillisecondsConverter))] DateTimeOffset? BeginTimestamp,
        DateTime? StartTimeLocal);

    private sealed record Strava([property: JsonConverter(typeof(UnixTimeSecondsConverter))] DateTimeOffset ExpiresAt);

    [TestCase("\"2024-05-01T07:30:00Z\"", "2024-05-01T07:30:00.0000000+00:00")]
    [TestCase("\"2024-05-01T07:30:00z\"", "2024-05-01T07:30:00.0000000+00:00")]
    [TestCase("\"2024-05-01T09:30:00+02:00\"", "2024-05-01T09:30:00.0000000+02:00")]
    [TestCase("\"2024-05-01T01:30:00-0600\"", "2024-05-01T01:30:00.0000000-06:00")]
    [TestCase("\"2024-05-01T12:30:00+05\"", "2024-05-01T12:30:00.0000000+05:00")]
    [TestCase("\"2024-05-01 07:30:00Z\"", "2024-05-01T07:30:00.0000000+00:00")]
    [TestCase("\"2024-05-01T07:30Z\"", "2024-05-01T07:30:00.0000000+00:00")]
    [TestCase("\"2024-05-01T07:30:00.5Z\"", "2024-05-01T07:30:00.5000000+00:00")]
    [TestCase("\"2024-05-01T07:30:00.1234567+00:00\"", "2024-05-01T07:30:00.1234567+00:00")]
    [TestCase("\"2024-05-01T07:30:00.123456789Z\"", "2024-05-01T07:30:00.1234567+00:00")]
    [TestCase("\"  2024-05-01T07:30:00Z \"", "2024-05-01T07:30:00.0000000+00:00")]
    [TestCase("\"Wed, 01 May 2024 07:30:00 GMT\"", "2024-05-01T07:30:00.0000000+00:00")]
    public void Iso_and_rfc1123_strings_with_a_zone_are_read_exactly(string json, string expected)
    {
        var value = JsonSerializer.Deserialize<DateTimeOffset>(json, Options);

        Assert.That(value.ToString("O", System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo(expected));
    }

    [TestCase("1568775134", "2019-09-18T02:52:14Z")]
    [TestCase("1568775134.0", "2019-09-18T02:52:14Z")]
    [TestCase("\"1568775134\"", "2019-09-18T02:52:14Z")]
    [TestCase("1714548600000", "2024-05-01T07:30:00Z")]
    [TestCase("\"1714548600000\"", "2024-05-01T07:30:00Z")]
    [TestCase("0", "1970-01-01T00:00:00Z")]
    public void Epoch_numbers_are_read_as_seconds_or_milliseconds_by_magnitude(string json, string expected)
    {
        var value = JsonSerializer.Deserialize<DateTimeOffset>(json, Options);

        Assert.That(value, Is.EqualTo(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.That(value.Offset, Is.EqualTo(TimeSpan.Zero));
    }

    [Test]
    public void The_magnitude_threshold_is_ten_to_the_eleventh()
    {
        Assert.That(JsonSerializer.Deserialize<DateTimeOffset>("99999999999", Options).Year, Is.EqualTo(5138));
        Assert.That(JsonSerializer.Deserialize<DateTimeOffset>("100000000000", Options).Year, Is.EqualTo(1973));
    }

    [Test]
    public void A_fractional_epoch_second_keeps_its_fraction()
    {
        var value = JsonSerializer.Deserialize<Strava>("""{"ExpiresAt":1568775134.25}""", Options)!;

        Assert.That(value.ExpiresAt, Is.EqualTo(DateTimeOffset.FromUnixTimeMilliseconds(1568775134250)));
    }

    [TestCase("\"2024-05-01 07:30:00\"")]
    [TestCase("\"2024-05-01T07:30:00.0\"")]
    [TestCase("\"Wed, 1 May 2024 07:30:00\"")]
    public void The_strict_converter_refuses_strings_without_an_offset_and_says_what_to_use(string json)
    {
        var ex = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<DateTimeOffset>(json, Options));

        Assert.That(ex!.Message, Does.Contain(json).And.Contain("no UTC offset").And.Contain(nameof(UtcDateTimeOffsetConverter)).And.Contain(nameof(LocalDateTimeConverter)));
    }

    [TestCase("\"2024-02-30T07:30:00Z\"")]
    [TestCase("\"2024-13-01T07:30:00Z\"")]
    [TestCase("\"2024-05-01T24:00:00Z\"")]
    [TestCase("\"2024-05-01T07:30:00+15:00\"")]
    [TestCase("\"yesterday\"")]
    [TestCase("\"2024-05-01\"")]
    [TestCase("\"\"")]
    [TestCase("\"2024-05-01T07:30:00.1234567890Z\"")]
    public void Invalid_dates_are_refused_with_the_value_and_the_accepted_forms(string json)
    {
        var ex = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<DateTimeOffset>(json, Options));

        Assert.That(ex!.Message, Does.Contain(json).And.Contain("Accepted: ISO 8601"));
    }

    [TestCase("true")]
    [TestCase("{}")]
    public void Other_json_types_are_refused(string json)
    {
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<DateTimeOffset>(json, Options));
    }

    [Test]
    public void An_epoch_beyond_the_range_of_dates_is_refused()
    {
        var ex = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Strava>("""{"ExpiresAt":1e20}""", Options));

        Assert.That(ex!.Message, Does.Contain("1e20").And.Contain("outside the range"));
    }

    [Test]
    public void Writes_iso_8601_keeping_the_offset_and_using_Z_for_utc()
    {
        var local = new DateTimeOffset(2024, 5, 1, 9, 30, 0, TimeSpan.FromHours(2));
        var utc = new DateTimeOffset(2024, 5, 1, 7, 30, 0, 500, TimeSpan.Zero);

        // The default encoder escapes '+' as \u002B; compare the string value, not the escaping.
        Assert.That(JsonDocument.Parse(JsonSerializer.Serialize(local, Options)).RootElement.GetString(), Is.EqualTo("2024-05-01T09:30:00+02:00"));
        Assert.That(JsonSerializer.Serialize(utc, Options), Is.EqualTo("\"2024-05-01T07:30:00.5Z\""));
        Assert.That(JsonSerializer.Deserialize<DateTimeOffset>(JsonSerializer.Serialize(local, Options), Options), Is.EqualTo(local));
    }

    [Test]
    public void Utc_converter_reads_garmin_naive_strings_as_utc_and_the_millisecond_converter_reads_timestamps()
    {
        var garmin = JsonSerializer.Deserialize<Garmin>(
            """{"startTimeGMT":"2024-05-01 07:30:00","beginTimestamp":1714548600000,"startTimeLocal":"2024-05-01 09:30:00"}""",
            Options)!;

        var expected = new DateTimeOffset(2024, 5, 1, 7, 30, 0, TimeSpan.Zero);
        Assert.That(garmin.StartTimeGmt, Is.EqualTo(expected));
        Assert.That(garmin.StartTimeGmt!.Value.Offset, Is.EqualTo(TimeSpan.Zero));
        Assert.That(garmin.BeginTimestamp, Is.EqualTo(expected));
        Assert.That(garmin.StartTimeLocal, Is.EqualTo(new DateTime(2024, 5, 1, 9, 30, 0)));
        Assert.That(garmin.StartTimeLocal!.Value.Kind, Is.EqualTo(DateTimeKind.Unspecified));
    }

    [Test]
    public void Utc_converter_keeps_an_explicit_offset_and_writes_utc()
    {
        var converter = new UtcDateTimeOffsetConverter();

        Assert.That(converter.Parse("2024-05-01T09:30:00+02:00"), Is.EqualTo(new DateTimeOffset(2024, 5, 1, 7, 30, 0, TimeSpan.Zero)));
        var garmin = new Garmin(new DateTimeOffset(2024, 5, 1, 9, 30, 0, TimeSpan.FromHours(2)), null, null);
        Assert.That(JsonSerializer.Serialize(garmin, Options), Is.EqualTo("""{"StartTimeGmt":"2024-05-01T07:30:00Z"}"""));
    }

    [Test]
    public void Unix_converters_write_numbers_and_round_trip()
    {
        var value = new Strava(DateTimeOffset.FromUnixTimeSeconds(1568775134));
        var json = JsonSerializer.Serialize(value, Options);

        Assert.That(json, Is.EqualTo("""{"ExpiresAt":1568775134}"""));
        Assert.That(JsonSerializer.Deserialize<Strava>(json, Options), Is.EqualTo(value));
        Assert.That(
            JsonSerializer.Serialize(new Garmin(null, DateTimeOffset.FromUnixTimeMilliseconds(1714548600123), null), Options),
            Is.EqualTo("""{"BeginTimestamp":1714548600123}"""));
    }

    [Test]
    public void The_seconds_converter_does_not_guess_milliseconds()
    {
        var ex = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Strava>("""{"ExpiresAt":1714548600000000000}""", Options));

        Assert.That(ex!.Message, Does.Contain("seconds").And.Contain("outside the range"));
    }

    [Test]
    public void A_custom_assumed_offset_and_unit_can_be_configured()
    {
        var converter = new FlexibleDateTimeOffsetConverter(TimeSpan.FromHours(-5), EpochUnit.Milliseconds);

        Assert.That(converter.Parse("2024-05-01 02:30:00"), Is.EqualTo(new DateTimeOffset(2024, 5, 1, 2, 30, 0, TimeSpan.FromHours(-5))));
        Assert.That(converter.Parse("1000"), Is.EqualTo(DateTimeOffset.UnixEpoch.AddSeconds(1)));
    }

    [Test]
    public void Dictionary_keys_are_read_and_written()
    {
        var map = JsonSerializer.Deserialize<Dictionary<DateTimeOffset, int>>("""{"2024-05-01T07:30:00Z":1}""", Options)!;

        Assert.That(map.Keys.Single(), Is.EqualTo(new DateTimeOffset(2024, 5, 1, 7, 30, 0, TimeSpan.Zero)));
        Assert.That(JsonSerializer.Serialize(map, Options), Is.EqualTo("""{"2024-05-01T07:30:00Z":1}"""));
    }
}
