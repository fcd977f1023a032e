using System.Text;
using System.Text.Json.Nodes;

namespace FitnessClients.GarminConnect.Tests.Auth;

/// <summary>garth session files with the shapes of the reference (§1.1), filled with run-time secrets.</summary>
internal sealed class GarthFixtures
{
    public GarthFixtures(DateTimeOffset now, bool expired = false, bool withMfa = true, string domain = "garmin.com")
    {
        OAuth1Token = TestSecrets.Opaque("o1token");
        OAuth1Secret = TestSecrets.Opaque("o1secret");
        MfaToken = withMfa ? TestSecrets.Opaque("MFA") : null;
        AccessToken = TestSecrets.Opaque("o2access");
        RefreshToken = TestSecrets.Opaque("o2refresh");
        ExpiresAt = expired ? now.AddHours(-3) : now.AddHours(20);
        OAuth1 = new JsonObject
        {
            ["oauth_token"] = OAuth1Token,
            ["oauth_token_secret"] = OAuth1Secret,
            ["mfa_token"] = MfaToken,
            ["mfa_expiration_timestamp"] = withMfa ? "2027-03-18T05:33:02" : null,
            ["domain"] = domain,
        };
        OAuth2 = new JsonObject
        {
            ["scope"] = "CONNECT_READ CONNECT_WRITE",
            ["jti"] = Guid.NewGuid().ToString(),
            ["token_type"] = "Bearer",
            ["access_token"] = AccessToken,
            ["refresh_token"] = RefreshToken,
            ["expires_in"] = 105487,
            ["expires_at"] = ExpiresAt.ToUnixTimeSeconds(),
            ["refresh_token_expires_in"] = 2591999,
            ["refresh_token_expires_at"] = now.AddDays(30).ToUnixTimeSeconds(),
        };
    }

    public string OAuth1Token { get; }

    public string OAuth1Secret { get; }

    public string? MfaToken { get; }

    public string AccessToken { get; }

    public string RefreshToken { get; }

    public DateTimeOffset ExpiresAt { get; }

    public JsonObject OAuth1 { get; }

    public JsonObject OAuth2 { get; }

    public string[] Secrets => new[] { OAuth1Token, OAuth1Secret, MfaToken, AccessToken, RefreshToken }.OfType<string>().ToArray();

    public void WriteTo(TempFolder folder)
    {
        folder.Write("oauth1_token.json", OAuth1.ToJsonString());
        folder.Write("oauth2_token.json", OAuth2.ToJsonString());
    }

    /// <summary>garth's <c>dumps()</c>: base64 of <c>[oauth1, oauth2]</c>.</summary>
    public string GarthToken(bool urlSafe = false, bool padding = true)
    {
        var text = Convert.ToBase64String(Encoding.UTF8.GetBytes(new JsonArray(OAuth1.DeepClone(), OAuth2.DeepClone()).ToJsonString()));
        if (urlSafe)
        {
            text = text.Replace('+', '-').Replace('/', '_');
        }

        return padding ? text : text.TrimEnd('=');
    }
}
