using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using FitnessClients.Backup;
using FitnessClients.Campaigns.Tests.Support;
using FitnessClients.Testing;

namespace FitnessClients.Campaigns.Tests.BadInput;

/// <summary>
/// Garmin answering 200 with something other than the list it should: each gives a typed error or a clean run, never a
/// crash, and a folder backed up before keeps every file and manifest entry.
/// </summary>
[Category("Campaign")]
public class GarminBadResponseTests
{
    private const string ListPath = "/activitylist-service/activities/search/activities";

    public static IEnumerable<TestCaseData> BadListAnswers()
    {
        yield return Case("malformed JSON", () => Json("""[{"activityId": 21482825013, "activityName": "Run",, }]"""));
        yield return Case("truncated JSON", () => Json("""[{"activityId": 21482825013, "activityName": "Ru"""));
        yield return Case("an empty body", () => Json(""));
        yield return Case("an object instead of a list", () => Json("""{"message":"Oops"}"""));
        yield return Case("HTML with 200", () => EmulatorResponses.Html(HttpStatusCode.OK, "Garmin Connect", "<p>We are down for maintenance</p>"));
        yield return Case("a list served as text/plain", () => EmulatorResponses.Text(HttpStatusCode.OK, "[]"));
        yield return Case("XML where JSON was expected", () => EmulatorResponses.Text(HttpStatusCode.OK, "<error>bad</error>", "application/xml"));
        yield return Case("a number where a string belongs", () => Json("""[{"activityId": 21482825013, "activityName": 12, "startTimeGMT": 5}]"""));
        yield return Case("a huge body (32 MB of one string)", () => Huge());
    }

    [TestCaseSource(nameof(BadListAnswers))]
    public async Task A_bad_list_answer_is_a_typed_error_and_an_earlier_backup_stays_whole(Func<HttpResponseMessage> answer)
    {
        using var temp = new TempFolder();
        var folder = temp.Sub("backup");
        using var h = await GarminInProcess.CreateAsync();
        var first = await h.BackupAsync(folder);
        Assert.That(first.Failed, Is.Zero);
        var files = TempFolder.Snapshot(folder, BackupEngine.ManifestFileName);
        var manifest = ManifestText.WithoutRuns(folder);

        h.Emulator.Router.MapGet(ListPath, _ => answer());
        var error = await Outcome.CaptureAsync(() => h.BackupAsync(folder, fullScan: true));

        Outcome.AssertTypedOrNone(error, "bad list");
        Assert.That(TempFolder.Snapshot(folder, BackupEngine.ManifestFileName), Is.EqualTo(files), "every file kept, byte for byte");
        Assert.That(ManifestText.WithoutRuns(folder), Is.EqualTo(manifest), "every manifest entry kept");
        Assert.That(Directory.GetFileSystemEntries(temp.Path), Is.EqualTo(new[] { folder }), "nothing written beside the folder");
    }

    public static IEnumerable<TestCaseData> OddListEntries()
    {
        yield return new TestCaseData("""{}""").SetName("an empty entry");
        yield return new TestCaseData("""{"activityId": 5}""").SetName("an entry without a start");
        yield return new TestCaseData("""{"startTimeGMT": "2026-01-01 09:00:00"}""").SetName("an entry without an id");
        yield return new TestCaseData("""{"activityId": 6, "startTimeGMT": "2026-01-01 09:00:00", "startTimeLocal": "2026-01-01 10:00:00"}""").SetName("an entry with only id and start");
        yield return new TestCaseData("""{"activityId": 7, "startTimeGMT": "0001-01-01 00:00:00", "startTimeLocal": "0000-12-31 19:00:00"}""").SetName("a start before year 1 locally");
        yield return new TestCaseData("""{"activityId": 8, "startTimeGMT": "0001-01-01 03:00:00", "startTimeLocal": "0001-01-01 00:00:00"}""").SetName("a start on 1 January of year 1");
        yield return new TestCaseData("""{"activityId": 9, "startTimeGMT": "9999-12-31 20:00:00", "startTimeLocal": "9999-12-31 23:59:59"}""").SetName("a start at the end of 9999");
        yield return new TestCaseData("""{"activityId": 10, "startTimeGMT": "9999-12-31 23:00:00", "startTimeLocal": "9999-12-31 23:59:59"}""").SetName("a start in 9999 with a +00:59 offset");
        yield return new TestCaseData("""{"activityId": 11, "beginTimestamp": 253402300799999}""").SetName("a start from the largest epoch milliseconds");
        yield return new TestCaseData("""{"activityId": 12, "beginTimestamp": -62135596800000, "startTimeLocal": "0001-01-01 00:00:00"}""").SetName("a start from the smallest epoch milliseconds");
        yield return new TestCaseData("""{"activityId": 13, "startTimeGMT": "1970-01-01 00:00:00", "startTimeLocal": "1970-01-01 00:00:00", "activityType": null, "distance": null, "duration": null, "activityName": null}""").SetName("an entry with nulls everywhere");
        yield return new TestCaseData("""{"activityId": 14, "startTimeGMT": "2026-01-01 09:00:00", "startTimeLocal": "2026-01-01 10:00:00", "duration": 1e308, "distance": -1, "elapsedDuration": 1e300}""").SetName("an entry with absurd numbers");
    }

    [TestCaseSource(nameof(OddListEntries))]
    public async Task An_odd_list_entry_is_skipped_or_backed_up_without_a_crash(string entry)
    {
        using var temp = new TempFolder();
        var folder = temp.Sub("backup");
        using var h = await GarminInProcess.CreateAsync(activityCount: 2);
        var page = 0;
        h.Emulator.Router.MapGet(ListPath, _ => Json(Interlocked.Increment(ref page) == 1 ? $"[{entry}]" : "[]"));
        h.Emulator.Router.MapGet("/download-service/files/activity/{id:long}", _ => EmulatorResponses.Text(HttpStatusCode.OK, "zip bytes", "application/zip"));
        h.Emulator.Router.MapGet("/download-service/export/{format}/activity/{id:long}", _ => EmulatorResponses.Text(HttpStatusCode.OK, "<gpx/>", "application/gpx+xml"));

        var error = await Outcome.CaptureAsync(async () =>
        {
            var result = await h.BackupAsync(folder, layout: new BackupLayout { SubfolderTemplate = "{YYYY}/{MM}", NameSuffix = BackupNameSuffix.ActivityName, LocalTimePrefix = true });
            Assert.That(result.Failed, Is.Zero, string.Join("; ", result.Errors));
            var id = JsonNode.Parse(entry)!["activityId"];
            if (id is not null && result.Listed == 1)
            {
                Assert.That(Directory.EnumerateFiles(folder, $"*{id}*", SearchOption.AllDirectories).Count(), Is.EqualTo(2), "both formats written");
            }
        });

        Outcome.AssertTypedOrNone(error, "odd entry");
        Assert.That(Directory.GetFileSystemEntries(temp.Path), Is.EqualTo(new[] { folder }), "nothing written beside the folder");
    }

    private static TestCaseData Case(string name, Func<HttpResponseMessage> answer) => new TestCaseData(answer).SetName(name);

    private static HttpResponseMessage Json(string text) => EmulatorResponses.Json(HttpStatusCode.OK, text);

    private static HttpResponseMessage Huge()
    {
        var bytes = new byte[32 * 1024 * 1024];
        bytes.AsSpan().Fill((byte)'a');
        "[\""u8.CopyTo(bytes);
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(bytes) { Headers = { ContentType = new("application/json") } } };
    }
}
