using FitnessClients.Backup.Tests.Support;
using FitnessClients.Core.Activities;

namespace FitnessClients.Backup.Tests;

/// <summary>Filters pick activities; layout options place and name files.</summary>
public class FilterAndLayoutTests
{
    private static FakeActivitySource Source()
    {
        var source = new FakeActivitySource();
        source.Add(1, new DateTimeOffset(2025, 3, 1, 23, 30, 0, TimeSpan.FromHours(-6)), "running", "Late run");
        source.Add(2, new DateTimeOffset(2025, 3, 2, 6, 0, 0, TimeSpan.FromHours(9)), "cycling", "Ride", typeId: 2, parentTypeId: 2);
        source.Add(3, new DateTimeOffset(2025, 3, 3, 12, 0, 0, TimeSpan.Zero), "trail_running", "Trail: hills/valleys", typeId: 6, parentTypeId: 1);
        source.Add(4, new DateTimeOffset(2025, 4, 10, 12, 0, 0, TimeSpan.Zero), "walking", "CON", typeId: 9, parentTypeId: 9);
        source.Add(5, new DateTimeOffset(2025, 4, 11, 12, 0, 0, TimeSpan.Zero), "running", description: "Tempo 🏃 with friends");
        return source;
    }

    private static async Task<IReadOnlyList<string>> IdsBackedUp(BackupFilter filter)
    {
        using var folder = new TempFolder();
        var result = await new BackupEngine(Source()).RunAsync(new BackupOptions { BackupDirectory = folder.Path, Formats = [ActivityFormat.Gpx], Filter = filter });
        Assert.That(result.Selected, Is.EqualTo(result.Downloaded));
        Assert.That(result.HighWaterMark, filter.IsRestricting ? Is.Null : Is.Not.Null, "restricted runs keep the mark");
        return [.. ManifestText.Read(folder.Path)["activities"]!.AsArray().Select(a => (string)a!["id"]!)];
    }

    [Test]
    public async Task Count_takes_the_newest() =>
        Assert.That(await IdsBackedUp(new BackupFilter { Count = 2 }), Is.EqualTo(new[] { "4", "5" }));

    [Test]
    public async Task Dates_are_inclusive_local_calendar_days() =>
        Assert.That(await IdsBackedUp(new BackupFilter { StartDate = new(2025, 3, 1), EndDate = new(2025, 3, 2) }), Is.EqualTo(new[] { "2", "1" }), "activity 1 is on 2 March in UTC but 1 March locally; 2 is on 1 March in UTC");

    [Test]
    public async Task Types_match_key_type_id_and_parent_type() =>
        Assert.That(await IdsBackedUp(new BackupFilter { ActivityTypes = ["running", "9"] }), Is.EqualTo(new[] { "1", "3", "4", "5" }));

    [Test]
    public async Task Excluded_ids_and_skipped_newest_are_left_out() =>
        Assert.That(await IdsBackedUp(new BackupFilter { ExcludeIds = ["2"], SkipNewest = 1 }), Is.EqualTo(new[] { "1", "3", "4" }));

    [Test]
    public void Reads_garmin_connect_export_exclude_files() =>
        Assert.That(BackupFilter.ReadExcludeIds("""{"ids": ["6176888711", 42]}"""), Is.EqualTo(new[] { "6176888711", "42" }));

    [Test]
    public void An_exclude_file_without_ids_is_rejected() =>
        Assert.Throws<FormatException>(() => BackupFilter.ReadExcludeIds("""["1"]"""));

    [Test]
    public async Task Subfolders_prefixes_and_names_follow_the_layout()
    {
        using var folder = new TempFolder();
        await new BackupEngine(Source()).RunAsync(new BackupOptions
        {
            BackupDirectory = folder.Path,
            Formats = [ActivityFormat.Gpx],
            Layout = new BackupLayout { SubfolderTemplate = "{YYYY}/{MM}", LocalTimePrefix = true, NameSuffix = BackupNameSuffix.Description, MaxNameSuffixBytes = 12 },
        });

        var names = folder.Snapshot().Keys.Where(k => k.EndsWith(".gpx", StringComparison.Ordinal));
        Assert.That(names, Is.EquivalentTo(new[]
        {
            "2025/03/20250301-233000_2025-03-02T05-30-00Z_1_Late_run.gpx",
            "2025/03/20250302-060000_2025-03-01T21-00-00Z_2_Ride.gpx",
            "2025/03/20250303-120000_2025-03-03T12-00-00Z_3_Trail_hills.gpx",
            "2025/04/20250410-120000_2025-04-10T12-00-00Z_4__CON.gpx",
            "2025/04/20250411-120000_2025-04-11T12-00-00Z_5_Tempo_🏃_w.gpx",
        }));
    }

    [Test]
    public async Task File_times_can_be_left_alone()
    {
        using var folder = new TempFolder();
        await new BackupEngine(Source()).RunAsync(new BackupOptions { BackupDirectory = folder.Path, Formats = [ActivityFormat.Gpx], Layout = new BackupLayout { SetFileTimes = false } });
        Assert.That(File.GetLastWriteTimeUtc(folder["2025-03-02T05-30-00Z_1.gpx"]), Is.GreaterThan(new DateTime(2025, 6, 1, 0, 0, 0, DateTimeKind.Utc)));
    }
}
