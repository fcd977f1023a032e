using FitnessClients.Cli.Strava;
using FitnessClients.Core.RateLimiting;
using FitnessClients.Strava.RateLimits;
using FitnessClients.Testing;

namespace FitnessClients.Cli.Tests.Strava;

/// <summary>What the backup's progress bar shows about window waits.</summary>
public class StravaRateWaitTests
{
    private static HttpRequestMessage Read() => new(HttpMethod.Get, "https://www.strava.com/api/v3/athlete");

    [Test]
    public async Task A_spent_quarter_hour_is_announced_once_with_its_resume_time_and_cleared_when_it_reopens()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 8, 3, 0, TimeSpan.Zero));
        var policy = StravaRateLimits.CreatePolicy(clock, RateLimitExhaustionBehavior.Throw, new StravaRateLimitSettings { Read15Minutes = 2 });
        var announced = new List<string>();
        var changes = 0;
        using var wait = new StravaRateWait(policy, clock, w => announced.Add(w.Describe()));
        wait.Changed += () => changes++;

        using (var first = Read())
        {
            await policy.AcquireAsync(first);
        }

        Assert.That(wait.ResumeAt, Is.Null);
        using (var second = Read())
        {
            await policy.AcquireAsync(second);
        }

        Assert.That(wait.ResumeAt, Is.EqualTo(new DateTimeOffset(2026, 3, 2, 8, 15, 0, TimeSpan.Zero)));
        Assert.That(wait.Window, Is.EqualTo("15-minute read"));
        Assert.That(announced, Has.Count.EqualTo(1));
        Assert.That(announced[0], Does.Contain("Strava's 15-minute read budget is used up: waiting until").And.Contain("resuming by itself"));
        Assert.That(changes, Is.EqualTo(1));

        clock.SetUtcNow(new DateTimeOffset(2026, 3, 2, 8, 15, 1, TimeSpan.Zero));
        using (var third = Read())
        {
            await policy.AcquireAsync(third);
        }

        Assert.That(wait.ResumeAt, Is.Null, "the fresh window's first grant clears the wait");
        Assert.That(changes, Is.EqualTo(2));
        Assert.That(wait.Waits, Is.EqualTo(1));
    }

    [Test]
    public void The_window_names_read_as_words()
    {
        Assert.That(StravaRateWait.WindowText(StravaRateLimits.ReadDaily), Is.EqualTo("daily read"));
        Assert.That(StravaRateWait.WindowText(StravaRateLimits.Overall15Minutes), Is.EqualTo("15-minute overall"));
        Assert.That(StravaRateWait.WindowText("other"), Is.EqualTo("other"));
    }
}
