using System.Net;
using System.Net.Http.Headers;
using FitnessClients.Testing;
using static FitnessClients.Testing.Tests.FitTrackee.FitTrackeeTestSupport;

namespace FitnessClients.Testing.Tests.FitTrackee;

public class FitTrackeeTransportTests
{
    [TestCase(Transport.InProcess)]
    [TestCase(Transport.Loopback)]
    public async Task Sign_in_upload_and_download_work_over_both_transports(Transport transport)
    {
        var emulator = Create(2);
        await using var connection = await EmulatorConnection.OpenAsync(emulator, transport);
        var http = connection.Client;

        // The browser leg: the page redirects to the registered callback (not followed here, it is the app's listener).
        var (verifier, challenge) = Pkce();
        using var noRedirects = new HttpClient(transport == Transport.Loopback ? new SocketsHttpHandler { AllowAutoRedirect = false } : emulator.CreateHandler())
        {
            BaseAddress = http.BaseAddress,
        };
        using var authorize = await noRedirects.GetAsync(new Uri($"profile/apps/authorize?response_type=code&client_id={emulator.RegisteredClientId}&scope=workouts%3Aread+workouts%3Awrite&state=s&code_challenge={challenge}&code_challenge_method=S256", UriKind.Relative));
        Assert.That(authorize.StatusCode, Is.EqualTo(HttpStatusCode.Found));
        var code = authorize.Headers.Location!.Query.TrimStart('?').Split('&').First(p => p.StartsWith("code=", StringComparison.Ordinal))[5..];

        using var exchange = await http.SendAsync(TokenRequest(emulator, ("grant_type", "authorization_code"), ("code", Uri.UnescapeDataString(code)), ("code_verifier", verifier)));
        Assert.That(exchange.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await JsonAsync(exchange))["access_token"]!.GetValue<string>());

        var gpx = Gpx(new DateTimeOffset(2026, 4, 19, 7, 0, 0, TimeSpan.Zero), points: 400);
        using var upload = await PostUploadAsync(http, gpx, "long.gpx");
        Assert.That(upload.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        var id = (await JsonAsync(upload))["data"]!["workouts"]![0]!["id"]!.GetValue<string>();

        using var download = await http.GetAsync(new Uri($"api/workouts/{id}/original/download", UriKind.Relative));
        Assert.That(await download.Content.ReadAsByteArrayAsync(), Is.EqualTo(gpx));
        Assert.That(emulator.UploadedFiles.Single().Content.ToArray(), Is.EqualTo(gpx));
        var list = await GetJsonAsync(http, "api/workouts?per_page=10");
        Assert.That(list["pagination"]!["total"]!.GetValue<int>(), Is.EqualTo(3));
    }
}
