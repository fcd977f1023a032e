using System.Net;
using System.Text.Json.Nodes;
using FitnessClients.Core;
using FitnessClients.Core.Tokens;
using FitnessClients.GarminConnect.Auth;

namespace FitnessClients.GarminConnect.Tests.Auth;

/// <summary>Importing python-garminconnect's garmin_tokens.json in each form GARMINTOKENS accepts.</summary>
public class GarminConnectImportTests
{
    private const string ClientId = "GARMIN_CONNECT_MOBILE_ANDROID_DI_2025Q2";

    private static string TokenFile(string access, string refresh, string? clientId = ClientId)
    {
        var json = new JsonObject { ["di_token"] = access, ["di_refresh_token"] = refresh };
        if (clientId is not null)
        {
            json["di_client_id"] = clientId;
        }

        return json.ToJsonString();
    }

    [Test]
    public async Task A_directory_containing_garmin_tokens_json_is_imported()
    {
        using var h = new AuthHarness();
        using var folder = new TempFolder();
        var expiry = h.Clock.GetUtcNow().AddHours(20);
        var access = TestSecrets.Jwt(ClientId, expiry);
        var refresh = TestSecrets.Opaque("refresh");
        folder.Write("garmin_tokens.json", TokenFile(access, refresh));

        var token = await h.Authenticator().ImportGarminConnectTokensAsync(folder.Path);

        Assert.That(token.AccessToken, Is.EqualTo(access));
        Assert.That(token.RefreshToken, Is.EqualTo(refresh));
        Assert.That(token.ExpiresAt, Is.EqualTo(DateTimeOffset.FromUnixTimeSeconds(expiry.ToUnixTimeSeconds())));
        Assert.That(token.Extras[GarminTokenExtras.DiClientId], Is.EqualTo(ClientId));
        Assert.That(token.Extras[GarminTokenExtras.Domain], Is.EqualTo("garmin.com"));
        Assert.That(token.Extras[GarminTokenExtras.Source], Is.EqualTo("garminconnect_import"));
        Assert.That(await h.StoredTokenAsync(), Is.EqualTo(token));
        Assert.That(h.Requests, Is.Empty, "a valid token is stored as it is");
    }

    [Test]
    public async Task A_json_file_path_is_imported()
    {
        using var h = new AuthHarness();
        using var folder = new TempFolder();
        var access = TestSecrets.Jwt(ClientId, h.Clock.GetUtcNow().AddHours(20));
        var file = folder.Write("elsewhere/my-tokens.json", TokenFile(access, "r"));

        var token = await h.Authenticator().ImportGarminConnectTokensAsync(file);

        Assert.That(token.AccessToken, Is.EqualTo(access));
    }

    [Test]
    public async Task Inline_json_is_imported_and_a_missing_client_id_is_read_from_the_jwt()
    {
        using var h = new AuthHarness();
        var access = TestSecrets.Jwt("GARMIN_CONNECT_MOBILE_IOS_DI", h.Clock.GetUtcNow().AddHours(20));

        var token = await h.Authenticator().ImportGarminConnectTokensAsync("  " + TokenFile(access, "r", clientId: null) + "\n");

        Assert.That(token.Extras[GarminTokenExtras.DiClientId], Is.EqualTo("GARMIN_CONNECT_MOBILE_IOS_DI"));
    }

    [Test]
    public async Task An_expired_token_is_refreshed_at_diauth_before_it_is_stored()
    {
        using var h = new AuthHarness();
        var oldRefresh = TestSecrets.Opaque("old-refresh");
        var newAccess = TestSecrets.Jwt(ClientId, h.Clock.GetUtcNow().AddHours(24));
        var newRefresh = TestSecrets.Opaque("new-refresh");
        h.On(HttpMethod.Post, AuthHarness.DiAuthUrl, _ => AuthHarness.DiToken(newAccess, newRefresh));

        var token = await h.Authenticator().ImportGarminConnectTokensAsync(TokenFile(TestSecrets.Jwt(ClientId, h.Clock.GetUtcNow().AddHours(-1)), oldRefresh));

        var request = h.Requests.Single();
        Assert.That(request.Form, Is.EquivalentTo(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["refresh_token"] = oldRefresh,
            ["client_id"] = ClientId,
        }));
        Assert.That(request.Header("Authorization"), Is.EqualTo("Basic " + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(ClientId + ":"))));
        Assert.That(token.AccessToken, Is.EqualTo(newAccess));
        Assert.That(token.RefreshToken, Is.EqualTo(newRefresh));
        Assert.That((await h.StoredTokenAsync())!.RefreshToken, Is.EqualTo(newRefresh));
    }

    [Test]
    public void A_location_with_nothing_there_is_reported_without_repeating_it()
    {
        using var h = new AuthHarness();
        var mistypedJson = "di_token: " + TestSecrets.Opaque("secret");

        var ex = Assert.ThrowsAsync<FileNotFoundException>(() => h.Authenticator().ImportGarminConnectTokensAsync(mistypedJson));

        Assert.That(ex!.Message, Does.Contain("garmin_tokens.json"));
        Assert.That(ex.Message + ex.FileName, Does.Not.Contain(mistypedJson));
    }

    [Test]
    public void Corrupt_json_is_reported_by_position_without_its_content()
    {
        using var h = new AuthHarness();
        using var folder = new TempFolder();
        var secret = TestSecrets.Opaque("secret");
        var file = folder.Write("garmin_tokens.json", "{\"di_token\": \"" + secret + "\", \"di_refresh_token\": ");

        var ex = Assert.ThrowsAsync<TokenStoreException>(() => h.Authenticator().ImportGarminConnectTokensAsync(file));

        Assert.That(ex!.Message, Does.Contain("not valid JSON").And.Contain(file));
        Assert.That(ex.Path, Is.EqualTo(file));
        Assert.That(ex.ToString(), Does.Not.Contain(secret));
    }

    [TestCase("[]", "is not a JSON object")]
    [TestCase("{\"di_refresh_token\": \"x\"}", "has no di_token")]
    [TestCase("{\"oauth_token\": \"x\", \"oauth_token_secret\": \"y\"}", "garth")]
    public void Json_that_is_not_a_token_file_is_explained(string json, string expected)
    {
        using var h = new AuthHarness();

        var ex = Assert.ThrowsAsync<TokenStoreException>(() => h.Authenticator().ImportGarminConnectTokensAsync(json));

        Assert.That(ex!.Message, Does.Contain(expected));
        Assert.That(ex.Message, Does.Not.Contain("\"x\""));
    }

    [Test]
    public void An_expired_token_whose_refresh_token_is_dead_asks_to_sign_in_again()
    {
        using var h = new AuthHarness();
        h.On(HttpMethod.Post, AuthHarness.DiAuthUrl, _ => AuthHarness.OAuthError(HttpStatusCode.BadRequest, "invalid_grant", "Invalid refresh token: abc"));

        var ex = Assert.ThrowsAsync<AuthenticationRequiredException>(() =>
            h.Authenticator().ImportGarminConnectTokensAsync(TokenFile(TestSecrets.Jwt(ClientId, h.Clock.GetUtcNow().AddDays(-2)), TestSecrets.Opaque("dead"))));

        Assert.That(ex!.ErrorCode, Is.EqualTo("invalid_grant"));
    }
}
