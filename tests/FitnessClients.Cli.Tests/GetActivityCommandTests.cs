namespace FitnessClients.Cli.Tests;

public class GetActivityCommandTests
{
    [TestCase("fit", ".fit")]
    [TestCase("gpx", ".gpx")]
    [TestCase("json", "_summary.json")]
    public async Task Get_activity_writes_the_file(string format, string suffix)
    {
        using var temp = new TempFolder();
        var out_ = temp.Sub("out");
        var run = await CliRun.RunAsync(temp.Path, ["garmin", "get-activity", "21482825013", "--format", format, "--destination", out_, "--demo"]);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.ToString());
        var files = Directory.GetFiles(out_);
        Assert.That(files, Has.Length.EqualTo(1));
        Assert.That(files[0], Does.EndWith(suffix));
        Assert.That(new FileInfo(files[0]).Length, Is.GreaterThan(100));
        if (format == "fit")
        {
            Assert.That(File.ReadAllBytes(files[0])[8..12], Is.EqualTo(".FIT"u8.ToArray()));
        }
    }

    [Test]
    public async Task An_activity_that_does_not_exist_is_one_line_on_stderr()
    {
        using var temp = new TempFolder();
        var run = await CliRun.RunAsync(temp.Path, ["garmin", "get-activity", "1", "--format", "json", "--destination", temp.Sub("o"), "--demo"]);

        Assert.That(run.ExitCode, Is.Not.EqualTo(ExitCodes.Ok), run.ToString());
        Assert.That(run.Error, Does.Not.Contain("   at "));
    }

    [TestCase("fit")]
    [TestCase("gpx")]
    public async Task An_unknown_id_is_bad_usage_not_a_missing_file(string format)
    {
        using var temp = new TempFolder();
        var run = await CliRun.RunAsync(temp.Path, ["garmin", "get-activity", "999", "--format", format, "--destination", temp.Sub("o"), "--demo"]);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.BadUsage), run.ToString());
        Assert.That(run.Error, Does.Contain("activity 999 does not exist"));
    }

    [Test]
    public async Task A_manual_activity_without_a_gpx_is_not_available()
    {
        using var temp = new TempFolder();
        // The demo account is generated from a fixed seed: the first run only reads which id is a manual entry.
        long? manual = null;
        await CliRun.RunAsync(temp.Path, ["garmin", "status", "--demo"], configureDemo: emulator => manual = emulator.Activities.First(a => a.IsManual).Id, configureDemoOptions: ManyManual);
        Assert.That(manual, Is.Not.Null);

        var run = await CliRun.RunAsync(
            temp.Path, ["garmin", "get-activity", manual!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), "--format", "gpx", "--destination", temp.Sub("o"), "--demo"], configureDemoOptions: ManyManual);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.NotAvailable), run.ToString());
        Assert.That(run.Error, Does.Contain("has no gpx file"));
    }

    private static void ManyManual(FitnessClients.Testing.GarminConnectEmulatorOptions options) => options.ManualShare = 0.5;
}
