using System.Net;
using System.Net.Http.Headers;
using FitnessClients.Core.OAuth;
using FitnessClients.Testing;

namespace FitnessClients.Core.Tests.OAuth;

public class OAuth2TokenClientErrorTests
{
    private const string Secret = "client-s3cr3t";
    private const string RefreshToken = "refresh-7f3a9c";
    private const string Code = "auth-code-51b2";
    private static readonly DateTimeOffset Now = new(2026, 1, 5, 8, 0, 0, TimeSpan.Zero);

    private static OAuth2TokenClient Client(TokenEndpointStub stub) =>
        new(stub.CreateClient(), new OAuth2ClientCredentials("12345", Secret), TokenEndpointStub.Endpoint, new FakeTimeProvider(Now)) { ServiceName = "strava" };

    private static void AssertNoSecrets(FitnessApiException ex)
    {
        foreach (var text in new[] { ex.Message, ex.ResponseExcerpt ?? string.Empty, ex.ErrorCode ?? string.Empty, ex.RequestUri?.ToString() ?? string.Empty, ex.ToString() })
        {
            Assert.That(text, Does.Not.Contain(Secret).And.Not.Contain(RefreshToken).And.Not.Contain(Code));
        }
    }

    [Test]
    public void Rfc_invalid_grant_on_refresh_requires_a_new_sign_in()
    {
        var stub = new TokenEndpointStub().Respond(HttpStatusCode.BadRequest, """{"error":"invalid_grant","error_description":"The grant has expired or was revoked."}""");

        var ex = Assert.ThrowsAsync<AuthenticationRequiredException>(() => Client(stub).RefreshAsync(RefreshToken));

        Assert.That(ex!.ErrorCode, Is.EqualTo("invalid_grant"));
        Assert.That(ex.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(ex.Message, Does.Contain("refresh token is no longer valid").And.Contain("Sign in again"));
        Assert.That(ex.ResponseExcerpt, Is.EqualTo("invalid_grant: The grant has expired or was revoked."));
        Assert.That(ex.Service, Is.EqualTo("strava"));
        Assert.That(ex.RequestMethod, Is.EqualTo("POST"));
        Assert.That(ex.RequestUri, Is.EqualTo(TokenEndpointStub.Endpoint));
        AssertNoSecrets(ex);
    }

    [Test]
    public void Invalid_grant_on_code_exchange_says_the_code_was_refused()
    {
        var stub = new TokenEndpointStub().Respond(HttpStatusCode.BadRequest, """{"error":"invalid_grant"}""");

        var ex = Assert.ThrowsAsync<AuthenticationRequiredException>(() => Client(stub).ExchangeCodeAsync(Code, new Uri("http://127.0.0.1:1/"), "verifier"));

        Assert.That(ex!.ErrorCode, Is.EqualTo("invalid_grant"));
        Assert.That(ex.Message, Does.Contain("authorization code was refused").And.Contain("PKCE verifier"));
        AssertNoSecrets(ex);
    }

    [Test]
    public void Stravas_refresh_token_invalid_shape_is_recognised_as_invalid_grant()
    {
        var stub = new TokenEndpointStub().Respond(HttpStatusCode.BadRequest, """{"message":"Bad Request","errors":[{"resource":"RefreshToken","field":"refresh_token","code":"invalid"}]}""");

        var ex = Assert.ThrowsAsync<AuthenticationRequiredException>(() => Client(stub).RefreshAsync(RefreshToken));

        Assert.That(ex!.ErrorCode, Is.EqualTo("invalid_grant"));
        Assert.That(ex.Message, Does.Contain("Sign in again"));
        Assert.That(ex.ResponseExcerpt, Is.EqualTo("Bad Request: RefreshToken refresh_token invalid"));
        AssertNoSecrets(ex);
    }

    [TestCase("""{"message":"Bad Request","errors":[{"resource":"AuthorizationCode","field":"code","code":"invalid"}]}""")]
    [TestCase("""{"message":"Bad Request","errors":[{"resource":"AuthorizationCode","field":"","code":"expired"}]}""")]
    [TestCase("""{"message":"Bad Request","errors":[{"resource":"RequestToken","field":"code","code":"invalid"}]}""")]
    public void Stravas_used_or_expired_code_shapes_are_invalid_grant(string body)
    {
        var stub = new TokenEndpointStub().Respond(HttpStatusCode.BadRequest, body);

        var ex = Assert.ThrowsAsync<AuthenticationRequiredException>(() => Client(stub).ExchangeCodeAsync(Code));

        Assert.That(ex!.ErrorCode, Is.EqualTo("invalid_grant"));
        Assert.That(ex.Message, Does.Contain("authorization code"));
    }

    [Test]
    public void Invalid_client_blames_the_app_credentials_not_the_user()
    {
        var stub = new TokenEndpointStub().Respond(HttpStatusCode.Unauthorized, """{"error":"invalid_client","error_description":"Client authentication failed."}""");

        var ex = Assert.ThrowsAsync<AuthenticationRequiredException>(() => Client(stub).RefreshAsync(RefreshToken));

        Assert.That(ex!.ErrorCode, Is.EqualTo("invalid_client"));
        Assert.That(ex.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(ex.Message, Does.Contain("application's credentials").And.Contain("client secret").And.Contain("HTTP Basic"));
        Assert.That(ex.Message, Does.Not.Contain("refresh token is no longer valid"));
        AssertNoSecrets(ex);
    }

    [Test]
    public void Stravas_invalid_application_shape_is_invalid_client()
    {
        var stub = new TokenEndpointStub().Respond(HttpStatusCode.BadRequest, """{"message":"Bad Request","errors":[{"resource":"Application","field":"client_id","code":"invalid"}]}""");

        var ex = Assert.ThrowsAsync<AuthenticationRequiredException>(() => Client(stub).RefreshAsync(RefreshToken));

        Assert.That(ex!.ErrorCode, Is.EqualTo("invalid_client"));
    }

    [Test]
    public void A_bare_401_is_treated_as_refused_client_credentials()
    {
        var stub = new TokenEndpointStub().Respond(HttpStatusCode.Unauthorized, "", "text/plain");

        var ex = Assert.ThrowsAsync<AuthenticationRequiredException>(() => Client(stub).RefreshAsync(RefreshToken));

        Assert.That(ex!.ErrorCode, Is.Null);
        Assert.That(ex.Message, Does.Contain("401").And.Contain("client secret"));
    }

    [Test]
    public void An_html_500_page_is_summarised_by_its_title_and_reported_as_unavailable()
    {
        const string page = "<!DOCTYPE html>\n<html><head><title>500 Internal Server Error</title></head><body><h1>Internal Server Error</h1><p>The server encountered an internal error and was unable to complete your request.</p></body></html>";
        var stub = new TokenEndpointStub().Respond(HttpStatusCode.InternalServerError, page, "text/html");

        var ex = Assert.ThrowsAsync<ServiceUnavailableException>(() => Client(stub).RefreshAsync(RefreshToken));

        Assert.That(ex, Is.InstanceOf<FitnessApiException>());
        Assert.That(ex!.StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError));
        Assert.That(ex.ResponseExcerpt, Is.EqualTo("HTML page: 500 Internal Server Error"));
        Assert.That(ex.Message, Does.Contain("500").And.Not.Contain("<html>"));
        Assert.That(ex.ErrorCode, Is.Null);
    }

    [Test]
    public void Other_oauth_errors_are_plain_api_exceptions_with_the_code_and_description()
    {
        var stub = new TokenEndpointStub().Respond(HttpStatusCode.BadRequest, """{"error":"unsupported_grant_type","error_description":"grant_type refresh_token is not allowed"}""");

        var ex = Assert.ThrowsAsync<FitnessApiException>(() => Client(stub).RefreshAsync(RefreshToken));

        Assert.That(ex!.GetType(), Is.EqualTo(typeof(FitnessApiException)));
        Assert.That(ex.ErrorCode, Is.EqualTo("unsupported_grant_type"));
        Assert.That(ex.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(ex.Message, Does.Contain("400").And.Contain("unsupported_grant_type"));
        Assert.That(ex.ResponseExcerpt, Does.Contain("is not allowed"));
    }

    [Test]
    public void Secrets_echoed_in_an_error_body_are_scrubbed_from_the_excerpt()
    {
        var stub = new TokenEndpointStub().Respond(
            HttpStatusCode.BadRequest,
            $$"""{"error":"invalid_request","error_description":"bad request refresh_token={{RefreshToken}} client_secret={{Secret}}"}""");

        var ex = Assert.ThrowsAsync<FitnessApiException>(() => Client(stub).RefreshAsync(RefreshToken));

        Assert.That(ex!.ResponseExcerpt, Does.Contain("refresh_token=***").And.Contain("client_secret=***"));
        AssertNoSecrets(ex);
    }

    [Test]
    public void Too_many_requests_reports_when_to_try_again()
    {
        var stub = new TokenEndpointStub().Respond(
            HttpStatusCode.TooManyRequests,
            """{"message":"Rate Limit Exceeded","errors":[{"resource":"Application","field":"rate limit","code":"exceeded"}]}""",
            configure: r => r.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(90)));

        var ex = Assert.ThrowsAsync<RateLimitExceededException>(() => Client(stub).RefreshAsync(RefreshToken));

        Assert.That(ex!.ResumeAt, Is.EqualTo(Now.AddSeconds(90)));
        Assert.That(ex.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(90)));
        Assert.That(ex.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
    }

    [Test]
    public void A_200_that_is_not_json_is_reported_without_dumping_the_page()
    {
        var stub = new TokenEndpointStub().Respond(HttpStatusCode.OK, "<html><head><title>Log In | Strava</title></head><body>...</body></html>", "text/html");

        var ex = Assert.ThrowsAsync<FitnessApiException>(() => Client(stub).RefreshAsync(RefreshToken));

        Assert.That(ex!.Message, Does.Contain("not JSON"));
        Assert.That(ex.ResponseExcerpt, Is.EqualTo("HTML page: Log In | Strava"));
    }

    [Test]
    public void A_200_without_an_access_token_is_an_error()
    {
        var stub = new TokenEndpointStub().Respond(HttpStatusCode.OK, """{"token_type":"Bearer","refresh_token":"x"}""");

        var ex = Assert.ThrowsAsync<FitnessApiException>(() => Client(stub).RefreshAsync(RefreshToken));

        Assert.That(ex!.Message, Does.Contain("without an access_token"));
        Assert.That(ex.ResponseExcerpt, Is.EqualTo("a JSON object with the fields token_type, refresh_token"));
    }

    [Test]
    public void A_200_carrying_an_oauth_error_is_mapped_like_the_error()
    {
        var stub = new TokenEndpointStub().Respond(HttpStatusCode.OK, """{"error":"invalid_grant"}""");

        var ex = Assert.ThrowsAsync<AuthenticationRequiredException>(() => Client(stub).RefreshAsync(RefreshToken));

        Assert.That(ex!.ErrorCode, Is.EqualTo("invalid_grant"));
    }

    [Test]
    public void A_field_of_the_wrong_type_is_reported_by_path_without_its_value()
    {
        var stub = new TokenEndpointStub().Respond(HttpStatusCode.OK, """{"access_token":"a","expires_in":"soon-a-secret-value"}""");

        var ex = Assert.ThrowsAsync<FitnessApiException>(() => Client(stub).RefreshAsync(RefreshToken));

        Assert.That(ex!.Message, Does.Contain("$.expires_in").And.Not.Contain("soon-a-secret-value"));
        Assert.That(ex.ResponseExcerpt, Does.Not.Contain("soon-a-secret-value"));
    }

    [Test]
    public void A_network_failure_is_reported_as_unavailable()
    {
        var stub = new TokenEndpointStub().Throw(new HttpRequestException("Connection refused (auth.example:443)"));

        var ex = Assert.ThrowsAsync<ServiceUnavailableException>(() => Client(stub).RefreshAsync(RefreshToken));

        Assert.That(ex!.Message, Does.Contain("could not be reached").And.Contain("Connection refused"));
        Assert.That(ex.InnerException, Is.InstanceOf<HttpRequestException>());
    }

    [Test]
    public void Cancellation_by_the_caller_is_not_turned_into_an_api_error()
    {
        var stub = new TokenEndpointStub().Respond(HttpStatusCode.OK, """{"access_token":"a"}""");
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.CatchAsync<OperationCanceledException>(() => Client(stub).RefreshAsync(RefreshToken, cancelled.Token));
    }
}
