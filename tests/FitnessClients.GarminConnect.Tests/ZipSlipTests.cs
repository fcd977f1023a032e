using FitnessClients.GarminConnect.Clients;
using FitnessClients.GarminConnect.Tests.Support;

namespace FitnessClients.GarminConnect.Tests;

/// <summary>Only one plainly named activity entry ever leaves an original ZIP, and never outside the target folder.</summary>
public class ZipSlipTests
{
    private string _root = null!;
    private string _target = null!;

    [SetUp]
    public void CreateFolders()
    {
        _root = Directory.CreateTempSubdirectory("garmin-zipslip-").FullName;
        _target = Path.Combine(_root, "target");
        Directory.CreateDirectory(_target);
    }

    [TearDown]
    public void DeleteFolders() => Directory.Delete(_root, recursive: true);

    [TestCase("../123_ACTIVITY.fit")]
    [TestCase("..\\123_ACTIVITY.fit")]
    [TestCase("sub/../../123_ACTIVITY.fit")]
    [TestCase("/tmp/123_ACTIVITY.fit")]
    [TestCase("sub/123_ACTIVITY.fit")]
    [TestCase("C:\\123_ACTIVITY.fit")]
    public async Task An_activity_entry_behind_a_path_is_refused_and_nothing_is_written(string entryName)
    {
        using var h = await GarminHarness.CreateAsync();
        h.On("download-service/files/activity/123", _ => GarminHarness.Bytes(TestStreams.Zip((entryName, [1, 2, 3]))));

        var error = Assert.ThrowsAsync<InvalidDataException>(() =>
            h.Client.Downloads.DownloadToFileAsync(123, GarminDownloadFormat.Original, _target, new GarminDownloadOptions { UnpackOriginal = true }));

        Assert.That(error!.Message, Does.Contain("refused unsafe entry names").And.Contain(entryName));
        Assert.That(Directory.GetFiles(_root, "*", SearchOption.AllDirectories), Is.Empty, "nothing inside or outside the target");
    }

    [Test]
    public async Task Only_the_activity_entry_is_extracted_when_the_ZIP_holds_hostile_neighbours()
    {
        using var h = await GarminHarness.CreateAsync();
        var fit = TestStreams.Bytes(500);
        var zip = TestStreams.Zip(("../../evil.sh", [9]), ("../123_ACTIVITY.fit", [9]), ("123_ACTIVITY.fit", fit), ("notes/readme.txt", [9]));
        h.On("download-service/files/activity/123", _ => GarminHarness.Bytes(zip));

        var result = await h.Client.Downloads.DownloadToFileAsync(123, GarminDownloadFormat.Original, _target, new GarminDownloadOptions { UnpackOriginal = true });

        Assert.That(result.FilePath, Is.EqualTo(Path.Combine(_target, "123_ACTIVITY.fit")));
        Assert.That(Directory.GetFiles(_root, "*", SearchOption.AllDirectories), Is.EqualTo(new[] { result.FilePath }));
        Assert.That(await File.ReadAllBytesAsync(result.FilePath!), Is.EqualTo(fit));
    }

    [Test]
    public async Task A_ZIP_without_an_activity_file_is_an_InvalidDataException()
    {
        using var h = await GarminHarness.CreateAsync();
        h.On("download-service/files/activity/123", _ => GarminHarness.Bytes(TestStreams.Zip(("readme.txt", [1]))));

        var error = Assert.ThrowsAsync<InvalidDataException>(() => h.Client.Downloads.OpenOriginalFileAsync(123));

        Assert.That(error!.Message, Does.Contain("123_ACTIVITY.fit"));
    }

    [Test]
    public async Task A_leg_downloads_the_parents_file_which_is_taken_when_it_is_the_only_one()
    {
        using var h = await GarminHarness.CreateAsync();
        h.On("download-service/files/activity/6588349076", _ => GarminHarness.Bytes(TestStreams.Zip(("6588349056_ACTIVITY.fit", [4, 2]))));

        await using var content = await h.Client.Downloads.OpenOriginalFileAsync(6588349076);

        Assert.That(content.FileExtension, Is.EqualTo("fit"));
        Assert.That(content.Length, Is.EqualTo(2));
    }

    [Test]
    public void The_pre_2020_name_is_accepted_and_the_id_named_entry_preferred()
    {
        var bytes = TestStreams.Zip(("999_ACTIVITY.fit", [1]), ("123.fit", [2]));
        using var archive = new System.IO.Compression.ZipArchive(new MemoryStream(bytes));

        Assert.That(GarminZip.SelectActivityEntry(archive, 123).FullName, Is.EqualTo("123.fit"));
    }

    [TestCase("..")]
    [TestCase("../x.fit")]
    [TestCase("a/b.fit")]
    [TestCase("/etc/passwd")]
    [TestCase("x:stream")]
    [TestCase("")]
    public void CombineInside_refuses_names_that_leave_the_folder(string name) =>
        Assert.Throws<InvalidDataException>(() => GarminZip.CombineInside(_target, name));

    [Test]
    public void CombineInside_keeps_a_plain_name_inside() =>
        Assert.That(GarminZip.CombineInside(_target, "123_ACTIVITY.fit"), Is.EqualTo(Path.Combine(_target, "123_ACTIVITY.fit")));
}
