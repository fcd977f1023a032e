using System.Net;
using FitnessClients.Backup;
using FitnessClients.Campaigns.Tests.Support;
using FitnessClients.Core.Tokens;
using FitnessClients.Strava;
using FitnessClients.Testing;

namespace FitnessClients.Campaigns.Tests.BadInput;

/// <summary>Strava answering 200 with something other than what it should, through a whole backup: a typed error or a clean run, never a crash.</summary>
[Category("Campaign")]
public class StravaBadResponseTests
{
    private const string Entry = "\"id\": 16181809559, \"name\": \"Run\", \"sport_type\": \"Run\", \"type\": \"Run\", \"manual\": false";

    public static IEnumerable<TestCaseData> BadLists()
    {
        yield return new TestCaseData("<html><body>Strava is down</body></html>", "text/html").SetName("HTML with 200 for the list");
        yield return new TestCaseData("""[{"id": 1, "name": "x",""", "application/json").SetName("a truncated list");
        yield return new TestCaseData("""{"message":"Authorization Error"}""", "application/json").SetName("an object instead of a list");
        yield return new TestCaseData("""[{}, {"id": 5}, {"start_date": "2024-01-01T00:00:00Z"}]""", "application/json").SetName("entries without id or start");
        yield return new TestCaseData($$"""[{{{Entry}}, "start_date": "0001-01-01T00:00:00Z", "start_date_local": "0001-01-01T00:00:00Z", "utc_offset": -36000}]""", "application/json").SetName("a start on 1 January of year 1 with a negative offset");
        yield return new TestCaseData($$"""[{{{Entry}}, "start_date": "9999-12-31T23:00:00Z", "start_date_local": "9999-12-31T23:59:59Z", "utc_offset": 46800}]""", "application/json").SetName("a start at the end of 9999 with a positive offset");
        yield return new TestCaseData($$"""[{{{Entry}}, "start_date": "2024-01-01T00:00:00Z", "utc_offset": 1e300, "moving_time": 2147483647, "elapsed_time": -5, "distance": -1e308}]""", "application/json").SetName("absurd numbers");
        yield return new TestCaseData($$"""[{{{Entry}}, "start_date": "2024-01-01T00:00:00Z", "start_date_local": "2024-13-45T99:00:00Z"}]""", "application/json").SetName("an impossible local date");
        yield return new TestCaseData($$"""[{{{Entry}}, "start_date": "2024-01-01T00:00:00Z", "name": "../../\\u0000CON\\u202E🏃"}]""", "application/json").SetName("a hostile name");
    }

    [TestCaseSource(nameof(BadLists))]
    public async Task A_bad_list_is_a_typed_error_or_a_clean_run(string body, string mediaType)
    {
        using var temp = new TempFolder();
        var folder = temp.Sub("backup");
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero));
        var emulator = new StravaEmulator(clock, new StravaEmulatorOptions { ActivityCount = 2 });
        var pages = 0;
        emulator.Router.MapGet(StravaEmulator.ApiBasePath + "/athlete/activities", _ =>
            Interlocked.Increment(ref pages) == 1 ? EmulatorResponses.Text(HttpStatusCode.OK, body, mediaType) : EmulatorResponses.Json(HttpStatusCode.OK, "[]"));
        emulator.Router.MapGet(StravaEmulator.ApiBasePath + "/activities/{id:long}/streams", _ =>
            EmulatorResponses.Json(HttpStatusCode.OK, """{"time":{"data":[0,1],"series_type":"time","original_size":2,"resolution":"high"},"latlng":{"data":[[1,2],[1.1,2.1]],"series_type":"time","original_size":2,"resolution":"high"}}"""));
        var issued = emulator.IssueTokens(["read", "activity:read_all"]);
        var store = new InMemoryTokenStore();
        await store.SaveAsync("strava", new OAuthToken { AccessToken = issued.AccessToken, RefreshToken = issued.RefreshToken, ExpiresAt = issued.ExpiresAt, Scopes = [.. issued.Scopes] });
        var options = new StravaClientOptions
        {
            ClientId = emulator.RegisteredClientId,
            ClientSecret = emulator.RegisteredClientSecret,
            TokenStore = store,
            TokenKey = "strava",
            TimeProvider = clock,
            PrimaryHandler = emulator.CreateHandler(),
        };
        options.Resilience.Retry.MaxRetryAttempts = 0;
        using var client = StravaClient.Create(options);

        var error = await Outcome.CaptureAsync(async () =>
        {
            var result = await new BackupEngine(new StravaActivitySource(client), clock).RunAsync(new BackupOptions
            {
                BackupDirectory = folder,
                Formats = [StravaActivityFormats.Gpx, StravaActivityFormats.SummaryJson],
                Layout = new BackupLayout { SubfolderTemplate = "{YYYY}", NameSuffix = BackupNameSuffix.ActivityName, LocalTimePrefix = true },
            });
            Assert.That(result.Failed, Is.Zero, string.Join("; ", result.Errors));
        });

        Outcome.AssertTypedOrNone(error, "bad Strava list");
        Assert.That(Directory.GetFileSystemEntries(temp.Path), Is.EqualTo(new[] { folder }), "nothing written beside the folder");
    }
}
