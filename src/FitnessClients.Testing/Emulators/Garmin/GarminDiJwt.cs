using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace FitnessClients.Testing;

/// <summary>
/// Makes DI access tokens shaped like Garmin's: <c>header.payload.signature</c> in base64url, the payload carrying
/// <c>client_id</c>, <c>exp</c>, <c>iat</c>, <c>jti</c>, <c>scope</c> and <c>garmin_guid</c>. The signature is random bytes:
/// clients decode the claims but never verify them, and the randomness keeps every token unique.
/// </summary>
internal static class GarminDiJwt
{
    public static string Create(OAuthAccessTokenInfo info, TimeSpan lifetime, string garminGuid)
    {
        var header = new JsonObject { ["alg"] = "RS256", ["typ"] = "JWT", ["kid"] = "di-oauth-signer-emulator" };
        var payload = new JsonObject
        {
            ["scope"] = new JsonArray([.. info.Scopes.Select(s => (JsonNode)s)]),
            ["iss"] = "https://diauth.garmin.com",
            ["revocation_eligibility"] = new JsonArray("GLOBAL_SIGNOUT"),
            ["client_type"] = "UNDEFINED",
            ["exp"] = info.ExpiresAt.ToUnixTimeSeconds(),
            ["iat"] = (info.ExpiresAt - lifetime).ToUnixTimeSeconds(),
            ["garmin_guid"] = garminGuid,
            ["jti"] = Guid.NewGuid().ToString("D"),
            ["client_id"] = info.ClientId,
        };
        return $"{Encode(header)}.{Encode(payload)}.{Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(64))}";
    }

    private static string Encode(JsonObject node) => Base64Url.EncodeToString(System.Text.Encoding.UTF8.GetBytes(node.ToJsonString()));
}
