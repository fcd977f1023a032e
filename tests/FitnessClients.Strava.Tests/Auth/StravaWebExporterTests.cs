using System.Buffers.Text;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using FitnessClients.Core;
using FitnessClients.Strava.Web;
using FitnessClients.Testing;
using RichardSzalay.MockHttp;
using FitnessClients.Tests.Shared;

namespace FitnessClients.Strava.Tests.Auth;

public class StravaWebExporterTests
{
    private const string Web = "https://web.test/";
    private FakeTimeProvider _clock = null!;
    private MockHttpMessageHandler _mock = null!;

    [SetUp]
    public void SetUp()
    {
        _clock = new FakeTimeProvider(AuthTestSupport.Start);
        _mock = new MockHttpMessageHandler();
    }

    [TearDown]
    public void TearDown() => _mock.Dispose();

    // Built at run time: no JWT-looking literal in the repository.
    private static string Jwt(string payloadJson, string signature = "c2ln")
    {
        var header = Base64Url.EncodeToString(Encoding.UTF8.GetBytes("""{"alg":"HS512"}"""));
        return header + "." + Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payloadJson)) + "." + signature;
    }

    private string LiveCookie() => Jwt($$"""{"sub":16181809,"exp":{{AuthTestSupport.Start.AddDays(20).ToUnixTimeSeconds()}}}""");

    private StravaWebExporter Exporter(string cookie) => new(cookie, AuthTestSupport.Options(_mock, _clock));

    [TestCase("{\"sub\":\"1\",\"exp\":1781510400}")]
    [TestCase("{\"sub\":\"12\",\"exp\":1781510400}")]
    [TestCase("{\"sub\":\"123\",\"exp\":1781510400}")]
    [TestCase("{\"sub\":\"1234\",\"exp\":1781510400,\"n\":\">>>???\"}")]
    public void The_cookie_payload_is_decoded_as_base64url_whatever_its_length(string payload)
    {
        // Lengths that are and are not multiples of four, and characters that base64url writes as '-' and '_'.
        var token = StravaRememberToken.Parse(Jwt(payload));
        Assert.That(token.ExpiresAt, Is.EqualTo(DateTimeOffset.FromUnixTimeSeconds(1781510400)));
        Assert.That(token.AthleteId, Does.StartWith("1"));
    }

    [Test]
    public void A_value_that_is_not_a_jwt_is_refused_without_echoing_it()
    {
        var ex = Assert.Throws<ArgumentException>(() => StravaRememberToken.Parse("not-a-jwt-secretvalue"));
        Assert.That(ex!.Message, Does.Not.Contain("secretvalue"));
        var bad = Assert.Throws<ArgumentException>(() => StravaRememberToken.Parse("a.!!!secret!!!.c"));
        Assert.That(bad!.Message, Does.Not.Contain("secret"));
    }

    [Test]
    public async Task The_original_streams_with_the_cookies_and_keeps_the_extension_from_content_disposition()
    {
        var cookie = LiveCookie();
        var bytes = new byte[] { 14, 16, 1, 2, 3, 4 };
        _mock.Expect(HttpMethod.Get, Web + "activities/16181809559/export_original")
            .WithHeaders("Cookie", $"strava_remember_token={cookie}; strava_remember_id=16181809")
            .Respond(_ => File(bytes, "application/octet-stream", "attachment; filename=\"Morning_Ride.fit.gz\"", forwardOnly: true));
        using var web = Exporter(cookie);

        await using var content = await web.OpenOriginalAsync(16181809559);

        Assert.That(content.IsAvailable, Is.True);
        Assert.That(content.FileExtension, Is.EqualTo("fit.gz"));
        Assert.That(content.Stream!.CanSeek, Is.False, "streamed, not buffered");
        using var copy = new MemoryStream();
        await content.Stream.CopyToAsync(copy);
        Assert.That(copy.ToArray(), Is.EqualTo(bytes));
        Assert.That(web.ExpiresAt, Is.EqualTo(AuthTestSupport.Start.AddDays(20)));
        _mock.VerifyNoOutstandingExpectation();
    }

    [TestCase("attachment; filename=\"Evening Run.tcx\"", "application/vnd.garmin.tcx+xml", "tcx")]
    [TestCase("attachment; filename=\"Hike.gpx\"", "application/gpx+xml", "gpx")]
    [TestCase("attachment; filename=\"Walk.json\"", "application/json", "json")]
    [TestCase("attachment; filename=\"x.fit\"; filename*=UTF-8''Fa%C3%A7ade%20ride.FIT", "application/octet-stream", "fit")]
    [TestCase("attachment; filename*=UTF-8''%C3%9Cberfahrt.tcx.gz", "application/octet-stream", "tcx.gz")]
    [TestCase("attachment; filename=\"no extension\"", "application/json", "json")]
    [TestCase("attachment; filename=\"no extension\"", "application/octet-stream", "dat")]
    [TestCase("attachment; filename=\"../../etc/passwd\"", "application/octet-stream", "dat")]
    public async Task The_extension_comes_from_the_file_name_with_safe_fallbacks(string disposition, string mediaType, string expected)
    {
        _mock.When(HttpMethod.Get, Web + "activities/7/export_original").Respond(_ => File([1], mediaType, disposition));
        using var web = Exporter(LiveCookie());

        await using var content = await web.OpenOriginalAsync(7);

        Assert.That(content.FileExtension, Is.EqualTo(expected));
    }

    [Test]
    public async Task Gpx_and_tcx_exports_use_their_own_routes_and_fall_back_to_the_format_name()
    {
        _mock.When(HttpMethod.Get, Web + "activities/7/export_gpx").Respond(_ => File([1], "application/octet-stream", null));
        _mock.When(HttpMethod.Get, Web + "activities/7/export_tcx").Respond(_ => File([2], "application/octet-stream", "attachment; filename=\"Ride\""));
        using var web = Exporter(LiveCookie());

        await using var gpx = await web.OpenAsync(7, StravaWebExportFormat.Gpx);
        await using var tcx = await web.OpenAsync(7, StravaWebExportFormat.Tcx);

        Assert.That(gpx.FileExtension, Is.EqualTo("gpx"));
        Assert.That(tcx.FileExtension, Is.EqualTo("tcx"));
    }

    [TestCase("https://web.test/login")]
    [TestCase("/session")]
    [TestCase("https://web.test/login?redirect=%2Factivities%2F7")]
    public void A_redirect_to_sign_in_means_signed_out_and_the_message_never_holds_the_cookie(string location)
    {
        var cookie = LiveCookie();
        _mock.When(HttpMethod.Get, Web + "activities/7/export_original").Respond(_ =>
        {
            var response = new HttpResponseMessage(HttpStatusCode.Found);
            response.Headers.Location = new Uri(location, UriKind.RelativeOrAbsolute);
            return response;
        });
        using var web = Exporter(cookie);

        var ex = Assert.ThrowsAsync<AuthenticationRequiredException>(() => web.OpenOriginalAsync(7));

        Assert.That(ex!.Message, Does.Contain("strava_remember_token").And.Contain("copy"));
        Assert.That(ex.ToString(), Does.Not.Contain(cookie).And.Not.Contain(cookie.Split('.')[1]));
    }

    [Test]
    public void A_login_page_served_with_200_is_signed_out_too()
    {
        _mock.When(HttpMethod.Get, Web + "activities/7/export_original").Respond("text/html", "<html><form action=\"/session\"></form></html>");
        using var web = Exporter(LiveCookie());
        Assert.ThrowsAsync<AuthenticationRequiredException>(() => web.OpenOriginalAsync(7));
    }

    [Test]
    public void An_expired_cookie_is_reported_as_expired_without_a_request()
    {
        var cookie = Jwt($$"""{"sub":"16181809","exp":{{AuthTestSupport.Start.AddMinutes(-5).ToUnixTimeSeconds()}}}""");
        var route = _mock.When(HttpMethod.Get, Web + "*").Respond(HttpStatusCode.OK);
        using var web = Exporter(cookie);

        var ex = Assert.ThrowsAsync<AuthenticationRequiredException>(() => web.OpenOriginalAsync(7));

        Assert.That(ex!.Message, Does.Contain("expired at 2026-06-15 07:55 UTC"));
        Assert.That(ex.Message, Does.Not.Contain(cookie));
        Assert.That(_mock.GetMatchCount(route), Is.Zero);
    }

    [Test]
    public void A_cookie_that_expires_while_in_use_is_reported_as_expired_when_strava_redirects()
    {
        var cookie = Jwt($$"""{"sub":"16181809","exp":{{AuthTestSupport.Start.AddMinutes(1).ToUnixTimeSeconds()}}}""");
        _mock.When(HttpMethod.Get, Web + "activities/7/export_original").Respond(_ =>
        {
            _clock.Advance(TimeSpan.FromMinutes(2));
            var response = new HttpResponseMessage(HttpStatusCode.Redirect);
            response.Headers.Location = new Uri("https://web.test/login");
            return response;
        });
        using var web = Exporter(cookie);

        var ex = Assert.ThrowsAsync<AuthenticationRequiredException>(() => web.OpenOriginalAsync(7));
        Assert.That(ex!.Message, Does.Contain("expired"));
    }

    [Test]
    public async Task Not_found_and_other_redirects_are_not_available_rather_than_errors()
    {
        _mock.When(HttpMethod.Get, Web + "activities/404/export_original").Respond(HttpStatusCode.NotFound);
        _mock.When(HttpMethod.Get, Web + "activities/9/export_original").Respond(_ =>
        {
            var response = new HttpResponseMessage(HttpStatusCode.Found);
            response.Headers.Location = new Uri("https://web.test/activities/9");
            return response;
        });
        using var web = Exporter(LiveCookie());

        await using var missing = await web.OpenOriginalAsync(404);
        await using var manual = await web.OpenOriginalAsync(9);

        Assert.That(missing.IsAvailable, Is.False);
        Assert.That(missing.UnavailableReason, Does.Contain("404"));
        Assert.That(manual.IsAvailable, Is.False);
        Assert.That(manual.UnavailableReason, Does.Contain("/activities/9"));
    }

    [Test]
    public void Too_many_requests_and_server_errors_map_to_core_exceptions()
    {
        _mock.When(HttpMethod.Get, Web + "activities/1/export_original").Respond(HttpStatusCode.TooManyRequests);
        _mock.When(HttpMethod.Get, Web + "activities/2/export_original").Respond(HttpStatusCode.BadGateway);
        using var web = Exporter(LiveCookie());

        Assert.ThrowsAsync<RateLimitExceededException>(() => web.OpenOriginalAsync(1));
        Assert.ThrowsAsync<ServiceUnavailableException>(() => web.OpenOriginalAsync(2));
    }

    [TestCase(120, 120)]
    [TestCase(null, 15 * 60)]
    public void A_429_waits_as_long_as_retry_after_says_or_a_quarter_hour(int? retryAfterSeconds, int expectedSeconds)
    {
        _mock.When(HttpMethod.Get, Web + "activities/1/export_original").Respond(_ =>
        {
            var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
            if (retryAfterSeconds is { } seconds)
            {
                response.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(seconds));
            }

            return response;
        });
        using var web = Exporter(LiveCookie());

        var ex = Assert.ThrowsAsync<RateLimitExceededException>(() => web.OpenOriginalAsync(1));

        Assert.That(ex!.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(expectedSeconds)));
        Assert.That(ex.ResumeAt, Is.EqualTo(AuthTestSupport.Start.AddSeconds(expectedSeconds)));
    }

    [Test]
    public void A_retry_after_date_is_measured_from_the_clients_clock()
    {
        _mock.When(HttpMethod.Get, Web + "activities/1/export_original").Respond(_ =>
        {
            var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
            response.Headers.RetryAfter = new RetryConditionHeaderValue(AuthTestSupport.Start.AddMinutes(3));
            return response;
        });
        using var web = Exporter(LiveCookie());

        var ex = Assert.ThrowsAsync<RateLimitExceededException>(() => web.OpenOriginalAsync(1));

        Assert.That(ex!.RetryAfter, Is.EqualTo(TimeSpan.FromMinutes(3)));
    }

    [Test]
    public void An_unreachable_website_is_service_unavailable_with_the_cause_kept()
    {
        _mock.When(HttpMethod.Get, Web + "activities/1/export_original").Throw(new HttpRequestException("connection refused"));
        using var web = Exporter(LiveCookie());

        var ex = Assert.ThrowsAsync<ServiceUnavailableException>(() => web.OpenOriginalAsync(1));

        Assert.That(ex!.InnerException, Is.TypeOf<HttpRequestException>());
        Assert.That(ex.RequestUri, Is.EqualTo(new Uri(Web + "activities/1/export_original")));
    }

    [Test]
    public void A_pasted_cookie_with_its_name_is_accepted()
    {
        var cookie = LiveCookie();
        using var web = Exporter("strava_remember_token=" + cookie + ";");
        Assert.That(web.Session.AthleteId, Is.EqualTo("16181809"));
    }

    // forwardOnly: the body as the network gives it, so a buffered download would show as a seekable stream.
    private static HttpResponseMessage File(byte[] bytes, string mediaType, string? disposition, bool forwardOnly = false)
    {
        HttpContent content = forwardOnly ? new StreamContent(new ForwardOnlyStream(bytes)) : new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        if (disposition is not null)
        {
            content.Headers.TryAddWithoutValidation("Content-Disposition", disposition);
        }

        return new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
    }
}
