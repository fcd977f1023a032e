using System.Buffers.Text;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FitnessClients.Testing;

namespace FitnessClients.Testing.Tests.Garmin;

public class GarminDiAuthTests
{
    [Test]
    public async Task Data_routes_need_a_live_bearer_token()
    {
        var clock = new FakeTimeProvider(FakeTimeDefaults.Start);
        var emulator = GarminTestSupport.Create(5, clock);
        using var http = emulator.CreateClient();

        using var anonymous = await http.GetAsync("userprofile-service/socialProfile");
        Assert.That(anonymous.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(anonymous.Headers.WwwAuthenticate.ToString(), Is.EqualTo("Bearer error=\"invalid_token\", error_description=\"Token is not active\""));

        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", emulator.IssueTokens().AccessToken);
        using var ok = await http.GetAsync("userprofile-service/socialProfile");
        Assert.That(ok.StatusCode, Is.EqualTo(HttpStatusCode.OK));

        clock.Advance(TimeSpan.FromHours(24));
        using var expired = await http.GetAsync("userprofile-service/socialProfile");
        Assert.That(expired.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));

        emulator.RequireAuthentication = false;
        http.DefaultRequestHeaders.Authorization = null;
        using var open = await http.GetAsync("userprofile-service/socialProfile");
        Assert.That(open.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Ticket_exchange_falls_back_over_client_ids_then_refresh_rotates_until_invalid_grant()
    {
        var clock = new FakeTimeProvider(FakeTimeDefaults.Start);
        var emulator = GarminTestSupport.Create(5, clock);
        using var http = emulator.CreateClient();
        var ticket = emulator.IssueServiceTicket(GarminTestSupport.MobileService);

        using var rejected = await http.SendAsync(GarminTestSupport.TicketExchange(GarminTestSupport.RejectedClientId, ticket));
        var rejectedBody = await rejected.Content.ReadFromJsonAsync<JsonObject>();
        Assert.That(rejected.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(rejectedBody!["error"]!.GetValue<string>(), Is.EqualTo("invalid_client"));

        using var accepted = await http.SendAsync(GarminTestSupport.TicketExchange(GarminTestSupport.AcceptedClientId, ticket));
        var tokens = await accepted.Content.ReadFromJsonAsync<JsonObject>();
        Assert.That(accepted.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the ticket survives a rejected client id");
        Assert.That(tokens!["token_type"]!.GetValue<string>(), Is.EqualTo("Bearer"));
        Assert.That(tokens["expires_in"]!.GetValue<long>(), Is.EqualTo(86_400));
        Assert.That(tokens["refresh_token_expires_in"]!.GetValue<long>(), Is.EqualTo(2_591_999));
        Assert.That(tokens["scope"]!.GetValue<string>(), Does.Contain("CONNECT_READ"));
        var access = tokens["access_token"]!.GetValue<string>();
        var claims = Claims(access);
        Assert.That(claims["client_id"]!.GetValue<string>(), Is.EqualTo(GarminTestSupport.AcceptedClientId));
        Assert.That(claims["exp"]!.GetValue<long>(), Is.EqualTo(clock.GetUtcNow().AddHours(24).ToUnixTimeSeconds()));
        Assert.That(tokens["jti"]!.GetValue<string>(), Is.EqualTo(claims["jti"]!.GetValue<string>()));
        Assert.That(emulator.ServiceTicketExchanges, Is.EqualTo(1));

        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", access);
        using var profile = await http.GetAsync("userprofile-service/socialProfile");
        Assert.That(profile.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        http.DefaultRequestHeaders.Authorization = null;

        var refresh1 = tokens["refresh_token"]!.GetValue<string>();
        using var refreshed = await http.SendAsync(GarminTestSupport.Refresh(GarminTestSupport.AcceptedClientId, refresh1));
        var rotated = await refreshed.Content.ReadFromJsonAsync<JsonObject>();
        Assert.That(refreshed.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var refresh2 = rotated!["refresh_token"]!.GetValue<string>();
        Assert.That(refresh2, Is.Not.EqualTo(refresh1));
        Assert.That(rotated["access_token"]!.GetValue<string>(), Is.Not.EqualTo(access));

        using var reused = await http.SendAsync(GarminTestSupport.Refresh(GarminTestSupport.AcceptedClientId, refresh1));
        var reusedBody = await reused.Content.ReadFromJsonAsync<JsonObject>();
        Assert.That(reused.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(reusedBody!["error"]!.GetValue<string>(), Is.EqualTo("invalid_grant"));
        Assert.That(reusedBody["error_description"]!.GetValue<string>(), Does.StartWith("Invalid refresh token: "));
        Assert.That(reusedBody.ToJsonString(), Does.Not.Contain(refresh1));

        clock.Advance(TimeSpan.FromDays(30));
        using var dead = await http.SendAsync(GarminTestSupport.Refresh(GarminTestSupport.AcceptedClientId, refresh2));
        Assert.That(dead.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), "refresh tokens live 30 days");
    }

    [Test]
    public async Task Tickets_work_once_for_their_service_and_expire()
    {
        var clock = new FakeTimeProvider(FakeTimeDefaults.Start);
        var emulator = GarminTestSupport.Create(5, clock);
        using var http = emulator.CreateClient();

        var ticket = emulator.IssueServiceTicket(GarminTestSupport.MobileService);
        Assert.That(await Exchange(http, ticket), Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await Exchange(http, ticket), Is.EqualTo(HttpStatusCode.BadRequest), "single use");

        var other = emulator.IssueServiceTicket(GarminTestSupport.MobileService);
        Assert.That(await Exchange(http, other, "https://sso.garmin.com/sso/embed"), Is.EqualTo(HttpStatusCode.BadRequest), "bound to its service");

        var late = emulator.IssueServiceTicket();
        clock.Advance(TimeSpan.FromSeconds(31));
        Assert.That(await Exchange(http, late), Is.EqualTo(HttpStatusCode.BadRequest), "expired");

        var unbound = emulator.IssueServiceTicket();
        Assert.That(await Exchange(http, unbound, "https://connect.garmin.com/app"), Is.EqualTo(HttpStatusCode.OK), "a ticket issued without a service is accepted for any");
        Assert.That(await Exchange(http, "ST-unknown"), Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(ticket, Does.StartWith("ST-").And.EndWith("-sso"));
    }

    [Test]
    public async Task Diauth_wants_basic_authentication_with_an_empty_secret()
    {
        var emulator = GarminTestSupport.Create(5);
        using var http = emulator.CreateClient();
        var request = GarminTestSupport.TicketExchange(GarminTestSupport.AcceptedClientId, emulator.IssueServiceTicket());
        request.Headers.Authorization = null;

        using var response = await http.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((await response.Content.ReadFromJsonAsync<JsonObject>())!["error"]!.GetValue<string>(), Is.EqualTo("invalid_client"));
    }

    [Test]
    public async Task The_accepted_client_ids_are_configurable()
    {
        var emulator = GarminTestSupport.Create(5, configure: o =>
        {
            o.AcceptedDiClientIds.Clear();
            o.AcceptedDiClientIds.Add(GarminTestSupport.RejectedClientId);
            o.RejectedClientStatus = HttpStatusCode.Unauthorized;
        });
        using var http = emulator.CreateClient();

        using var newest = await http.SendAsync(GarminTestSupport.TicketExchange(GarminTestSupport.RejectedClientId, emulator.IssueServiceTicket()));
        using var older = await http.SendAsync(GarminTestSupport.TicketExchange(GarminTestSupport.AcceptedClientId, emulator.IssueServiceTicket()));

        Assert.That(newest.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(older.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(Claims(emulator.IssueTokens().AccessToken)["client_id"]!.GetValue<string>(), Is.EqualTo(GarminTestSupport.RejectedClientId));
    }

    internal static JsonObject Claims(string jwt)
    {
        var parts = jwt.Split('.');
        Assert.That(parts, Has.Length.EqualTo(3));
        return JsonNode.Parse(Base64Url.DecodeFromChars(parts[1]))!.AsObject();
    }

    private static async Task<HttpStatusCode> Exchange(HttpClient http, string ticket, string service = GarminTestSupport.MobileService)
    {
        using var response = await http.SendAsync(GarminTestSupport.TicketExchange(GarminTestSupport.AcceptedClientId, ticket, service));
        return response.StatusCode;
    }
}
