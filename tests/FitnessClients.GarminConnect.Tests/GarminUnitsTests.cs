using FitnessClients.GarminConnect.Models;

namespace FitnessClients.GarminConnect.Tests;

/// <summary>Elapsed time in milliseconds or seconds, elevations in centimetres or metres.</summary>
public class GarminUnitsTests
{
    [TestCase(2702589.111328125, 2702.589111328125, 2702.589, TestName = "2021 walk: milliseconds")]
    [TestCase(11183693.120002747, 10226.370854377747, 11183.693, TestName = "2021 multisport parent: milliseconds")]
    [TestCase(4677150.87890625, 3459.342041015625, 4677.151, TestName = "2021 run with a long pause: milliseconds")]
    [TestCase(2225.44091796875, 2223.326904296875, 2225.441, TestName = "2026 run: seconds")]
    [TestCase(30000.0, 100.0, 30000.0, TestName = "seconds with pauses 300 times the timer")]
    public void Elapsed_duration_is_compared_with_the_timer_time(double elapsed, double duration, double expectedSeconds)
    {
        var time = GarminUnits.ToElapsedTime(elapsed, duration);

        Assert.That(time!.Value.TotalSeconds, Is.EqualTo(expectedSeconds).Within(0.001));
    }

    [Test]
    public void Without_a_timer_time_the_moving_time_is_the_reference() =>
        Assert.That(GarminUnits.ToElapsedTime(2702589.1, null, 2335.0)!.Value.TotalSeconds, Is.EqualTo(2702.589).Within(0.001));

    [TestCase(1850.0, 1850.0, TestName = "half an hour as seconds")]
    [TestCase(172800.0, 172800.0, TestName = "two days as seconds")]
    [TestCase(1_200_000.0, 1200.0, TestName = "20 minutes as milliseconds")]
    public void Without_any_reference_values_over_two_days_are_milliseconds(double elapsed, double expectedSeconds) =>
        Assert.That(GarminUnits.ToElapsedTime(elapsed, null)!.Value.TotalSeconds, Is.EqualTo(expectedSeconds).Within(0.001));

    [TestCase(null)]
    [TestCase(-1.0)]
    [TestCase(double.NaN)]
    public void Missing_or_impossible_values_are_null(double? elapsed) => Assert.That(GarminUnits.ToElapsedTime(elapsed, 100), Is.Null);

    [Test]
    public void Old_list_entries_have_centimetre_elevations()
    {
        var item = new GarminActivityListItem { ElapsedDuration = 2702589.1, Duration = 2702.6, MinElevation = 62040.0, MaxElevation = 65540.0 };

        Assert.That(item.ElevationInCentimeters, Is.True);
        Assert.That(item.MinElevationMeters, Is.EqualTo(620.4).Within(1e-9));
        Assert.That(item.MaxElevationMeters, Is.EqualTo(655.4).Within(1e-9));
        Assert.That(item.ElapsedTime!.Value.TotalSeconds, Is.EqualTo(2702.5891).Within(1e-3));
    }

    [Test]
    public void New_list_entries_have_metres()
    {
        var item = new GarminActivityListItem { ElapsedDuration = 2225.44, Duration = 2223.33, MinElevation = 2999.8, MaxElevation = 3145.4 };

        Assert.That(item.ElevationInCentimeters, Is.False);
        Assert.That(item.MaxElevationMeters, Is.EqualTo(3145.4));
    }

    [Test]
    public void An_elevation_higher_than_any_mountain_is_centimetres_even_without_the_elapsed_hint()
    {
        var item = new GarminActivityListItem { MinElevation = 5000.0, MaxElevation = 13260.0 };

        Assert.That(item.MaxElevationMeters, Is.EqualTo(132.6).Within(1e-9));
        Assert.That(item.MinElevationMeters, Is.EqualTo(50.0).Within(1e-9));
    }
}
