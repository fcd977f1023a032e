using System.IO.Compression;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;

namespace FitnessClients.Testing.Tests.Runkeeper;

/// <summary>The Runkeeper emulator's wire shapes, checked with a plain HttpClient against the reference.</summary>
public class RunkeeperEmulatorTests
{
    private static readonly DateTimeOffset Now = new(2026, 5, 4, 8, 0, 0, TimeSpan.Zero);

    private static (RunkeeperEmulator Emulator, HttpClient Http) Create(RunkeeperEmulatorOptions? options = null)
    {
        var emulator = new RunkeeperEmulator(new FakeTimeProvider(Now), options ?? new RunkeeperEmulatorOptions { ActivityCount = 12 });
        var http = emulator.CreateClient();
        http.DefaultRequestHeaders.Authorization = new("Bearer", emulator.IssueAccessToken());
        return (emulator, http);
    }

    [Test]
    public async Task Feed_pages_are_zero_based_and_next_repeats_every_filter_with_defaults_filled_in()
    {
        var (emulator, http) = Create();
        using var _ = http;

        var first = JsonNode.Parse(await http.GetStringAsync(new Uri("fitnessActivities?pageSize=5", UriKind.Relative)))!;
        var last = JsonNode.Parse(await http.GetStringAsync(new Uri("fitnessActivities?page=2&pageSize=5", UriKind.Relative)))!;

        Assert.That(first["size"]!.GetValue<int>(), Is.EqualTo(12));
        Assert.That(first["previous"], Is.Null);
        Assert.That(first["next"]!.GetValue<string>(), Is.EqualTo("/fitnessActivities?page=1&pageSize=5&noEarlierThan=1970-01-01&noLaterThan=2026-05-04&modifiedNoEarlierThan=1970-01-01&modifiedNoLaterThan=2026-05-04"));
        Assert.That(first["items"]!.AsArray().Select(i => i!["uri"]!.GetValue<string>()), Is.EqualTo(emulator.Activities.Take(5).Select(a => a.Uri)));
        Assert.That(last["next"], Is.Null);
        Assert.That(last["previous"]!.GetValue<string>(), Does.StartWith("/fitnessActivities?page=1&"));
        Assert.That(last["items"]!.AsArray(), Has.Count.EqualTo(2));
    }

