using FitnessClients.Backup.Storage;
using FitnessClients.Backup.Tests.Support;
using FitnessClients.Core.Activities;

namespace FitnessClients.Backup.Tests;

/// <summary>A folder made by garminexport is taken over without downloading again.</summary>
public class GarminExportCompatibilityTests
{
    [TestCase("2026-01-08T14:10:21+00:00_21482825013.fit", "21482825013", "fit")]
    [TestCase("2026-01-08T14_10_21+00_00_21482825013.fit", "21482825013", "fit")]
    [TestCase("2015-02-17T05:45:00+00:00_123456789_summary.json", "123456789", "summary.json")]
    [TestCase("2015-02-17T05:45:00+00:00_123456789_details.json", "123456789", "details.json")]
    [TestCase("2015-02-17T05:45:00+00:00_123456789.gpx", "123456789", "gpx")]
    [TestCase("2015-02-17T05:45:00+00:00_123456789.tcx", "123456789", "tcx")]
    public void Parses_garminexport_names(string name, string id, string format) =>
        Assert.That(GarminExportFolder.Parse(name), Is.EqualTo((id, format)));

    [TestCase("activity_123.gpx")]
    [TestCase("2015-02-17T05-45-00Z_123.gpx")]
    [TestCase("2015-02-17T05:45:00+00:00_123.kml")]
    public void Ignores_other_names(string name) => Assert.That(GarminExportFolder.Parse(name), Is.Null);

    [Test]
    public async Task Existing_files_count_as_done_and_not_found_records_as_not_available()
    {
        using var folder = new TempFolder();
        var source = new FakeActivitySource();
        source.Add(11, new DateTimeOffset(2015, 2, 17, 5, 45, 0, TimeSpan.Zero));
        source.Add(12, new DateTimeOffset(2015, 2, 18, 5, 45, 0, TimeSpan.Zero));
        source.Add(13, new DateTimeOffset(2015, 2, 19, 5, 45, 0, TimeSpan.Zero));
        File.WriteAllText(folder["2015-02-17T05:45:00+00:00_11.gpx"], "<gpx>old</gpx>");
        File.WriteAllText(folder["2015-02-17T05:45:00+00:00_11_summary.json"], "{}");
        File.WriteAllText(folder["2015-02-18T05:45:00+00:00_12_summary.json"], "{}");
        File.WriteAllText(folder[".not_found"], "2015-02-18T05:45:00+00:00_12.gpx\n2015-02-19T05:45:00+00:00_13.tcx\n");
        File.WriteAllText(folder["2015-02-19T05:45:00+00:00_13.gpx.not_found"], "");

        var result = await new BackupEngine(source).RunAsync(new BackupOptions
        {
            BackupDirectory = folder.Path,
            Formats = [ActivityFormat.Gpx, ActivityFormat.SummaryJson],
        });

        Assert.Multiple(() =>
        {
            Assert.That(source.Opened, Is.EqualTo(new[] { ("13", "summary.json") }));
            Assert.That(result.Downloaded, Is.EqualTo(1));
            Assert.That(result.Skipped, Is.EqualTo(5));
            Assert.That(File.ReadAllText(folder["2015-02-17T05:45:00+00:00_11.gpx"]), Is.EqualTo("<gpx>old</gpx>"));
        });
        var manifest = ManifestText.Read(folder.Path)["activities"]!.AsArray();
        Assert.That((string?)manifest[0]!["formats"]!["gpx"]!["path"], Is.EqualTo("2015-02-17T05:45:00+00:00_11.gpx"));
        Assert.That((string?)manifest[1]!["formats"]!["gpx"]!["notAvailable"], Is.EqualTo("garminexport .not_found"));
        Assert.That((string?)manifest[2]!["formats"]!["gpx"]!["notAvailable"], Is.EqualTo("garminexport .not_found"));
    }
}
