using System.Buffers.Text;
using System.IO.Compression;
using System.Net;
using System.Text.Json.Nodes;
using FitnessClients.Testing;
using FitnessClients.Testing.Tests.Garmin;
using static FitnessClients.Testing.Tests.Strava.StravaTestSupport;

namespace FitnessClients.Testing.Tests.Strava;

public class StravaWebExportTests
{
    private static HttpRequestMessage Export(long id, string kind, string? cookie)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"https://www.strava.com/activities/{id}/{kind}");
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", $"{StravaEmulator.WebSessionCookieName}={cookie}; strava_remember_id=1");
        }

        return request;
    }

    [Test]
    public async Task Export_without_a_session_redirects_to_login()
    {
        var strava = Create(10, configure: o => o.ManualShare = 0);
        using var http = strava.CreateClient();
        using var response = await http.SendAsync(Export(strava.Activities[0].Id, "export_original", null));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Found));
        Assert.That(response.Headers.Location!.AbsoluteUri, Is.EqualTo("https://www.strava.com/login"));
        using var forged = await http.SendAsync(Export(strava.Activities[0].Id, "export_original", "not-a-session"));
        Assert.That(forged.StatusCode, Is.EqualTo(HttpStatusCode.Found));
    }

    [Test]
    public async Task Export_original_returns_the_file_with_its_name_and_the_cookie_expires_on_the_clock()
    {
        var clock = new FakeTimeProvider(Now);
        var strava = Create(120, clock, o => o.ManualShare = 0.1);
        using var http = strava.CreateClient();
        var cookie = strava.IssueWebSessionCookie();
        var payload = JsonNode.Parse(Base64Url.DecodeFromChars(cookie.Split('.')[1]))!;
        Assert.That(payload["exp"]!.GetValue<long>(), Is.EqualTo(Now.AddDays(30).ToUnixTimeSeconds()));
        Assert.That(payload["sub"]!.GetValue<string>(), Is.EqualTo(strava.AthleteId.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        var fit = strava.Activities.First(a => a.OriginalFormat == StravaOriginalFormat.Fit);
        using var original = await http.SendAsync(Export(fit.Id, "export_original", cookie));
        Assert.That(original.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(original.Content.Headers.ContentDisposition!.DispositionType, Is.EqualTo("attachment"));
        Assert.That(original.Content.Headers.ContentDisposition.FileName!.Trim('"'), Does.EndWith(".fit"));
        FitFileAssert.IsValid(await original.Content.ReadAsByteArrayAsync());

        var gz = strava.Activities.First(a => a.OriginalFormat == StravaOriginalFormat.FitGz);
        using var compressed = await http.SendAsync(Export(gz.Id, "export_original", cookie));
        Assert.That(compressed.Content.Headers.ContentDisposition!.FileName!.Trim('"'), Does.EndWith(".fit.gz"));
        using var unzip = new GZipStream(await compressed.Content.ReadAsStreamAsync(), CompressionMode.Decompress);
        using var buffer = new MemoryStream();
        await unzip.CopyToAsync(buffer);
        FitFileAssert.IsValid(buffer.ToArray());

        using var gpx = await http.SendAsync(Export(fit.Id, "export_gpx", cookie));
        Assert.That(gpx.Content.Headers.ContentDisposition!.FileName!.Trim('"'), Does.EndWith(".gpx"));
        Assert.That(await gpx.Content.ReadAsStringAsync(), Does.Contain("<trkpt"));

        var manual = strava.Activities.First(a => a.IsManual);
        using var none = await http.SendAsync(Export(manual.Id, "export_original", cookie));
        Assert.That(none.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));

        clock.Advance(TimeSpan.FromDays(30));
        using var expired = await http.SendAsync(Export(fit.Id, "export_original", cookie));
        Assert.That(expired.StatusCode, Is.EqualTo(HttpStatusCode.Found));
    }
}
