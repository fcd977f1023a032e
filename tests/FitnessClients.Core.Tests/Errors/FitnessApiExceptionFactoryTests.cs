using System.Net;
using System.Net.Http.Headers;
using System.Text;
using FitnessClients.Testing;

namespace FitnessClients.Core.Tests.Errors;

public class FitnessApiExceptionFactoryTests
{
    private static readonly FakeTimeProvider Clock = new(FakeTimeDefaults.Start);

    private static ErrorMappingOptions Options(string service = "strava") => new() { ServiceName = service };

    private static HttpResponseMessage Response(
        HttpStatusCode status, string? body = null, string mediaType = "application/json", string url = "https://www.strava.com/api/v3/athlete/activities?page=2", HttpMethod? method = null)
    {
        var response = new HttpResponseMessage(status)
        {
            RequestMessage = new HttpRequestMessage(method ?? HttpMethod.Get, url),
        };
        if (body is not null)
        {
            response.Content = new StringContent(body, Encoding.UTF8, mediaType);
        }

        return response;
    }

    private static Task<FitnessApiException> Map(HttpResponseMessage response, ErrorMappingOptions? options = null) =>
        FitnessApiExceptionFactory.FromResponseAsync(response, options ?? Options(), Clock);

    [Test]
    public async Task The_message_names_service_method_uri_status_and_the_services_message()
    {
        using var response = Response(HttpStatusCode.NotFound, """{"message":"Record Not Found","errors":[{"resource":"Activity","field":"id","code":"invalid"}]}""");

        var ex = await Map(response);

        Assert.That(ex, Is.TypeOf<ResourceNotFoundException>());
        Assert.That(ex.Message, Is.EqualTo("strava GET https://www.strava.com/api/v3/athlete/activities?page=2 failed: 404 Not Found: Record Not Found (Activity.id invalid)"));
        Assert.That(ex.Service, Is.EqualTo("strava"));
        Assert.That(ex.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(ex.RequestMethod, Is.EqualTo("GET"));
        Assert.That(ex.RequestUri, Is.EqualTo(new Uri("https://www.strava.com/api/v3/athlete/activities?page=2")));
        Assert.That(ex.ResponseExcerpt, Is.EqualTo("Record Not Found (Activity.id invalid)"));
    }

    [TestCase(HttpStatusCode.Unauthorized, typeof(AuthenticationRequiredException), "sign in again")]
    [TestCase(HttpStatusCode.Forbidden, typeof(FitnessApiException), "missing scope or permission")]
    [TestCase(HttpStatusCode.NotFound, typeof(ResourceNotFoundException), "404 Not Found")]
    [TestCase(HttpStatusCode.TooManyRequests, typeof(RateLimitExceededException), "Rate limit exceeded")]
    [TestCase(HttpStatusCode.RequestTimeout, typeof(ServiceUnavailableException), "408 Request Timeout")]
    [TestCase(HttpStatusCode.InternalServerError, typeof(ServiceUnavailableException), "500 Internal Server Error")]
    [TestCase(HttpStatusCode.BadGateway, typeof(ServiceUnavailableException), "502 Bad Gateway")]
    [TestCase(HttpStatusCode.ServiceUnavailable, typeof(ServiceUnavailableException), "503 Service Unavailable")]
    [TestCase(HttpStatusCode.GatewayTimeout, typeof(ServiceUnavailableException), "504 Gateway Timeout")]
    [TestCase(HttpStatusCode.BadRequest, typeof(FitnessApiException), "400 Bad Request")]
    [TestCase(HttpStatusCode.Conflict, typeof(FitnessApiException), "409 Conflict")]
    [TestCase(HttpStatusCode.RequestEntityTooLarge, typeof(FitnessApiException), "413 Request Entity Too Large")]
    public async Task Each_status_class_maps_to_its_exception(HttpStatusCode status, Type expected, string inMessage)
    {
        using var response = Response(status, """{"message":"nope"}""");

        var ex = await Map(response);

        Assert.That(ex, Is.TypeOf(expected));
        Assert.That(ex.Message, Does.Contain(inMessage));
        Assert.That(ex.StatusCode, Is.EqualTo(status));
        Assert.That(ex.ResponseExcerpt, Is.EqualTo("nope"));
    }

    [Test]
    public async Task A_429_resumes_after_Retry_After()
    {
        using var response = Response(HttpStatusCode.TooManyRequests, """{"message":"Rate Limit Exceeded"}""");
        response.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(90));

        var ex = (RateLimitExceededException)await Map(response);

        Assert.That(ex.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(90)));
        Assert.That(ex.ResumeAt, Is.EqualTo(Clock.GetUtcNow() + TimeSpan.FromSeconds(90)));
        Assert.That(ex.Message, Does.Contain("from 2026-01-05 08:01:30Z (in 1 min 30 s)"));
    }

    [Test]
    public async Task A_429_without_Retry_After_resumes_after_the_configured_default()
    {
        using var response = Response(HttpStatusCode.TooManyRequests);
        var options = Options();
        options.DefaultRateLimitWait = TimeSpan.FromMinutes(15);

        var ex = (RateLimitExceededException)await Map(response, options);

        Assert.That(ex.RetryAfter, Is.Null);
        Assert.That(ex.ResumeAt, Is.EqualTo(Clock.GetUtcNow() + TimeSpan.FromMinutes(15)));
    }

    [Test]
    public async Task A_503_carries_its_Retry_After()
    {
        using var response = Response(HttpStatusCode.ServiceUnavailable, "Service Unavailable", "text/plain");
        response.Headers.RetryAfter = new RetryConditionHeaderValue(Clock.GetUtcNow() + TimeSpan.FromMinutes(5));

        var ex = await Map(response);

        Assert.That(ex.RetryAfter, Is.EqualTo(TimeSpan.FromMinutes(5)));
        Assert.That(ex.Message, Does.EndWith("The service asked to wait 5 min."));
    }

    [TestCase("""{"message":"Authorization Error","errors":[{"resource":"Athlete","field":"access_token","code":"invalid"}]}""", "Authorization Error (Athlete.access_token invalid)", null)]
    [TestCase("""{"error":"invalid_grant","error_description":"Invalid refresh token"}""", "Invalid refresh token", "invalid_grant")]
    [TestCase("""{"error":"invalid_client"}""", "invalid_client", "invalid_client")]
    [TestCase("""{"error":{"code":401,"message":"Token expired"}}""", "Token expired", null)]
    [TestCase("""{"detail":"Not authenticated"}""", "Not authenticated", null)]
    [TestCase("""{"detail":[{"loc":["body","name"],"msg":"field required"},{"msg":"too short"}]}""", "field required; too short", null)]
    [TestCase("""{"reason":"quota"}""", "quota", null)]
    [TestCase("""{"errors":[{"message":"Name is required"}]}""", "Name is required", null)]
    [TestCase("""{"errors":{"name":["is required"]}}""", "name is required", null)]
    [TestCase("""{"status":"error","message":"Invalid token. Please log in again."}""", "Invalid token. Please log in again.", null)]
    [TestCase("""{"status":"fail"}""", "fail", null)]
    [TestCase("""{"code":"ActivityNotFound","Message":"no such activity"}""", "no such activity", "ActivityNotFound")]
    [TestCase("""[{"message":"first"},{"message":"second"}]""", "first", null)]
    [TestCase("""{"unexpected":{"nested":true}}""", """{"unexpected":{"nested":true}}""", null)]
    public async Task Json_bodies_give_the_services_message_and_code(string body, string excerpt, string? code)
    {
        using var response = Response(HttpStatusCode.BadRequest, body);

        var ex = await Map(response);

        Assert.That(ex.ResponseExcerpt, Is.EqualTo(excerpt));
        Assert.That(ex.ErrorCode, Is.EqualTo(code));
    }

    [Test]
    public async Task The_error_code_is_shown_once_in_the_message()
    {
        using var withDescription = Response(HttpStatusCode.BadRequest, """{"error":"invalid_grant","error_description":"Invalid refresh token"}""", url: "https://www.strava.com/oauth/token", method: HttpMethod.Post);
        using var codeOnly = Response(HttpStatusCode.BadRequest, """{"error":"invalid_grant"}""", url: "https://www.strava.com/oauth/token", method: HttpMethod.Post);

        Assert.That((await Map(withDescription)).Message, Is.EqualTo("strava POST https://www.strava.com/oauth/token failed: 400 Bad Request: Invalid refresh token (invalid_grant)"));
        Assert.That((await Map(codeOnly)).Message, Is.EqualTo("strava POST https://www.strava.com/oauth/token failed: 400 Bad Request: invalid_grant"));
    }

    [Test]
    public async Task Extra_message_fields_are_tried_before_status()
    {
        using var response = Response(HttpStatusCode.BadRequest, """{"status":"error","errorMessage":"Duplicate activity"}""");
        var options = Options("garmin");
        options.MessageFields.Add("errorMessage");

        var ex = await Map(response, options);

        Assert.That(ex.ResponseExcerpt, Is.EqualTo("Duplicate activity"));
    }

    [Test]
    public async Task Html_pages_are_summarised_by_their_title()
    {
        using var response = Response(HttpStatusCode.InternalServerError, "<!DOCTYPE html><html><head><title>500 Internal Server Error</title></head><body><h1>Internal Server Error</h1><p>The server encountered an internal error and was unable to complete your request.</p></body></html>", "text/html");

        var ex = await Map(response);

        Assert.That(ex.ResponseExcerpt, Is.EqualTo("HTML page: 500 Internal Server Error"));
    }

    [Test]
    public async Task Html_without_a_title_uses_the_heading_or_the_text()
    {
        using var heading = Response(HttpStatusCode.BadGateway, "<html><body><h1>Bad &amp; Gateway</h1></body></html>", "text/html");
        using var text = Response(HttpStatusCode.BadGateway, "<html><body><script>var x=1;</script><p>Upstream   down</p></body></html>", "text/html");

        Assert.That((await Map(heading)).ResponseExcerpt, Is.EqualTo("HTML page: Bad & Gateway"));
        Assert.That((await Map(text)).ResponseExcerpt, Is.EqualTo("HTML page: Upstream down"));
    }

    [TestCase("Just a moment...")]
    [TestCase("Attention Required! | Cloudflare")]
    public async Task Cloudflare_challenges_are_recognised(string title)
    {
        using var response = Response(HttpStatusCode.Forbidden, $"<!DOCTYPE html><html lang=\"en-US\"><head><title>{title}</title></head><body>{new string('x', 5000)}</body></html>", "text/html", "https://sso.garmin.com/sso/signin");

        var ex = await Map(response, Options("garmin"));

        Assert.That(ex.ResponseExcerpt, Is.EqualTo($"Cloudflare challenge page (\"{title}\"): the service's bot protection blocked this client"));
        Assert.That(ex.Message, Does.Contain("bot protection, not a credentials problem"));
        Assert.That(ex, Is.Not.InstanceOf<AuthenticationRequiredException>());
    }

    [Test]
    public async Task A_cf_mitigated_header_marks_a_challenge_whatever_the_title()
    {
        using var response = Response(HttpStatusCode.Forbidden, "<html><head><title>garmin.com</title></head></html>", "text/html");
        response.Headers.TryAddWithoutValidation("cf-mitigated", "challenge");

        var ex = await Map(response, Options("garmin"));

        Assert.That(ex.ResponseExcerpt, Does.StartWith("Cloudflare challenge page"));
    }

    [Test]
    public async Task Plain_text_gives_the_first_200_characters_with_whitespace_collapsed()
    {
        var body = "Upstream\r\n\r\n   error:\t" + new string('e', 400);
        using var response = Response(HttpStatusCode.BadGateway, body, "text/plain");

        var ex = await Map(response);

        Assert.That(ex.ResponseExcerpt, Does.StartWith("Upstream error: eee"));
        Assert.That(ex.ResponseExcerpt!.Length, Is.EqualTo(201));
        Assert.That(ex.ResponseExcerpt, Does.EndWith("…"));
    }

    [Test]
    public async Task Binary_bodies_are_not_shown()
    {
        using var response = Response(HttpStatusCode.InternalServerError);
        response.Content = new ByteArrayContent([0x0E, 0x10, 0x00, 0x00, 0x2E, 0x46, 0x49, 0x54]);
        response.Content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");

        var ex = await Map(response);

        Assert.That(ex.ResponseExcerpt, Is.EqualTo("binary content (application/octet-stream), not shown"));
    }

    [Test]
    public async Task A_huge_body_is_read_only_up_to_the_bound()
    {
        var stream = new CountingStream((byte)'x');
        using var response = Response(HttpStatusCode.InternalServerError);
        response.Content = new StreamContent(stream, 4096);
        response.Content.Headers.ContentType = new MediaTypeHeaderValue("text/plain");

        var info = await ErrorResponseReader.ReadAsync(response, Options(), Clock);

        Assert.That(stream.BytesRead, Is.LessThanOrEqualTo(ErrorMappingOptions.DefaultMaxBodyBytes + 4096));
        Assert.That(info.Body!.Length, Is.EqualTo(ErrorMappingOptions.DefaultMaxBodyBytes));
        Assert.That(info.BodyTruncated, Is.True);
        Assert.That(info.ResponseExcerpt!.Length, Is.EqualTo(201));
    }

    [Test]
    public async Task A_short_body_is_not_marked_truncated()
    {
        using var response = Response(HttpStatusCode.BadRequest, """{"message":"short"}""");

        var info = await ErrorResponseReader.ReadAsync(response, Options(), Clock);

        Assert.That(info.BodyTruncated, Is.False);
        Assert.That(info.Body, Is.EqualTo("""{"message":"short"}"""));
    }

    [Test]
    public async Task A_json_body_cut_by_the_bound_is_summarised_as_text_without_secrets()
    {
        var body = "{\"message\":\"big\",\"refresh_token\":\"" + new string('r', 200) + "\",\"items\":[" + string.Join(',', Enumerable.Repeat("1", 100_000)) + "]}";
        using var response = Response(HttpStatusCode.BadRequest, body);
        var options = Options();
        options.MaxBodyBytes = 1024;

        var ex = await Map(response, options);

        Assert.That(ex.ResponseExcerpt, Does.StartWith("{\"message\":\"big\",\"refresh_token\":\"***\""));
        Assert.That(ex.Message, Does.Not.Contain("rrrr"));
    }

    [Test]
    public async Task Secrets_are_scrubbed_from_uri_excerpt_code_and_message()
    {
        const string token = "a1b2c3d4e5f60718293a4b5c6d7e8f9012345678";
        using var response = Response(
            HttpStatusCode.BadRequest,
            $"{{\"message\":\"Bad token Bearer {token} for refresh_token={token}\",\"error\":\"invalid_request\"}}",
            url: $"https://ann:pw@www.strava.com/oauth/token?client_id=42&client_secret={token}&code={token}&state=s1");

        var ex = await Map(response);

        Assert.That(ex.Message + ex.ResponseExcerpt + ex.RequestUri + ex.ErrorCode + ex, Does.Not.Contain(token).And.Not.Contain("pw@"));
        Assert.That(ex.RequestUri!.Query, Is.EqualTo("?client_id=42&client_secret=***&code=***&state=s1"));
        Assert.That(ex.ResponseExcerpt, Is.EqualTo("Bad token Bearer *** for refresh_token=***"));
        Assert.That(ex.ErrorCode, Is.EqualTo("invalid_request"));
    }

    [Test]
    public async Task Secrets_are_scrubbed_from_html_and_plain_excerpts()
    {
        using var html = Response(HttpStatusCode.BadRequest, "<html><head><title>Login failed for ticket ST-0123456-abcDEF123-cas</title></head></html>", "text/html");
        using var plain = Response(HttpStatusCode.BadRequest, "Set-Cookie: SESSIONID=abc123; Path=/", "text/plain");

        Assert.That((await Map(html)).ResponseExcerpt, Is.EqualTo("HTML page: Login failed for ticket ST-***"));
        Assert.That((await Map(plain)).ResponseExcerpt, Is.EqualTo("Set-Cookie: ***"));
    }

    [Test]
    public async Task An_unreadable_body_still_reports_the_status()
    {
        using var response = Response(HttpStatusCode.BadGateway);
        response.Content = new TrackingContent("x", failOnRead: true);

        var ex = await Map(response);

        Assert.That(ex, Is.TypeOf<ServiceUnavailableException>());
        Assert.That(ex.ResponseExcerpt, Is.Null);
        Assert.That(ex.Message, Does.EndWith("failed: 502 Bad Gateway"));
    }

    [Test]
    public async Task An_empty_body_gives_no_excerpt()
    {
        using var response = Response(HttpStatusCode.NotFound);

        var ex = await Map(response);

        Assert.That(ex.ResponseExcerpt, Is.Null);
        Assert.That(ex.Message, Does.EndWith("failed: 404 Not Found"));
    }

    [Test]
    public async Task A_custom_mapper_is_asked_first_and_can_decline()
    {
        var options = Options();
        options.CustomMapper = info => info.StatusCode == HttpStatusCode.TooManyRequests
            ? new RateLimitExceededException($"{info.Summary}. The 15-minute limit is used up.", info.Now.AddMinutes(15))
            {
                Service = info.Service, StatusCode = info.StatusCode, Window = "15-minute", Limit = 100, Usage = 101,
            }
            : null;
        using var limited = Response(HttpStatusCode.TooManyRequests, """{"message":"Rate Limit Exceeded"}""");
        using var missing = Response(HttpStatusCode.NotFound, """{"message":"Record Not Found"}""");

        var rate = (RateLimitExceededException)await Map(limited, options);
        var notFound = await Map(missing, options);

        Assert.That(rate.Window, Is.EqualTo("15-minute"));
        Assert.That(rate.Message, Does.StartWith("strava GET").And.EndWith("The 15-minute limit is used up."));
        Assert.That(notFound, Is.TypeOf<ResourceNotFoundException>());
    }

    [Test]
    public void Transport_failures_become_ServiceUnavailable()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://connect.garmin.com/x?ticket=ST-1-abcdef-cas");

        var network = FitnessApiExceptionFactory.FromException(new HttpRequestException(HttpRequestError.NameResolutionError, "Name or service not known (connect.garmin.com:443)"), "garmin", request);
        var io = FitnessApiExceptionFactory.FromException(new IOException("Unable to read data from the transport connection"), "garmin", request);
        var timeout = FitnessApiExceptionFactory.FromException(new Polly.Timeout.TimeoutRejectedException(TimeSpan.FromSeconds(30)), "garmin", request);
        var broken = FitnessApiExceptionFactory.FromException(new Polly.CircuitBreaker.BrokenCircuitException(TimeSpan.FromSeconds(12)), "garmin", request);
        var innerTimeout = FitnessApiExceptionFactory.FromException(new TaskCanceledException("inner timeout"), "garmin", request, CancellationToken.None);

        Assert.That(new[] { network, io, timeout, broken, innerTimeout }, Is.All.TypeOf<ServiceUnavailableException>());
        Assert.That(network!.Message, Is.EqualTo("garmin GET https://connect.garmin.com/x?ticket=*** failed: network error (NameResolutionError): Name or service not known (connect.garmin.com:443)"));
        Assert.That(timeout!.Message, Does.EndWith("timed out: no response within 30 s."));
        Assert.That(broken!.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(12)));
        Assert.That(broken.Message, Does.Contain("circuit breaker is open"));
        Assert.That(innerTimeout!.Message, Does.Contain("timed out"));
        Assert.That(network.Service, Is.EqualTo("garmin"));
        Assert.That(network.RequestUri!.Query, Is.EqualTo("?ticket=***"));
    }

    [Test]
    public void The_callers_cancellation_and_foreign_or_own_exceptions_are_not_mapped()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        Assert.That(FitnessApiExceptionFactory.FromException(new TaskCanceledException(), "x", null, cts.Token), Is.Null);
        Assert.That(FitnessApiExceptionFactory.FromException(new System.Text.Json.JsonException("bad"), "x", null), Is.Null);
        Assert.That(FitnessApiExceptionFactory.FromException(new ResourceNotFoundException("gone"), "x", null), Is.Null);
    }
}
