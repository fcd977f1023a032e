using System.Text.Json.Nodes;
using FitnessClients.Backup.Tests.Support;
using FitnessClients.Core.Activities;

namespace FitnessClients.Backup.Tests;

/// <summary>Multisport activities from the emulator, with the Garmin source expanding parents into their legs.</summary>
public class GarminMultisportBackupTests
{
    private static BackupOptions Options(TempFolder folder, GarminBackupHarness h) => new()
    {
        BackupDirectory = folder.Path,
        Formats = [ActivityFormat.Original, ActivityFormat.Gpx],
        RequestCounter = () => h.Emulator.Requests.Count(),
    };

    [Test]
    public async Task Legs_are_backed_up_each_under_its_own_name_and_a_rerun_is_a_one_request_no_op()
    {
        using var h = await GarminBackupHarness.CreateAsync(24, multisportShare: 0.3, expandMultisport: true);
        using var folder = new TempFolder();
        var engine = new BackupEngine(h.Source, h.Clock);
        var parents = h.Emulator.Activities.Where(a => a.IsMultisportParent).ToList();
        Assert.That(parents, Is.Not.Empty, "the emulator seeded multisport activities");

        var first = await engine.RunAsync(Options(folder, h));
        var originalDownloads = h.Emulator.Requests.Snapshot()
            .Where(r => r.Path.Contains("download-service/files/activity/", StringComparison.Ordinal))
            .Select(r => r.Path)
            .ToList();
        var files = folder.Snapshot();
        var manifest = ManifestText.Read(folder.Path);
        var entries = manifest["activities"]!.AsArray().Select(a => a!.AsObject()).ToDictionary(a => (string)a["id"]!, StringComparer.Ordinal);
        h.Emulator.Requests.Clear();
        var second = await engine.RunAsync(Options(folder, h));
        var requestsOfSecond = h.Emulator.Requests.Snapshot();

        Assert.Multiple(() =>
        {
            Assert.That(first.Failed, Is.Zero, string.Join("; ", first.Errors));
            var paths = entries.Values
                .SelectMany(a => a["formats"]!.AsObject().Select(f => f.Value!["path"]?.GetValue<string>()))
                .OfType<string>()
                .ToList();
            Assert.That(paths, Is.Unique, "no two activities or formats share a file name");
            Assert.That(paths, Is.SubsetOf(files.Keys));
            Assert.That(originalDownloads, Is.Unique, "no original is downloaded twice");
            foreach (var parent in parents)
            {
                var id = parent.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
                Assert.That(entries.ContainsKey(id), Is.True, $"parent {id} is in the manifest");
                Assert.That(files.Keys.Count(k => k.Contains($"_{id}.original", StringComparison.Ordinal)), Is.EqualTo(1), $"parent {id}'s original is stored once");
                foreach (var child in parent.ChildIds)
                {
                    var childId = child.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    Assert.That(entries.TryGetValue(childId, out var leg), Is.True, $"leg {childId} of {id} is in the manifest");
                    var original = leg?["formats"]?["original"] as JsonObject;
                    Assert.That(original?["path"]?.GetValue<string>() ?? original?["notAvailable"]?.GetValue<string>(), Is.Not.Null, $"leg {childId} has an original or a reason");
                    if (original?["path"]?.GetValue<string>() is { } path)
                    {
                        Assert.That(path, Does.Contain($"_{childId}."), $"leg {childId} is stored under its own id");
                    }
                }
            }

            Assert.That(second.Downloaded, Is.Zero);
            Assert.That(second.Failed, Is.Zero);
            Assert.That(second.RequestsMade, Is.EqualTo(1));
            Assert.That(requestsOfSecond, Has.Count.EqualTo(1), string.Join("\n", requestsOfSecond.Select(r => r.Path)));
            Assert.That(folder.Snapshot(), Is.EquivalentTo(files).Using<KeyValuePair<string, byte[]>>((a, b) => a.Key == b.Key && a.Value.AsSpan().SequenceEqual(b.Value)));
        });
    }
}
