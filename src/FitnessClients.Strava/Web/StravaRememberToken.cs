using System.Buffers.Text;
using System.Globalization;
using System.Text.Json;

namespace FitnessClients.Strava.Web;

/// <summary>
/// What can be read from the <c>strava_remember_token</c> cookie without verifying it: a JWT whose payload holds the
/// expiry (<c>exp</c>) and the athlete id (<c>sub</c>). The payload is base64url without padding; decoding it as plain
/// base64 is the bug that broke strava-backup.
/// </summary>
public sealed record StravaRememberToken
{
    /// <summary>When the cookie stops working (Strava issues it for about 30 days); <see langword="null"/> when the cookie carries no <c>exp</c>.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>The athlete id the session belongs to (the JWT's <c>sub</c>), sent as <c>strava_remember_id</c>.</summary>
    public string? AthleteId { get; init; }

    /// <summary>Reads the claims; the cookie itself is not kept here and never appears in a message.</summary>
    /// <exception cref="ArgumentException">The value is not a JWT (three dot-separated base64url parts with a JSON payload).</exception>
    public static StravaRememberToken Parse(string cookieValue)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(cookieValue);
        var parts = cookieValue.Trim().Split('.');
        if (parts.Length != 3 || parts[1].Length == 0)
        {
            throw new ArgumentException("The strava_remember_token value is not a JWT (it should have three parts separated by dots). Copy the whole value of the cookie from the browser's developer tools.", nameof(cookieValue));
        }

        byte[] payload;
        try
        {
            payload = Base64Url.DecodeFromChars(parts[1].TrimEnd('='));
        }
        catch (FormatException)
        {
            throw new ArgumentException("The strava_remember_token value's middle part is not base64url. Copy the whole value of the cookie again.", nameof(cookieValue));
        }

        try
        {
            using var document = JsonDocument.Parse(payload);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new JsonException();
            }

            return new StravaRememberToken { ExpiresAt = ReadExpiry(root), AthleteId = ReadSubject(root) };
        }
        catch (JsonException)
        {
            throw new ArgumentException("The strava_remember_token value's payload is not a JSON object. Copy the whole value of the cookie again.", nameof(cookieValue));
        }
    }

    private static DateTimeOffset? ReadExpiry(JsonElement root)
    {
        if (!root.TryGetProperty("exp", out var exp))
        {
            return null;
        }

        if (exp.ValueKind == JsonValueKind.Number && exp.TryGetDouble(out var seconds))
        {
            return DateTimeOffset.FromUnixTimeSeconds((long)Math.Floor(seconds));
        }

        return exp.ValueKind == JsonValueKind.String && long.TryParse(exp.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var text)
            ? DateTimeOffset.FromUnixTimeSeconds(text)
            : null;
    }

    private static string? ReadSubject(JsonElement root)
    {
        if (!root.TryGetProperty("sub", out var sub))
        {
            return null;
        }

        return sub.ValueKind switch
        {
            JsonValueKind.String when !string.IsNullOrWhiteSpace(sub.GetString()) => sub.GetString()!.Trim(),
            JsonValueKind.Number => sub.GetRawText(),
            _ => null,
        };
    }
}
