using System.Globalization;
using FitnessClients.GarminConnect.Models;

namespace FitnessClients.GarminConnect.Tests;

/// <summary>The start as a DateTimeOffset whose offset is local − GMT, signed, in every corner of the world.</summary>
public class GarminTimeTests
{
    private static DateTime T(string text) => GarminTime.Parse(text);

    [TestCase("2026-01-08 08:10:21", "2026-01-08 14:10:21", "-06:00", TestName = "Mexico City, UTC-6 (not +18:00)")]
    [TestCase("2026-01-15 06:00:00", "2026-01-15 09:30:00", "-03:30", TestName = "Newfoundland winter, UTC-3:30")]
    [TestCase("2026-01-15 12:00:00", "2026-01-15 06:15:00", "+05:45", TestName = "Nepal, UTC+5:45")]
    [TestCase("2026-01-15 10:00:00", "2026-01-14 21:00:00", "+13:00", TestName = "New Zealand summer, UTC+13, across the date line")]
    [TestCase("2026-01-15 00:30:00", "2026-01-15 11:30:00", "-11:00", TestName = "Niue, UTC-11, previous day")]
    [TestCase("2026-01-15 09:00:00", "2026-01-15 09:00:00", "+00:00", TestName = "UTC")]
    [TestCase("2026-01-08T08:10:21.0", "2026-01-08T14:10:21.0", "-06:00", TestName = "Summary format")]
    public void The_offset_is_local_minus_GMT_signed(string local, string gmt, string expectedOffset)
    {
        var start = GarminTime.GetStartTime(T(local), T(gmt));

        var offset = TimeSpan.ParseExact(expectedOffset.TrimStart('+', '-'), @"hh\:mm", CultureInfo.InvariantCulture);
        if (expectedOffset.StartsWith('-'))
        {
            offset = -offset;
        }

        Assert.That(start!.Value.Offset, Is.EqualTo(offset));
        Assert.That(start.Value.DateTime, Is.EqualTo(T(local)), "the wall-clock reading is the local time");
        Assert.That(start.Value.UtcDateTime, Is.EqualTo(T(gmt)), "the instant is GMT's");
    }

    [TestCase("2026-03-29 01:30:00", "2026-03-29 00:30:00", 1, TestName = "Paris, half an hour before spring forward (CET)")]
    [TestCase("2026-03-29 03:30:00", "2026-03-29 01:30:00", 2, TestName = "Paris, after spring forward (CEST)")]
    [TestCase("2025-10-26 02:30:00", "2025-10-26 00:30:00", 2, TestName = "Paris, the first 02:30 of the fall-back night")]
    [TestCase("2025-10-26 02:30:00", "2025-10-26 01:30:00", 1, TestName = "Paris, the second 02:30 of the fall-back night")]
    [TestCase("2026-03-08 01:30:00", "2026-03-08 08:30:00", -7, TestName = "Denver before spring forward (MST)")]
    [TestCase("2026-03-08 03:30:00", "2026-03-08 09:30:00", -6, TestName = "Denver after spring forward (MDT)")]
    public void Daylight_saving_transitions_follow_the_pair(string local, string gmt, int hours)
    {
        var start = GarminTime.GetStartTime(T(local), T(gmt));

        Assert.That(start!.Value.Offset, Is.EqualTo(TimeSpan.FromHours(hours)));
        Assert.That(start.Value.UtcDateTime, Is.EqualTo(T(gmt)));
    }

    [Test]
    public void A_second_of_skew_between_the_two_values_is_rounded_away()
    {
        var start = GarminTime.GetStartTime(T("2026-01-08 08:10:21"), T("2026-01-08 14:10:20"));

        Assert.That(start!.Value.Offset, Is.EqualTo(TimeSpan.FromHours(-6)));
        Assert.That(start.Value.UtcDateTime, Is.EqualTo(T("2026-01-08 14:10:20")));
    }

    [Test]
    public void An_offset_beyond_14_hours_falls_back_to_UTC()
    {
        var start = GarminTime.GetStartTime(T("2026-01-09 05:10:21"), T("2026-01-08 14:10:21"));

        Assert.That(start, Is.EqualTo(new DateTimeOffset(2026, 1, 8, 14, 10, 21, TimeSpan.Zero)));
        Assert.That(start!.Value.Offset, Is.EqualTo(TimeSpan.Zero));
    }

    [Test]
    public void Without_a_local_time_the_start_is_beginTimestamp_in_UTC()
    {
        var start = GarminTime.GetStartTime(null, null, 1767881421000);

        Assert.That(start, Is.EqualTo(new DateTimeOffset(2026, 1, 8, 14, 10, 21, TimeSpan.Zero)));
        Assert.That(start!.Value.Offset, Is.EqualTo(TimeSpan.Zero));
    }

    [Test]
    public void A_local_time_with_only_beginTimestamp_still_gets_its_offset()
    {
        var start = GarminTime.GetStartTime(T("2026-01-08 08:10:21"), null, 1767881421000);

        Assert.That(start!.Value.Offset, Is.EqualTo(TimeSpan.FromHours(-6)));
    }

    [Test]
    public void Nothing_known_is_null() => Assert.That(GarminTime.GetStartTime(T("2026-01-08 08:10:21"), null), Is.Null);

    [TestCase("2026-01-08 08:10:21")]
    [TestCase("2026-01-08T08:10:21.0")]
    [TestCase("2026-01-08T08:10:21")]
    [TestCase(" 2026-01-08 08:10:21.000 ")]
    public void Both_formats_parse(string text) =>
        Assert.That(GarminTime.Parse(text), Is.EqualTo(new DateTime(2026, 1, 8, 8, 10, 21, DateTimeKind.Unspecified)));

    [TestCase("08/01/2026 08:10:21")]
    [TestCase("2026-13-08 08:10:21")]
    [TestCase("2026-01-08 08:10:21Z")]
    [TestCase("")]
    public void Other_text_does_not_parse(string text) => Assert.That(GarminTime.TryParse(text, out _), Is.False);

    [Test]
    public void Parsing_ignores_the_current_culture()
    {
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("th-TH");
            Assert.That(GarminTime.Parse("2026-01-08 08:10:21").Year, Is.EqualTo(2026));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Test]
    public void The_models_read_both_formats()
    {
        var item = System.Text.Json.JsonSerializer.Deserialize<GarminActivityListItem>("""{"startTimeLocal":"2026-01-08 08:10:21","startTimeGMT":"2026-01-08 14:10:21"}""", GarminJson.Options)!;
        var summary = System.Text.Json.JsonSerializer.Deserialize<GarminSummaryDto>("""{"startTimeLocal":"2026-01-08T08:10:21.0","startTimeGMT":"2026-01-08T14:10:21.0"}""", GarminJson.Options)!;

        Assert.That(item.StartTime, Is.EqualTo(summary.StartTime));
        Assert.That(item.StartTime!.Value.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture), Is.EqualTo("2026-01-08T08:10:21-06:00"));
    }

    [Test]
    public void A_malformed_time_is_a_JsonException() =>
        Assert.Throws<System.Text.Json.JsonException>(() =>
            System.Text.Json.JsonSerializer.Deserialize<GarminActivityListItem>("""{"startTimeLocal":"yesterday"}""", GarminJson.Options));
}
