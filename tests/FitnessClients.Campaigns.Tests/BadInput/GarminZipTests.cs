using System.IO.Compression;
using System.Net;
using FitnessClients.Backup;
using FitnessClients.Campaigns.Tests.Support;
using FitnessClients.Core.Activities;
using FitnessClients.Testing;

namespace FitnessClients.Campaigns.Tests.BadInput;

/// <summary>
/// Hostile original ZIPs through a whole backup that keeps the FIT inside the ZIP (<see cref="ActivityFormat.Fit"/>):
/// an entry behind <c>../</c>, a root or a drive is never extracted anywhere; a damaged ZIP is a typed, per-file error.
/// </summary>
[Category("Campaign")]
public class GarminZipTests
{
    public static IEnumerable<TestCaseData> HostileZips()
    {
        yield return new TestCaseData("../{id}_ACTIVITY.fit").SetName("a parent-directory entry");
        yield return new TestCaseData("../../../../../../tmp/{id}_ACTIVITY.fit").SetName("a deep parent-directory entry");
        yield return new TestCaseData("/tmp/{id}_ACTIVITY.fit").SetName("an absolute entry");
        yield return new TestCaseData("C:\\Users\\{id}_ACTIVITY.fit").SetName("a drive-rooted entry");
        yield return new TestCaseData("..\\{id}_ACTIVITY.fit").SetName("a backslash parent entry");
        yield return new TestCaseData("sub/{id}_ACTIVITY.fit").SetName("an entry in a subfolder");
        yield return new TestCaseData("{id}_ACTIVITY.fit:stream").SetName("an alternate data stream entry");
        yield return new TestCaseData("").SetName("an empty ZIP");
    }

    [TestCaseSource(nameof(HostileZips))]
    public async Task A_hostile_original_ZIP_fails_that_file_only_and_writes_nothing_outside(string entryList)
    {
        var entries = entryList.Length == 0 ? [] : entryList.Split('|');
        using var temp = new TempFolder();
        var folder = temp.Sub("backup");
        using var h = await GarminInProcess.CreateAsync(activityCount: 3);
        h.Emulator.Router.MapGet("/download-service/files/activity/{id:long}", request =>
            ZipResponse(entries.Select(e => (e.Replace("{id}", request.GetRouteValue("id"), StringComparison.Ordinal), new byte[] { 1, 2, 3 }))));
        var tempBefore = Directory.GetFiles(Path.GetTempPath(), "*fitnessclients-garmin*").Length;

        var result = await h.BackupAsync(folder, formats: [ActivityFormat.Fit, ActivityFormat.Gpx]);

        Assert.Multiple(() =>
        {
            Assert.That(result.Failed, Is.EqualTo(result.Selected), "each FIT fails");
            Assert.That(result.Errors.Select(e => e.ErrorType), Has.All.EqualTo(nameof(InvalidDataException)));
            Assert.That(result.Errors.Select(e => e.Format), Has.All.EqualTo("fit"));
            Assert.That(Directory.EnumerateFiles(folder, "*.gpx", SearchOption.AllDirectories).Count(), Is.EqualTo(result.Selected), "the other format is still backed up");
            Assert.That(Directory.EnumerateFiles(folder, "*.fit", SearchOption.AllDirectories), Is.Empty, "no FIT written anywhere in the folder");
            Assert.That(Directory.GetFileSystemEntries(temp.Path), Is.EqualTo(new[] { folder }), "nothing written beside the folder");
            Assert.That(File.Exists("/tmp/" + h.Emulator.ListedActivities[0].Id + "_ACTIVITY.fit"), Is.False, "nothing written at the absolute path");
            Assert.That(Directory.GetFiles(Path.GetTempPath(), "*fitnessclients-garmin*").Length, Is.LessThanOrEqualTo(tempBefore), "the private temp ZIPs are gone");
        });
    }

    [Test]
    public async Task The_activity_entry_is_kept_byte_for_byte_when_hostile_neighbours_sit_beside_it()
    {
        using var temp = new TempFolder();
        var folder = temp.Sub("backup");
        using var h = await GarminInProcess.CreateAsync(activityCount: 2);
        var fit = new byte[5000];
        new Random(3).NextBytes(fit);
        h.Emulator.Router.MapGet("/download-service/files/activity/{id:long}", request =>
        {
            var id = request.GetRouteValue("id");
            return ZipResponse([("../../evil.sh", [9]), ($"../{id}_ACTIVITY.fit", [9]), ($"{id}_ACTIVITY.fit", fit), ("/etc/cron.d/x", [9])]);
        });

        var result = await h.BackupAsync(folder, formats: [ActivityFormat.Fit]);

        Assert.That(result.Failed, Is.Zero, string.Join("; ", result.Errors));
        var files = Directory.EnumerateFiles(folder, "*.fit", SearchOption.AllDirectories).ToList();
        Assert.That(files, Has.Count.EqualTo(result.Selected));
        Assert.That(files.Select(File.ReadAllBytes), Has.All.EqualTo(fit));
        Assert.That(Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Select(Path.GetFileName), Has.None.EqualTo("evil.sh").And.None.EqualTo("x"));
    }

    [Test]
    public async Task A_damaged_ZIP_is_a_typed_error_for_that_file()
    {
        using var temp = new TempFolder();
        var folder = temp.Sub("backup");
        using var h = await GarminInProcess.CreateAsync(activityCount: 2);
        h.Emulator.Router.MapGet("/download-service/files/activity/{id:long}", _ => EmulatorResponses.Text(HttpStatusCode.OK, "PK\u0003\u0004 not really a zip", "application/zip"));

        var result = await h.BackupAsync(folder, formats: [ActivityFormat.Fit]);

        Assert.That(result.Failed, Is.EqualTo(result.Selected));
        Assert.That(result.Errors.Select(e => e.ErrorType), Has.All.EqualTo(nameof(InvalidDataException)));
        Assert.That(Directory.EnumerateFiles(folder, "*.fit", SearchOption.AllDirectories), Is.Empty);
    }

    private static HttpResponseMessage ZipResponse(IEnumerable<(string Name, byte[] Bytes)> entries)
    {
        var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, bytes) in entries)
            {
                using var stream = zip.CreateEntry(name).Open();
                stream.Write(bytes);
            }
        }

        return new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(buffer.ToArray()) { Headers = { ContentType = new("application/x-zip-compressed") } } };
    }
}