    [Test]
    public async Task Date_filters_select_by_local_date_inclusive()
    {
        var (emulator, http) = Create(new RunkeeperEmulatorOptions { ActivityCount = 40 });
        using var _ = http;
        var day = DateOnly.FromDateTime(emulator.Activities[20].StartLocal.DateTime);

        var page = JsonNode.Parse(await http.GetStringAsync(new Uri($"fitnessActivities?noEarlierThan={day:yyyy-MM-dd}&noLaterThan={day:yyyy-MM-dd}", UriKind.Relative)))!;

        var expected = emulator.Activities.Where(a => DateOnly.FromDateTime(a.StartLocal.DateTime) == day).Select(a => a.Uri);
        Assert.That(page["items"]!.AsArray().Select(i => i!["uri"]!.GetValue<string>()), Is.EqualTo(expected));
        using var bad = await http.GetAsync(new Uri("fitnessActivities?noEarlierThan=16-01-01", UriKind.Relative));
        Assert.That(bad.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task Trailing_comma_mode_ends_the_page_like_the_2012_replies_and_strict_parsers_refuse_it()
    {
        var (_, http) = Create(new RunkeeperEmulatorOptions { ActivityCount = 3, TrailingCommas = true });
        using var _http = http;

        var text = await http.GetStringAsync(new Uri("fitnessActivities", UriKind.Relative));

        Assert.That(text, Does.EndWith("\"size\":3,}"));
        Assert.That(() => JsonDocument.Parse(text), Throws.InstanceOf<JsonException>());
        Assert.That(JsonDocument.Parse(text, new JsonDocumentOptions { AllowTrailingCommas = true }).RootElement.GetProperty("size").GetInt32(), Is.EqualTo(3));
    }

    [Test]
    public async Task Full_activities_have_paths_with_pauses_and_heart_rate_and_manual_ones_have_none()
    {
        var (emulator, http) = Create(new RunkeeperEmulatorOptions { ActivityCount = 40, PauseShare = 0.6, HeartRateShare = 0.6 });
        using var _ = http;
        var paused = emulator.Activities.First(a => a.PauseCount > 0 && a.HasHeartRate);
        var manual = emulator.Activities.First(a => a.IsManual);

        var full = JsonNode.Parse(await http.GetStringAsync(new Uri(paused.Uri.TrimStart('/'), UriKind.Relative)))!;
        var noPath = JsonNode.Parse(await http.GetStringAsync(new Uri(manual.Uri.TrimStart('/'), UriKind.Relative)))!;

        var types = full["path"]!.AsArray().Select(p => p!["type"]!.GetValue<string>()).ToList();
        Assert.That(types[0], Is.EqualTo("start"));
        Assert.That(types[^1], Is.EqualTo("end"));
        Assert.That(types.Count(t => t == "pause"), Is.EqualTo(paused.PauseCount));
        Assert.That(types.Count(t => t == "resume"), Is.EqualTo(paused.PauseCount));
        Assert.That(full["heart_rate"]!.AsArray(), Is.Not.Empty);
        Assert.That(full["start_time"]!.GetValue<string>(), Is.EqualTo(paused.StartLocal.ToString("ddd, d MMM yyyy HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture)));
        Assert.That(noPath["path"]!.AsArray(), Is.Empty);
        Assert.That(noPath["has_path"]!.GetValue<bool>(), Is.False);
    }

    [Test]
    public async Task Without_a_token_the_api_answers_401_and_the_token_endpoint_issues_tokens_without_expiry()
    {
        var (emulator, http) = Create();
        using var _ = http;
        using var anonymous = emulator.CreateClient();
        var code = emulator.OAuth.IssueAuthorizationCode(emulator.RegisteredClientId, []);

        using var refused = await anonymous.GetAsync(new Uri("user", UriKind.Relative));
        using var token = await anonymous.PostAsync(new Uri("https://runkeeper.com/apps/token"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = code,
            ["client_id"] = emulator.RegisteredClientId,
            ["client_secret"] = emulator.RegisteredClientSecret,
        }));

        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        var body = JsonNode.Parse(await token.Content.ReadAsStringAsync())!.AsObject();
        Assert.That(body.Select(p => p.Key), Is.EquivalentTo(new[] { "token_type", "access_token" }));
    }

    [Test]
    public async Task Over_the_quarter_hour_budget_the_api_answers_429_with_a_reason_and_no_retry_after()
    {
        var (emulator, http) = Create(new RunkeeperEmulatorOptions { ActivityCount = 3, RequestsPerQuarterHour = 2 });
        using var _ = http;

        for (var i = 0; i < 2; i++)
        {
            using var ok = await http.GetAsync(new Uri("user", UriKind.Relative));
            Assert.That(ok.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        using var limited = await http.GetAsync(new Uri("user", UriKind.Relative));

        Assert.That(limited.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That(limited.Headers.RetryAfter, Is.Null);
        Assert.That(await limited.Content.ReadAsStringAsync(), Is.EqualTo("""{"reason":"Rate-limit exceeded. rate limit is 2 calls per 15 minutes"}"""));
        Assert.That(emulator.RateLimits!.Responses429, Is.EqualTo(1));
    }

    [Test]
    public void The_export_zip_is_deterministic_and_shaped_like_runkeepers()
    {
        var options = new RunkeeperEmulatorOptions { ActivityCount = 10, ManualShare = 0.3, PauseShare = 1 };
        using var a = new MemoryStream();
        using var b = new MemoryStream();
        RunkeeperExportZip.Write(a, options);
        RunkeeperExportZip.Write(b, options);

        Assert.That(a.ToArray(), Is.EqualTo(b.ToArray()));
        a.Position = 0;
        using var zip = new ZipArchive(a);
        var csv = new StreamReader(zip.GetEntry("cardioActivities.csv")!.Open()).ReadToEnd();
        Assert.That(csv, Does.StartWith("Activity Id,Date,Type,Route Name,Distance (km),Duration,Average Pace,Average Speed (km/h),Calories Burned,Climb (m),Average Heart Rate (bpm),Friend's Tagged,Notes,GPX File\n"));
        var gpxEntries = zip.Entries.Where(e => e.Name.EndsWith(".gpx", StringComparison.Ordinal)).ToList();
        Assert.That(gpxEntries, Is.Not.Empty);
        var text = new StreamReader(gpxEntries[0].Open()).ReadToEnd();
        Assert.That(text, Does.StartWith("<?xml"));
        XNamespace gpx = "http://www.topografix.com/GPX/1/1";
        Assert.That(XDocument.Parse(text).Descendants(gpx + "trkseg").Count(), Is.GreaterThanOrEqualTo(2), "every GPS activity pauses with PauseShare = 1");
    }
}
