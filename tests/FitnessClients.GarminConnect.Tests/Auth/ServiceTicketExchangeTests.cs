using System.Net;
using System.Text;
using FitnessClients.Core;
using FitnessClients.GarminConnect.Auth;

namespace FitnessClients.GarminConnect.Tests.Auth;

public class ServiceTicketExchangeTests
{
    private static readonly string[] ClientIds = [.. GarminEndpoints.DiClientIds];

    [Test]
    public async Task Exchange_sends_the_diauth_form_with_basic_auth_of_the_first_client_id_and_stores_the_token()
    {
        using var h = new AuthHarness();
        var ticket = TestSecrets.Ticket();
        var access = TestSecrets.Jwt(ClientIds[0], h.Clock.GetUtcNow().AddHours(24));
        var refresh = TestSecrets.Opaque("refresh");
        h.On(HttpMethod.Post, AuthHarness.DiAuthUrl, _ => AuthHarness.DiToken(access, refresh, 86400));

        var token = await h.Authenticator().LoginWithTicketAsync(ticket);

        var request = h.Requests.Single();
        Assert.That(request.Method, Is.EqualTo(HttpMethod.Post));
        Assert.That(request.Uri.Query, Is.Empty);
        Assert.That(request.ContentType, Is.EqualTo("application/x-www-form-urlencoded"));
        Assert.That(request.Header("Authorization"), Is.EqualTo("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(ClientIds[0] + ":"))));
        Assert.That(request.Form, Is.EquivalentTo(new Dictionary<string, string>
        {
            ["client_id"] = ClientIds[0],
            ["service_ticket"] = ticket,
            ["grant_type"] = "https://connectapi.garmin.com/di-oauth2-service/oauth/grant/service_ticket",
            ["service_url"] = "https://mobile.integration.garmin.com/gcm/ios",
        }));
        Assert.That(request.Header("User-Agent"), Is.EqualTo("GCM-Android-5.23"));
        Assert.That(request.Header("X-Garmin-Client-Platform"), Is.EqualTo("Android"));

        Assert.That(token.AccessToken, Is.EqualTo(access));
        Assert.That(token.RefreshToken, Is.EqualTo(refresh));
        Assert.That(token.ExpiresAt, Is.EqualTo(h.Clock.GetUtcNow().AddSeconds(86400)));
        Assert.That(token.Extras[GarminTokenExtras.DiClientId], Is.EqualTo(ClientIds[0]));
        Assert.That(token.Extras[GarminTokenExtras.Domain], Is.EqualTo("garmin.com"));
        Assert.That(token.Extras[GarminTokenExtras.Source], Is.EqualTo("service_ticket"));
        Assert.That(await h.StoredTokenAsync(), Is.EqualTo(token));
    }

    [Test]
    public async Task A_400_or_401_moves_on_to_the_next_client_id_in_order()
    {
        using var h = new AuthHarness();
        var access = TestSecrets.Jwt(ClientIds[2], h.Clock.GetUtcNow().AddHours(20));
        h.OnSequence(HttpMethod.Post, AuthHarness.DiAuthUrl,
            _ => AuthHarness.OAuthError(HttpStatusCode.BadRequest, "invalid_client"),
            _ => new HttpResponseMessage(HttpStatusCode.Unauthorized),
            _ => AuthHarness.DiToken(access, TestSecrets.Opaque("refresh")));

        var token = await h.Authenticator().LoginWithTicketAsync(TestSecrets.Ticket());

        Assert.That(h.Requests.Select(r => r.Form["client_id"]), Is.EqualTo(ClientIds[..3]));
        Assert.That(h.Requests.Select(r => r.Header("Authorization")), Is.EqualTo(ClientIds[..3].Select(id => "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(id + ":")))));
        Assert.That(token.Extras[GarminTokenExtras.DiClientId], Is.EqualTo(ClientIds[2]));
    }

    [Test]
    public async Task The_stored_client_id_is_the_one_the_access_token_names()
    {
        using var h = new AuthHarness();
        h.On(HttpMethod.Post, AuthHarness.DiAuthUrl, _ => AuthHarness.DiToken(TestSecrets.Jwt("GARMIN_CONNECT_MOBILE_ANDROID_DI_2099Q1", h.Clock.GetUtcNow().AddHours(1)), "r"));

        var token = await h.Authenticator().LoginWithTicketAsync(TestSecrets.Ticket());

        Assert.That(token.Extras[GarminTokenExtras.DiClientId], Is.EqualTo("GARMIN_CONNECT_MOBILE_ANDROID_DI_2099Q1"));
    }

    [Test]
    public async Task When_every_client_id_is_refused_the_user_is_told_tickets_expire_within_seconds()
    {
        using var h = new AuthHarness();
        var ticket = TestSecrets.Ticket();
        h.On(HttpMethod.Post, AuthHarness.DiAuthUrl, _ => AuthHarness.OAuthError(HttpStatusCode.BadRequest, "invalid_grant", "Invalid service ticket"));

        var ex = Assert.ThrowsAsync<AuthenticationRequiredException>(() => h.Authenticator().LoginWithTicketAsync(ticket));

        Assert.That(h.Requests.Select(r => r.Form["client_id"]), Is.EqualTo(ClientIds));
        Assert.That(ex!.Message, Does.Contain("expires within seconds").And.Contain("serviceTicketId").And.Contain("developer tools"));
        Assert.That(ex.Message, Does.Not.Contain(ticket));
        Assert.That(ex.ErrorCode, Is.EqualTo("invalid_grant"));
        Assert.That(ex.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await h.StoredTokenAsync(), Is.Null);
    }

    [Test]
    public async Task A_429_stops_at_once_with_a_rate_limit_exception()
    {
        using var h = new AuthHarness();
        h.On(HttpMethod.Post, AuthHarness.DiAuthUrl, _ => new HttpResponseMessage(HttpStatusCode.TooManyRequests));

        var ex = Assert.ThrowsAsync<RateLimitExceededException>(() => h.Authenticator().LoginWithTicketAsync(TestSecrets.Ticket()));

        Assert.That(h.Requests, Has.Count.EqualTo(1));
        Assert.That(ex!.ResumeAt, Is.GreaterThanOrEqualTo(h.Clock.GetUtcNow().AddHours(1)));
        Assert.That(ex.Window, Is.EqualTo("garmin-diauth"));
        Assert.That(await h.StoredTokenAsync(), Is.Null);
    }

    [TestCase(HttpStatusCode.InternalServerError)]
    [TestCase(HttpStatusCode.BadGateway)]
    [TestCase(HttpStatusCode.ServiceUnavailable)]
    public void A_5xx_stops_at_once_without_trying_other_client_ids(HttpStatusCode status)
    {
        using var h = new AuthHarness();
        h.On(HttpMethod.Post, AuthHarness.DiAuthUrl, _ => new HttpResponseMessage(status));

        Assert.ThrowsAsync<ServiceUnavailableException>(() => h.Authenticator().LoginWithTicketAsync(TestSecrets.Ticket()));
        Assert.That(h.Requests, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task The_service_url_and_client_ids_are_configurable()
    {
        using var h = new AuthHarness();
        h.On(HttpMethod.Post, AuthHarness.DiAuthUrl, _ => AuthHarness.DiToken(TestSecrets.Jwt("MY_ID", h.Clock.GetUtcNow().AddHours(1)), "r"));

        await h.Authenticator(o =>
        {
            o.ServiceUrl = new Uri("https://sso.garmin.com/sso/embed");
            o.DiClientIds = ["MY_ID"];
        }).LoginWithTicketAsync(TestSecrets.Ticket());

        Assert.That(h.Requests.Single().Form["service_url"], Is.EqualTo("https://sso.garmin.com/sso/embed"));
        Assert.That(h.Requests.Single().Form["client_id"], Is.EqualTo("MY_ID"));
    }

    [Test]
    public async Task Chinese_accounts_use_diauth_and_the_service_url_on_garmin_cn()
    {
        using var h = new AuthHarness(GarminDomains.China);
        h.On(HttpMethod.Post, "https://diauth.garmin.cn/di-oauth2-service/oauth/token", _ => AuthHarness.DiToken(TestSecrets.Jwt(ClientIds[0], h.Clock.GetUtcNow().AddHours(1)), "r"));

        var token = await h.Authenticator().LoginWithTicketAsync(TestSecrets.Ticket());

        Assert.That(h.Requests.Single().Form["service_url"], Is.EqualTo("https://mobile.integration.garmin.cn/gcm/ios"));
        Assert.That(token.Extras[GarminTokenExtras.Domain], Is.EqualTo("garmin.cn"));
    }

    [Test]
    public async Task Pasted_tickets_lose_surrounding_white_space_and_quotes()
    {
        using var h = new AuthHarness();
        var ticket = TestSecrets.Ticket();
        h.On(HttpMethod.Post, AuthHarness.DiAuthUrl, _ => AuthHarness.DiToken(TestSecrets.Jwt(ClientIds[0], h.Clock.GetUtcNow().AddHours(1)), "r"));

        await h.Authenticator().LoginWithTicketAsync($"  \"{ticket}\"\n");

        Assert.That(h.Requests.Single().Form["service_ticket"], Is.EqualTo(ticket));
    }

    [TestCase("")]
    [TestCase("   ")]
    [TestCase("hunter2-my-password")]
    [TestCase("TGT-12345-abcdefghijkl-cas")]
    [TestCase("ST-123 456")]
    public void Text_that_is_not_a_ticket_is_refused_before_any_request_without_being_repeated(string text)
    {
        using var h = new AuthHarness();

        var ex = Assert.ThrowsAsync<ArgumentException>(() => h.Authenticator().LoginWithTicketAsync(text));

        Assert.That(h.Requests, Is.Empty);
        Assert.That(ex!.ParamName, Is.EqualTo("ticket"));
        if (text.Trim().Length > 0)
        {
            Assert.That(ex.Message, Does.Not.Contain(text.Trim()));
        }

        Assert.That(ex.Message, Does.Contain("ST-"));
    }
}
