using System.Buffers.Text;
using System.Text.Json;

namespace FitnessClients.GarminConnect.Auth;

/// <summary>
/// Reads the claims Garmin's DI access tokens carry (<c>client_id</c>, <c>exp</c>). The token is only decoded,
/// not verified: the client needs to know which DI client id to refresh with and when the token expires, and
/// the service verifies the signature itself.
/// </summary>
internal static class GarminJwt
{
    public static bool TryReadClaims(string token, out string? clientId, out DateTimeOffset? expiresAt)
    {
        clientId = null;
        expiresAt = null;
        var parts = token.Split('.');
        if (parts.Length != 3)
        {
            return false;
        }

        try
        {
            var payload = Base64Url.DecodeFromChars(parts[1]);
            using var document = JsonDocument.Parse(payload);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return false;
            }

            if (root.TryGetProperty("client_id", out var id) && id.ValueKind == JsonValueKind.String)
            {
                clientId = id.GetString();
            }

            if (root.TryGetProperty("exp", out var exp) && exp.TryGetInt64(out var seconds))
            {
                expiresAt = DateTimeOffset.FromUnixTimeSeconds(seconds);
            }

            return true;
        }
        catch (Exception ex) when (ex is FormatException or JsonException or ArgumentOutOfRangeException)
        {
            return false;
        }
    }
}
