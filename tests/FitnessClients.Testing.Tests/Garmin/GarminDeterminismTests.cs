using System.Security.Cryptography;
using FitnessClients.Testing;

namespace FitnessClients.Testing.Tests.Garmin;

public class GarminDeterminismTests
{
    [Test]
    public async Task Two_emulators_with_the_same_options_answer_with_identical_bytes()
    {
        var first = GarminTestSupport.Create(120, configure: o => o.Seed = 42);
        var second = GarminTestSupport.Create(120, configure: o => o.Seed = 42);
        using var a = GarminTestSupport.AuthorizedClient(first);
        using var b = GarminTestSupport.AuthorizedClient(second);

        var paths = new List<string>
        {
            GarminTestSupport.ListPath + "?start=0&limit=50",
            GarminTestSupport.ListPath + "?start=50&limit=50",
            GarminTestSupport.ListPath + "?start=100&limit=50&sortOrder=asc",
            "activitylist-service/activities/count",
            "activity-service/activity/activityTypes",
            "userprofile-service/socialProfile",
        };
        foreach (var activity in first.ListedActivities.Where((_, i) => i % 9 == 0))
        {
            paths.Add($"activity-service/activity/{activity.Id}");
            paths.Add($"activity-service/activity/{activity.Id}/details");
            paths.Add($"activity-service/activity/{activity.Id}/splits");
            paths.Add($"download-service/files/activity/{activity.Id}");
            paths.Add($"download-service/export/gpx/activity/{activity.Id}");
            paths.Add($"download-service/export/tcx/activity/{activity.Id}");
        }

        foreach (var path in paths)
        {
            using var left = await a.GetAsync(path);
            using var right = await b.GetAsync(path);
            var leftBytes = await left.Content.ReadAsByteArrayAsync();
            var rightBytes = await right.Content.ReadAsByteArrayAsync();
            Assert.That(right.StatusCode, Is.EqualTo(left.StatusCode), path);
            Assert.That(SHA256.HashData(rightBytes), Is.EqualTo(SHA256.HashData(leftBytes)), path);
        }

        Assert.That(second.Activities, Is.EqualTo(first.Activities).Using<GarminEmulatedActivity>((x, y) => x.Id == y.Id && x.Start == y.Start && x.Name == y.Name && x.Distance.Equals(y.Distance)));
    }

    [Test]
    public void Another_seed_gives_another_account()
    {
        var first = GarminTestSupport.Create(50, configure: o => o.Seed = 1);
        var second = GarminTestSupport.Create(50, configure: o => o.Seed = 2);

        Assert.That(second.ListedActivities.Select(a => a.Start), Is.Not.EqualTo(first.ListedActivities.Select(a => a.Start)));
    }

    [Test]
    public void Options_are_validated()
    {
        Assert.That(() => GarminTestSupport.Create(10, configure: o => o.ManualShare = 0.95), Throws.ArgumentException);
        Assert.That(() => GarminTestSupport.Create(10, configure: o => o.LastActivityDate = o.FirstActivityDate.AddDays(-1)), Throws.ArgumentException);
        Assert.That(() => GarminTestSupport.Create(10, configure: o => o.AcceptedDiClientIds.Clear()), Throws.ArgumentException);
    }
}
