using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FitnessClients.Testing;

namespace FitnessClients.Testing.Tests.Garmin;

public class GarminSsoTests
{
    private const string Credentials = """{"username":"athlete@example.com","password":"correct-horse-battery-staple","rememberMe":true,"captchaToken":""}""";

    [Test]
    public async Task A_successful_login_returns_a_ticket_diauth_accepts()
    {
        var emulator = GarminTestSupport.Create(5);
        using var http = emulator.CreateClient();

        using var login = await http.SendAsync(GarminTestSupport.SsoJson(GarminTestSupport.SsoLogin, Credentials));
        var body = await login.Content.ReadFromJsonAsync<JsonObject>();

        Assert.That(login.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(body!["responseStatus"]!["type"]!.GetValue<string>(), Is.EqualTo("SUCCESSFUL"));
        Assert.That(body["serviceURL"]!.GetValue<string>(), Is.EqualTo(GarminTestSupport.MobileService));
        var ticket = body["serviceTicketId"]!.GetValue<string>();
        using var exchange = await http.SendAsync(GarminTestSupport.TicketExchange(GarminTestSupport.AcceptedClientId, ticket));
        Assert.That(exchange.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(emulator.Sso.SuccessfulLogins, Is.EqualTo(1));
    }

    [Test]
    public async Task Wrong_credentials_are_401_invalid_username_password()
    {
        var emulator = GarminTestSupport.Create(5);
        using var http = emulator.CreateClient();

        using var login = await http.SendAsync(GarminTestSupport.SsoJson(GarminTestSupport.SsoLogin, Credentials.Replace("battery", "nope", StringComparison.Ordinal)));
        var body = await login.Content.ReadFromJsonAsync<JsonObject>();

        Assert.That(login.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(body!["responseStatus"]!["type"]!.GetValue<string>(), Is.EqualTo("INVALID_USERNAME_PASSWORD"));
        Assert.That(body["serviceTicketId"], Is.Null);
    }

    [Test]
    public async Task Mfa_needs_the_session_cookie_and_the_emailed_code()
    {
        var emulator = GarminTestSupport.Create(5, configure: o => o.MfaEnabled = true);
        using var http = emulator.CreateClient(); // in process: this test carries the cookie itself

        using var login = await http.SendAsync(GarminTestSupport.SsoJson(GarminTestSupport.SsoLogin, Credentials));
        var body = await login.Content.ReadFromJsonAsync<JsonObject>();
        Assert.That(body!["responseStatus"]!["type"]!.GetValue<string>(), Is.EqualTo("MFA_REQUIRED"));
        Assert.That(body["customerMfaInfo"]!["mfaLastMethodUsed"]!.GetValue<string>(), Is.EqualTo("email"));
        Assert.That(body["serviceTicketId"], Is.Null);
        var cookie = login.Headers.GetValues("Set-Cookie").Single();
        Assert.That(cookie, Does.StartWith($"{GarminSsoEmulator.SessionCookieName}=").And.Contain("Path=/"));
        var code = emulator.Sso.LastMfaCode!;
        Assert.That(code, Does.Match("^[0-9]{6}$"));
        var verify = $$"""{"mfaMethod":"email","mfaVerificationCode":"{{code}}","rememberMyBrowser":true,"reconsentList":[],"mfaSetup":false}""";

        using var withoutCookie = await http.SendAsync(GarminTestSupport.SsoJson(GarminTestSupport.SsoVerify, verify));
        Assert.That(withoutCookie.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));

        var wrongCode = GarminTestSupport.SsoJson(GarminTestSupport.SsoVerify, verify.Replace(code, code == "000000" ? "111111" : "000000", StringComparison.Ordinal));
        wrongCode.Headers.Add("Cookie", cookie.Split(';')[0]);
        using var wrong = await http.SendAsync(wrongCode);
        Assert.That(wrong.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));

        var right = GarminTestSupport.SsoJson(GarminTestSupport.SsoVerify, verify);
        right.Headers.Add("Cookie", cookie.Split(';')[0]);
        using var verified = await http.SendAsync(right);
        var success = await verified.Content.ReadFromJsonAsync<JsonObject>();
        Assert.That(verified.StatusCode, Is.EqualTo(HttpStatusCode.OK), "a wrong code keeps the session for another try");
        Assert.That(success!["responseStatus"]!["type"]!.GetValue<string>(), Is.EqualTo("SUCCESSFUL"));
        using var exchange = await http.SendAsync(GarminTestSupport.TicketExchange(GarminTestSupport.AcceptedClientId, success["serviceTicketId"]!.GetValue<string>()));
        Assert.That(exchange.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Mfa_over_loopback_with_a_cookie_container_and_a_fixed_code()
    {
        var emulator = GarminTestSupport.Create(5, configure: o => o.MfaEnabled = true);
        emulator.Sso.MfaCode = "424242";
        await using var server = await emulator.StartLoopbackAsync();
        using var http = new HttpClient(new SocketsHttpHandler { CookieContainer = new CookieContainer(), UseCookies = true });
        var login = new Uri(server.BaseAddress, GarminTestSupport.SsoLogin.PathAndQuery);
        var verify = new Uri(server.BaseAddress, GarminTestSupport.SsoVerify.PathAndQuery);

        using var first = await http.SendAsync(GarminTestSupport.SsoJson(login, Credentials));
        using var second = await http.SendAsync(GarminTestSupport.SsoJson(verify, """{"mfaMethod":"email","mfaVerificationCode":"424242","rememberMyBrowser":true,"reconsentList":[],"mfaSetup":false}"""));
        var body = await second.Content.ReadFromJsonAsync<JsonObject>();

        Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(body!["serviceTicketId"]!.GetValue<string>(), Does.StartWith("ST-"));
        Assert.That(emulator.Sso.LastMfaCode, Is.EqualTo("424242"));
    }

    [Test]
    public async Task Blocking_modes()
    {
        var emulator = GarminTestSupport.Create(5);
        using var http = emulator.CreateClient();

        emulator.Sso.Mode = GarminSsoMode.RateLimited;
        using var limited = await http.SendAsync(GarminTestSupport.SsoJson(GarminTestSupport.SsoLogin, Credentials));
        Assert.That(limited.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That(limited.Content.Headers.ContentType!.MediaType, Is.EqualTo("text/html"));
        Assert.That(await limited.Content.ReadAsStringAsync(), Does.Contain("<title>Access denied | sso.garmin.com used Cloudflare to restrict access</title>"));

        emulator.Sso.Mode = GarminSsoMode.RateLimitedJson;
        using var limitedJson = await http.SendAsync(GarminTestSupport.SsoJson(GarminTestSupport.SsoLogin, Credentials));
        Assert.That(limitedJson.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That((await limitedJson.Content.ReadFromJsonAsync<JsonObject>())!["error"]!["status-code"]!.GetValue<string>(), Is.EqualTo("429"));

        emulator.Sso.Mode = GarminSsoMode.CloudflareChallenge;
        using var challenge = await http.SendAsync(GarminTestSupport.SsoJson(GarminTestSupport.SsoVerify, "{}"));
        Assert.That(challenge.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(await challenge.Content.ReadAsStringAsync(), Does.Contain("<title>Just a moment...</title>"));

        emulator.Sso.Mode = GarminSsoMode.CaptchaRequired;
        using var captcha = await http.SendAsync(GarminTestSupport.SsoJson(GarminTestSupport.SsoLogin, Credentials));
        Assert.That((await captcha.Content.ReadFromJsonAsync<JsonObject>())!["responseStatus"]!["type"]!.GetValue<string>(), Is.EqualTo("CAPTCHA_REQUIRED"));

        Assert.That(emulator.Sso.LoginAttempts, Is.EqualTo(3));
        Assert.That(emulator.Sso.SuccessfulLogins, Is.Zero);
        Assert.That(emulator.ServiceTicketExchanges, Is.Zero);
    }
}
