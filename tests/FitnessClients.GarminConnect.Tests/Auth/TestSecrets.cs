using System.Buffers.Text;
using System.Text;
using System.Text.Json.Nodes;

namespace FitnessClients.GarminConnect.Tests.Auth;

/// <summary>
/// Builds secrets at run time (tickets, JWTs, passwords), each unique and easy to search for in messages. The test
/// files hold no literal ticket or JWT, so nothing here looks like a leaked credential.
/// </summary>
internal static class TestSecrets
{
    private static int _counter;

    /// <summary>A ticket shaped like Garmin's (<c>ST-</c>, digits, <c>-</c>, letters, <c>-sso</c>).</summary>
    public static string Ticket()
    {
        var n = Interlocked.Increment(ref _counter);
        return string.Concat("ST", "-", (4000000 + n).ToString(System.Globalization.CultureInfo.InvariantCulture), "-", "TkT", Guid.NewGuid().ToString("N")[..17], "-sso");
    }

    /// <summary>A DI access token: an unsigned JWT with the <c>client_id</c> and <c>exp</c> claims Garmin's carry.</summary>
    public static string Jwt(string clientId, DateTimeOffset expiresAt)
    {
        var header = new JsonObject { ["alg"] = "RS256", ["typ"] = "JWT" };
        var payload = new JsonObject
        {
            ["client_id"] = clientId,
            ["exp"] = expiresAt.ToUnixTimeSeconds(),
            ["jti"] = Guid.NewGuid().ToString(),
        };
        return string.Join('.', Encode(header.ToJsonString()), Encode(payload.ToJsonString()), Encode("sig-" + Guid.NewGuid().ToString("N")));
    }

    /// <summary>An opaque secret with a recognisable prefix.</summary>
    public static string Opaque(string prefix) => $"{prefix}-{Guid.NewGuid():N}";

    private static string Encode(string text) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(text));
}
