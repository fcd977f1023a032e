using FitnessClients.Core.RateLimiting;
using static FitnessClients.Core.Tests.RateLimiting.RateLimitTestKit;

namespace FitnessClients.Core.Tests.RateLimiting;

public class RateLimitWindowTests
{
    [TestCase(8, 14, 30, 8, 0, 8, 15)]
    [TestCase(8, 15, 0, 8, 15, 8, 30)]
    [TestCase(8, 29, 59, 8, 15, 8, 30)]
    [TestCase(8, 45, 0, 8, 45, 9, 0)]
    [TestCase(0, 0, 0, 0, 0, 0, 15)]
    public void Quarter_hour_periods_start_at_00_15_30_45_UTC(int h, int m, int s, int startH, int startM, int endH, int endM)
    {
        var window = RateLimitWindow.QuarterHour("15-minute", 100);

        Assert.That(window.GetPeriodStart(Utc(h, m, s)), Is.EqualTo(Utc(startH, startM)));
        Assert.That(window.GetPeriodEnd(Utc(h, m, s)), Is.EqualTo(Utc(endH, endM)));
    }

    [Test]
    public void The_last_quarter_of_the_day_ends_at_the_next_UTC_midnight()
    {
        var window = RateLimitWindow.QuarterHour("15-minute", 100);

        Assert.That(window.GetPeriodEnd(Utc(23, 59, 59)), Is.EqualTo(Utc(0, 0, 0, day: 6)));
    }

    [Test]
    public void Daily_windows_reset_at_UTC_midnight_whatever_the_offset_of_the_time_given()
    {
        var window = RateLimitWindow.DailyUtc("daily", 1000);
        var lateEveningInNewYork = new DateTimeOffset(2026, 1, 5, 20, 0, 0, TimeSpan.FromHours(-5)); // 01:00Z on the 6th

        Assert.That(window.GetPeriodStart(Utc(8, 0)), Is.EqualTo(Utc(0, 0)));
        Assert.That(window.GetPeriodEnd(Utc(8, 0)), Is.EqualTo(Utc(0, 0, day: 6)));
        Assert.That(window.GetPeriodEnd(lateEveningInNewYork), Is.EqualTo(Utc(0, 0, day: 7)));
    }

    [Test]
    public void Other_lengths_align_to_their_multiples_since_UTC_midnight()
    {
        var window = new RateLimitWindow("5-minute", 300, TimeSpan.FromMinutes(5));

        Assert.That(window.GetPeriodStart(Utc(8, 12, 30)), Is.EqualTo(Utc(8, 10)));
        Assert.That(window.GetPeriodEnd(Utc(8, 12, 30)), Is.EqualTo(Utc(8, 15)));
    }

    [Test]
    public void Lengths_that_do_not_divide_a_day_and_empty_limits_are_refused()
    {
        Assert.That(() => new RateLimitWindow("x", 1, TimeSpan.FromMinutes(7)), Throws.InstanceOf<ArgumentOutOfRangeException>());
        Assert.That(() => new RateLimitWindow("x", 1, TimeSpan.Zero), Throws.InstanceOf<ArgumentOutOfRangeException>());
        Assert.That(() => new RateLimitWindow("x", 1, TimeSpan.FromDays(2)), Throws.InstanceOf<ArgumentOutOfRangeException>());
        Assert.That(() => new RateLimitWindow("x", 0, TimeSpan.FromMinutes(15)), Throws.InstanceOf<ArgumentOutOfRangeException>());
        Assert.That(() => new RateLimitWindow(" ", 1, TimeSpan.FromMinutes(15)), Throws.InstanceOf<ArgumentException>());
        Assert.That(() => RateLimitWindow.DailyUtc("x", 5) with { SafetyMargin = -1 }, Throws.InstanceOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public void A_window_applies_to_all_requests_unless_told_otherwise()
    {
        var all = RateLimitWindow.QuarterHour("overall", 200);
        var reads = RateLimitWindow.QuarterHour("read", 100, request => !IsUpload(request));

        Assert.That(all.AppliesTo(Upload()), Is.True);
        Assert.That(reads.AppliesTo(Upload()), Is.False);
        Assert.That(reads.AppliesTo(Get()), Is.True);
    }
}
