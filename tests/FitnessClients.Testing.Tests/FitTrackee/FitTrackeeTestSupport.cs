using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using FitnessClients.Testing;

namespace FitnessClients.Testing.Tests.FitTrackee;

/// <summary>Builds seeded FitTrackee emulators, raw requests in FitTrackee's wire format, and reads the reference fixtures.</summary>
internal static class FitTrackeeTestSupport
{
    public static readonly DateTimeOffset Now = new(2026, 4, 20, 8, 0, 0, TimeSpan.Zero);

    public static FitTrackeeEmulator Create(int workoutCount = 12, FakeTimeProvider? clock = null, Action<FitTrackeeEmulatorOptions>? configure = null)
    {
        var options = new FitTrackeeEmulatorOptions { WorkoutCount = workoutCount };
        configure?.Invoke(options);
        return new FitTrackeeEmulator(clock ?? new FakeTimeProvider(Now), options);
    }

    public static HttpClient AuthorizedClient(FitTrackeeEmulator emulator, params string[] scopes)
    {
        var http = emulator.CreateClient();
        var tokens = emulator.IssueTokens(scopes.Length == 0 ? null : scopes);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.AccessToken);
        return http;
    }

    public static HttpRequestMessage TokenRequest(FitTrackeeEmulator emulator, params (string Key, string Value)[] fields)
    {
        var form = new Dictionary<string, string> { ["client_id"] = emulator.RegisteredClientId, ["client_secret"] = emulator.RegisteredClientSecret };
        foreach (var (key, value) in fields)
        {
            form[key] = value;
        }

        return new HttpRequestMessage(HttpMethod.Post, new Uri("api/oauth/token", UriKind.Relative)) { Content = new FormUrlEncodedContent(form) };
    }

    public static (string Verifier, string Challenge) Pkce()
    {
        var verifier = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var challenge = Convert.ToBase64String(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return (verifier, challenge);
    }

    public static async Task<JsonNode> JsonAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync().ConfigureAwait(false))!;

    public static async Task<JsonNode> GetJsonAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync(new Uri(path, UriKind.Relative)).ConfigureAwait(false);
        Assert.That((int)response.StatusCode, Is.EqualTo(200), path);
        return await JsonAsync(response).ConfigureAwait(false);
    }

    /// <summary>A multipart upload as s2f and the FitTrackee web app send it: <c>file</c> with a file name, <c>data</c> as a JSON string.</summary>
    public static MultipartFormDataContent Upload(byte[] file, string fileName, string? data)
    {
        var content = new MultipartFormDataContent();
        var part = new ByteArrayContent(file);
        part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        content.Add(part, "file", fileName);
        if (data is not null)
        {
            content.Add(new StringContent(data, Encoding.UTF8), "data");
        }

        return content;
    }

    public static Task<HttpResponseMessage> PostUploadAsync(HttpClient http, byte[] file, string fileName, string? data = """{"sport_id": 5}""") =>
        http.PostAsync(new Uri("api/workouts", UriKind.Relative), Upload(file, fileName, data));

    /// <summary>FitTrackee's error body as Python's <c>json.dumps</c> writes it (ASCII messages only).</summary>
    public static string Body(string status, string message) => $"{{\"status\": \"{status}\", \"message\": \"{message}\"}}";

    /// <summary>Authlib's error body as <c>json.dumps</c> writes it.</summary>
    public static string OAuthBody(string error, string? description = null) =>
        description is null ? $"{{\"error\": \"{error}\"}}" : $"{{\"error\": \"{error}\", \"error_description\": \"{description}\"}}";

    /// <summary>A small valid GPX (XML declaration, one segment, times on every point).</summary>
    public static byte[] Gpx(DateTimeOffset start, int points = 30, string name = "Test run 🏃", bool declaration = true, bool times = true)
    {
        var builder = new StringBuilder();
        if (declaration)
        {
            builder.Append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        }

        builder.Append("<gpx xmlns=\"http://www.topografix.com/GPX/1/1\" version=\"1.1\" creator=\"UnitTest\"><trk><name>").Append(name).Append("</name><trkseg>");
        for (var i = 0; i < points; i++)
        {
            builder.Append(System.Globalization.CultureInfo.InvariantCulture, $"<trkpt lat=\"{44.0 + (i * 0.0003):0.000000}\" lon=\"{4.5 + (i * 0.0003):0.000000}\"><ele>{100 + i}</ele>");
            if (times)
            {
                builder.Append(System.Globalization.CultureInfo.InvariantCulture, $"<time>{start.AddSeconds(i * 10).UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'}</time>");
            }

            builder.Append("</trkpt>");
        }

        builder.Append("</trkseg></trk></gpx>");
        return Encoding.UTF8.GetBytes(builder.ToString());
    }

    public static string? FixturesFolder()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "reference", "fixtures", "fittrackee");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    public static byte[] Fixture(string name)
    {
        var folder = FixturesFolder();
        if (folder is null || !File.Exists(Path.Combine(folder, name)))
        {
            Assert.Ignore($"The FitTrackee fixture {name} is not available (shared/reference/fixtures/fittrackee not found above the test directory).");
        }

        return File.ReadAllBytes(Path.Combine(folder!, name));
    }
}
