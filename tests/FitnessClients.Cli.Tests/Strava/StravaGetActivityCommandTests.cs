using System.Globalization;
using System.Text.Json;
using System.Xml.Linq;
using FitnessClients.Testing;

namespace FitnessClients.Cli.Tests.Strava;

public class StravaGetActivityCommandTests
{
    /// <summary>The demo athlete's activities, as the demo emulator (same seed, same count) has them.</summary>
    private static IReadOnlyList<StravaEmulatedActivity> DemoActivities(int count = 25) =>
        new StravaEmulator(TimeProvider.System, new StravaEmulatorOptions { ActivityCount = count, Seed = FitnessClients.Cli.Strava.StravaContext.DemoSeed }).Activities;

    private static string Id(StravaEmulatedActivity a) => a.Id.ToString(CultureInfo.InvariantCulture);

    [TestCase("gpx", ".gpx")]
    [TestCase("tcx", ".tcx")]
    [TestCase("streams", ".streams.json")]
    [TestCase("detail", ".detail.json")]
    [TestCase("original", "")]
    public async Task Get_activity_writes_the_file(string format, string suffix)
    {
        using var temp = new TempFolder();
        var activity = DemoActivities().First(a => !a.IsManual && !a.IsTrainer);
        var out_ = temp.Sub("out");

        var run = await StravaCliRun.RunAsync(temp.Path, ["strava", "get-activity", Id(activity), "--format", format, "--destination", out_, "--demo"]);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.ToString());
        var files = Directory.GetFiles(out_);
        Assert.That(files, Has.Length.EqualTo(1));
        Assert.That(Path.GetFileName(files[0]), Does.StartWith(Id(activity) + "."));
        Assert.That(files[0], Does.EndWith(suffix));
        Assert.That(new FileInfo(files[0]).Length, Is.GreaterThan(100));
        Assert.That(run.Out, Does.Contain(files[0]));
    }

    [Test]
    public async Task Gpx_goes_to_stdout_with_a_dash()
    {
        using var temp = new TempFolder();
        var activity = DemoActivities().First(a => !a.IsManual && !a.IsTrainer);

        var run = await StravaCliRun.RunAsync(temp.Path, ["strava", "get-activity", Id(activity), "--destination", "-", "--demo"]);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.ToString());
        var gpx = XDocument.Parse(run.Out);
        Assert.That(gpx.Root!.Name.LocalName, Is.EqualTo("gpx"));
        Assert.That(gpx.Descendants().Count(e => e.Name.LocalName == "trkpt"), Is.GreaterThan(10));
    }

    [Test]
    public async Task Photos_are_written_next_to_each_other_with_their_metadata()
    {
        using var temp = new TempFolder();
        var activity = DemoActivities().First(a => a.PhotoCount > 0);
        var out_ = temp.Sub("out");

        var run = await StravaCliRun.RunAsync(temp.Path, ["strava", "get-activity", Id(activity), "--format", "photos", "--destination", out_, "--demo", "--json"]);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.ToString());
        Assert.That(Directory.GetFiles(out_, "*.jpg"), Has.Length.EqualTo(activity.PhotoCount));
        Assert.That(File.Exists(Path.Combine(out_, Id(activity) + ".photos.json")), Is.True);
        using var json = JsonDocument.Parse(run.Out);
        Assert.That(json.RootElement.GetProperty("paths").GetArrayLength(), Is.EqualTo(activity.PhotoCount + 1));
    }

    [Test]
    public async Task A_manual_activity_has_no_gpx_and_exits_not_available()
    {
        using var temp = new TempFolder();
        var manual = DemoActivities(120).First(a => a.IsManual);

        var run = await StravaCliRun.RunAsync(
            temp.Path, ["strava", "get-activity", Id(manual), "--format", "gpx", "--destination", temp.Sub("o"), "--demo"], new StravaCliSetup { DemoActivityCount = 120 });

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.NotAvailable), run.ToString());
        Assert.That(run.Error, Does.Contain("entered by hand"));
    }

    [Test]
    public async Task An_activity_that_does_not_exist_is_one_line_on_stderr()
    {
        using var temp = new TempFolder();
        var run = await StravaCliRun.RunAsync(temp.Path, ["strava", "get-activity", "1", "--destination", temp.Sub("o"), "--demo"]);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.BadUsage), run.ToString());
        Assert.That(run.Error, Does.Not.Contain("   at "));
    }

    [Test]
    public async Task Binary_formats_refuse_stdout()
    {
        using var temp = new TempFolder();
        var run = await StravaCliRun.RunAsync(temp.Path, ["strava", "get-activity", "16181809559", "--format", "original", "--destination", "-", "--demo"]);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.BadUsage), run.ToString());
    }
}
