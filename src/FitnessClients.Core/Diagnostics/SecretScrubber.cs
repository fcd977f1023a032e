using System.Text.RegularExpressions;

namespace FitnessClients.Core.Diagnostics;

/// <summary>
/// Removes secrets from text before it reaches a log line or an exception message: bearer and OAuth tokens,
/// refresh tokens, Garmin service tickets, passwords, authorization codes, client secrets, cookies, MFA codes
/// and JWTs. Every message the SDK builds from request or response data passes through here.
/// </summary>
/// <example>
/// <code>
/// SecretScrubber.Scrub("refresh_token=abc123&amp;client_id=42") // "refresh_token=***&amp;client_id=42"
/// </code>
/// </example>
public static partial class SecretScrubber
{
    /// <summary>What replaces a secret value.</summary>
    public const string Mask = "***";

    // Parameter and field names whose values are secrets wherever they appear: query strings, form bodies,
    // JSON bodies and headers. Matched case-insensitively, with '-' and '_' variants.
    private static readonly string[] SecretNames =
    [
        "access_token", "refresh_token", "id_token", "token", "ticket", "service_ticket", "password", "passwd", "pwd",
        "code", "client_secret", "secret", "oauth_token", "oauth_token_secret", "oauth_signature", "oauth_verifier",
        "code_verifier", "mfa_code", "mfaCode", "verificationCode", "cookie", "set-cookie", "authorization",
        "api_key", "apikey", "session", "sessionid", "jwt", "jwt_token", "strava_remember_token", "remember_token",
        "consumer_secret", "csrf", "_csrf", "assertion",
    ];

    private static readonly HashSet<string> SecretNameSet = new(SecretNames.Select(Normalize), StringComparer.Ordinal);

    /// <summary>Whether a query, form, JSON or header name holds a secret value.</summary>
    /// <param name="name">The name, in any case, with <c>-</c> or <c>_</c>.</param>
    public static bool IsSecretName(string name) => SecretNameSet.Contains(Normalize(name));

    /// <summary>Returns <paramref name="text"/> with every recognised secret value replaced by <see cref="Mask"/>.</summary>
    /// <param name="text">Any text: a URL, a form or JSON body, a header dump, an exception message.</param>
    public static string Scrub(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? string.Empty;
        }

        var result = JsonSecretPattern().Replace(text, m => IsSecretName(m.Groups["name"].Value) ? $"{m.Groups["prefix"].Value}{Mask}\"" : m.Value);
        result = PairSecretPattern().Replace(result, m => IsSecretName(m.Groups["name"].Value) ? $"{m.Groups["prefix"].Value}{Mask}" : m.Value);
        result = AuthorizationPattern().Replace(result, m => $"{m.Groups["scheme"].Value} {Mask}");
        result = CookieHeaderPattern().Replace(result, m => $"{m.Groups["name"].Value}: {Mask}");
        result = JwtPattern().Replace(result, Mask);
        result = GarminTicketPattern().Replace(result, "ST-" + Mask);
        return result;
    }

    /// <summary>Returns <paramref name="uri"/> with the values of secret query parameters replaced by <see cref="Mask"/>, and any user info removed.</summary>
    /// <param name="uri">The request URI.</param>
    public static Uri? ScrubUri(Uri? uri)
    {
        if (uri is null || !uri.IsAbsoluteUri)
        {
            return uri is null ? null : new Uri(Scrub(uri.OriginalString), UriKind.RelativeOrAbsolute);
        }

        var builder = new UriBuilder(uri) { UserName = string.Empty, Password = string.Empty };
        if (!string.IsNullOrEmpty(builder.Query))
        {
            builder.Query = PairSecretPattern().Replace(builder.Query.TrimStart('?'), m => IsSecretName(m.Groups["name"].Value) ? $"{m.Groups["prefix"].Value}{Mask}" : m.Value);
        }

        return builder.Uri;
    }

    private static string Normalize(string name) => name.Trim().Replace('-', '_').ToUpperInvariant();

    // "name": "value"  (JSON string values)
    [GeneratedRegex("""(?<prefix>"(?<name>[A-Za-z0-9_\-]+)"\s*:\s*")(?:[^"\\]|\\.)*"?""", RegexOptions.CultureInvariant)]
    private static partial Regex JsonSecretPattern();

    // name=value in query strings, form bodies and free text, ended by & ; whitespace , or a quote
    [GeneratedRegex("""(?<prefix>(?<![A-Za-z0-9_\-])(?<name>[A-Za-z0-9_\-]+)\s*=\s*)(?!\*\*\*)[^&;\s,"'<>]+""", RegexOptions.CultureInvariant)]
    private static partial Regex PairSecretPattern();

    // Authorization: Bearer xyz / Basic xyz / OAuth ...
    [GeneratedRegex("""(?<scheme>\b(?:Bearer|Basic|OAuth|Token))\s+(?!\*\*\*)[^\s,"']+""", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex AuthorizationPattern();

    // Cookie: a=b; c=d  and  Set-Cookie: ... (the whole header value)
    [GeneratedRegex("""(?<name>\b(?:Set-)?Cookie)\s*:\s*[^\r\n]*""", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex CookieHeaderPattern();

    // Three base64url segments starting with a JSON header ("eyJ"): a JWT in any position.
    [GeneratedRegex("""eyJ[A-Za-z0-9_\-]{5,}\.[A-Za-z0-9_\-]{5,}\.[A-Za-z0-9_\-]*""", RegexOptions.CultureInvariant)]
    private static partial Regex JwtPattern();

    // Garmin CAS service tickets: ST-0123456-AbCdEf...-cas
    [GeneratedRegex("""\bST-[0-9]+-[A-Za-z0-9\-]+""", RegexOptions.CultureInvariant)]
    private static partial Regex GarminTicketPattern();
}
