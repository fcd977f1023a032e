using FitnessClients.Backup.Sync;
using FitnessClients.Backup.Tests.Support;
using FitnessClients.Backup.Tests.Sync;
using FitnessClients.Core.Activities;

namespace FitnessClients.Backup.Tests;

/// <summary>
/// A damaged manifest or sync record stops the run with one typed error naming the file and the way out; the file
/// is kept byte for byte. Before, garbage surfaced as a raw JsonException, <c>null</c> silently started over, and
/// missing or repeated ids failed with "Value cannot be null. (Parameter 'source')" (or, in a record, the last
/// entry silently won).
/// </summary>
public class CorruptStateTests
{
    private static readonly DateTimeOffset Newest = new(2026, 3, 10, 7, 30, 0, TimeSpan.FromHours(1));

    private const string Activity = """{ "id": "1001", "startTime": "2025-01-01T07:30:00-06:00", "formats": {} }""";

    public static IEnumerable<TestCaseData> DamagedManifests()
    {
        yield return new TestCaseData("{\"version\": 1, \"activities\": [", "not valid JSON").SetName("Manifest cut short");
        yield return new TestCaseData("\u0000\u0001garbage", "not valid JSON").SetName("Manifest of garbage");
        yield return new TestCaseData("null", "null instead of a manifest").SetName("Manifest of null");
        yield return new TestCaseData("""{ "activities": null }""", "activities or runs are missing").SetName("Manifest with null activities");
        yield return new TestCaseData("""{ "activities": [ null ] }""", "activity #1 has no id").SetName("Manifest with a null activity");
        yield return new TestCaseData("""{ "activities": [ { "id": null, "formats": {} } ] }""", "activity #1 has no id").SetName("Manifest with a null id");
        yield return new TestCaseData($$"""{ "activities": [ {{Activity}}, {{Activity}} ] }""", "activity 1001 is listed twice").SetName("Manifest with a repeated id");
        yield return new TestCaseData("""{ "activities": [ { "id": "1001", "formats": null } ] }""", "missing format record").SetName("Manifest with null formats");
    }

    public static IEnumerable<TestCaseData> DamagedRecords()
    {
        const string entry = """{ "sourceId": "a1", "startTime": "2026-03-09T07:30:00+01:00", "status": "uploaded", "targetId": "t1" }""";
        yield return new TestCaseData("{\"activities\": [", "not valid JSON").SetName("Record cut short");
        yield return new TestCaseData("null", "null instead of a sync record").SetName("Record of null");
        yield return new TestCaseData("""{ "activities": null }""", "activities or runs are missing").SetName("Record with null activities");
        yield return new TestCaseData("""{ "activities": [ { "sourceId": null, "status": "uploaded" } ] }""", "activity #1 has no sourceId").SetName("Record with a null id");
        yield return new TestCaseData($$"""{ "activities": [ {{entry}}, {{entry}} ] }""", "activity a1 is listed twice").SetName("Record with a repeated id");
        yield return new TestCaseData("""{ "activities": [ { "sourceId": "a1", "status": null } ] }""", "activity a1 has no status").SetName("Record with a null status");
        yield return new TestCaseData("""{ "runs": [ null ] }""", "a run in its history is null").SetName("Record with a null run");
    }

    [TestCaseSource(nameof(DamagedManifests))]
    public async Task A_damaged_manifest_stops_the_backup_naming_the_file_and_the_way_out(string content, string problem)
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, BackupEngine.ManifestFileName);
        await File.WriteAllTextAsync(path, content);
        var source = new FakeActivitySource();
        source.Add(1001, new DateTimeOffset(2025, 1, 1, 7, 30, 0, TimeSpan.FromHours(-6)));
        var options = new BackupOptions { BackupDirectory = folder.Path, Formats = [ActivityFormat.Gpx] };

        var error = Assert.ThrowsAsync<CorruptStateFileException>(() => new BackupEngine(source).RunAsync(options));

        Assert.Multiple(() =>
        {
            Assert.That(error!.FilePath, Is.EqualTo(path));
            Assert.That(error.Message, Does.Contain(path).And.Contain(problem));
            Assert.That(error.Message, Does.Contain("Move it aside").And.Contain("run the backup again"));
            Assert.That(File.ReadAllText(path), Is.EqualTo(content), "the damaged file is kept as it was");
            Assert.That(source.Requests, Is.Zero, "nothing is asked of the service");
        });
    }

    [Test]
    public async Task Moving_the_damaged_manifest_aside_rebuilds_it_from_the_files_on_disk_without_downloading_them()
    {
        using var folder = new TempFolder();
        var source = new FakeActivitySource();
        for (var i = 1; i <= 3; i++)
        {
            source.Add(1000 + i, new DateTimeOffset(2025, 1, i, 7, 30, 0, TimeSpan.FromHours(-6)));
        }

        var options = new BackupOptions { BackupDirectory = folder.Path, Formats = [ActivityFormat.Gpx] };
        await new BackupEngine(source).RunAsync(options);
        var path = Path.Combine(folder.Path, BackupEngine.ManifestFileName);
        await File.WriteAllTextAsync(path, "null");
        File.Move(path, path + ".damaged");
        var opens = source.Opens;

        var rebuilt = await new BackupEngine(source).RunAsync(options);

        Assert.Multiple(() =>
        {
            Assert.That(source.Opens, Is.EqualTo(opens), "files on disk are adopted, not downloaded again");
            Assert.That(rebuilt.Failed, Is.Zero);
            Assert.That(ManifestText.Read(folder.Path)["activities"]!.AsArray(), Has.Count.EqualTo(3));
        });
    }

    [TestCaseSource(nameof(DamagedRecords))]
    public async Task A_damaged_sync_record_stops_the_sync_before_any_upload(string content, string problem)
    {
        using var folder = new TempFolder();
        var state = folder["state"];
        Directory.CreateDirectory(state);
        var path = SyncEngine.RecordPathFor(state, "garmin", "fittrackee");
        await File.WriteAllTextAsync(path, content);
        var source = new SyncTestSource("garmin");
        source.AddDaily(2, Newest, "running");
        var sink = new InMemoryActivitySink();

        var error = Assert.ThrowsAsync<CorruptStateFileException>(() => new SyncEngine(source, sink).RunAsync(new SyncOptions { StateDirectory = state }));

        Assert.Multiple(() =>
        {
            Assert.That(error!.FilePath, Is.EqualTo(path));
            Assert.That(error.Message, Does.Contain(path).And.Contain(problem));
            Assert.That(error.Message, Does.Contain("Move it aside").And.Contain("run the sync again"));
            Assert.That(File.ReadAllText(path), Is.EqualTo(content), "the damaged record is kept as it was");
            Assert.That(sink.UploadCalls, Is.Zero);
        });
    }
}
