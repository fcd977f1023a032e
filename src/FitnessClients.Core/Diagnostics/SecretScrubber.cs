using System.Text;
using System.Text.RegularExpressions;

namespace FitnessClients.Core.Diagnostics;

/// <summary>
/// Removes secrets from text before it reaches a log line or an exception message: bearer and OAuth tokens,
/// refresh tokens, Garmin service tickets, passwords, authorization and MFA codes, client secrets, cookies,
/// signatures and JWTs. Every message the SDK builds from request or response data passes through here.
/// </summary>
/// <remarks>
/// <para>
/// A value is masked when its <em>name</em> is a secret name (see <see cref="IsSecretName"/>) in any of the
/// shapes secrets travel in: query strings and form bodies (<c>code=…</c>), quoted parameters
/// (<c>oauth_token="…"</c>), JSON (<c>"refresh_token": "…"</c>, numbers too, and JSON escaped inside another
/// string), Python-style dicts (<c>'password': '…'</c>), XML elements and header lines
/// (<c>Authorization: …</c>, <c>Cookie: …</c>, <c>Set-Cookie: …</c>, masked to the end of the line).
/// Some secrets are recognised by their shape wherever they stand: JWTs (<c>eyJ…</c>), Garmin CAS tickets
/// (<c>ST-…</c>, <c>TGT-…</c>) and credentials after <c>Bearer</c> / <c>Basic</c>.
/// </para>
/// <para>
/// Not secrets, and left readable so errors stay useful: <c>state</c>, <c>client_id</c>, <c>scope</c>,
/// <c>redirect_uri</c>, <c>token_type</c>, <c>expires_in</c>, user names and ordinary field names.
/// </para>
/// </remarks>
/// <example>
/// <code>
/// SecretScrubber.Scrub("refresh_token=abc123&amp;client_id=42") // "refresh_token=***&amp;client_id=42"
/// </code>
/// </example>
public static partial class SecretScrubber
{
    /// <summary>What replaces a secret value.</summary>
    public const string Mask = "***";

    // Names whose values are secrets wherever they appear. Compared after Normalize (case and separators
    // ignored), so "mfa_code", "mfaCode" and "MFA-Code" are the same name.
    private static readonly string[] SecretNames =
    [
        "code", "auth_code", "authorization_code", "device_code", "user_code", "code_verifier",
        "mfa_code", "verification_code", "otp", "totp", "one_time_password",
        "password", "passwd", "pwd", "pass_phrase", "password_confirmation",
        "ticket", "service_ticket", "castgc",
        "authorization", "proxy_authorization",
        "jwt", "assertion", "client_assertion", "session", "sessionid",
        "csrf", "_csrf", "xsrf", "sig",
        "oauth_verifier",
    ];

    // A name ending in one of these (after Normalize) is a secret too: access_token, oauth_token_secret,
    // strava_remember_token, _strava4_session, JSESSIONID, oauth_signature, X-Amz-Signature, x-api-key, Set-Cookie.
    private static readonly string[] SecretSuffixes =
    [
        "TOKEN", "SECRET", "PASSWORD", "PASSWD", "SESSION", "SESSIONID", "TICKET", "SIGNATURE", "COOKIE", "APIKEY",
    ];

    private static readonly HashSet<string> SecretNameSet = new(SecretNames.Select(Normalize), StringComparer.Ordinal);

    /// <summary>Whether a query, form, JSON, cookie or header name holds a secret value.</summary>
    /// <param name="name">The name, in any case, with or without <c>-</c>, <c>_</c> or <c>.</c> separators.</param>
    /// <returns>
    /// <see langword="true"/> for the listed names (<c>code</c>, <c>password</c>, <c>ticket</c>, <c>mfa_code</c>,
    /// <c>verificationCode</c>, <c>authorization</c>, …) and for every name ending in <c>token</c>, <c>secret</c>,
    /// <c>password</c>, <c>session</c>, <c>sessionid</c>, <c>ticket</c>, <c>signature</c>, <c>cookie</c> or <c>apikey</c>.
    /// </returns>
    public static bool IsSecretName(string name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return false;
        }

        var normalized = Normalize(name);
        if (normalized.Length == 0)
        {
            return false;
        }

        if (SecretNameSet.Contains(normalized))
        {
            return true;
        }

        foreach (var suffix in SecretSuffixes)
        {
            if (normalized.EndsWith(suffix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Returns <paramref name="text"/> with every recognised secret value replaced by <see cref="Mask"/>.</summary>
    /// <param name="text">Any text: a URL, a form or JSON body, a header dump, an exception message.</param>
    /// <returns>The scrubbed text; an empty string for <see langword="null"/>.</returns>
    public static string Scrub(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? string.Empty;
        }

        // Order matters: the quoted forms first (they know where a value ends, even one with spaces or escaped
        // quotes), then the looser name=value and header-line forms, then the shape-based patterns.
        var result = EscapedJsonPattern().Replace(text, m => MaskIfSecret(m, "\\\""));
        result = JsonStringPattern().Replace(result, m => MaskIfSecret(m, "\""));
        result = JsonNumberPattern().Replace(result, m => MaskIfSecret(m, string.Empty));
        result = SingleQuotedPattern().Replace(result, m => MaskIfSecret(m, "'"));
        result = XmlElementPattern().Replace(result, m => IsSecretName(m.Groups["name"].Value) ? $"<{m.Groups["name"].Value}>{Mask}</{m.Groups["name"].Value}>" : m.Value);
        result = PairPattern().Replace(result, MaskPair);
        result = HeaderLinePattern().Replace(result, m => MaskIfSecret(m, string.Empty));
        result = CredentialPattern().Replace(result, m => LooksLikeCredential(m.Groups["value"].Value) ? $"{m.Groups["prefix"].Value}{Mask}" : m.Value);
        result = JwtPattern().Replace(result, Mask);
        result = CasTicketPattern().Replace(result, m => $"{m.Groups["kind"].Value}-{Mask}");
        return result;
    }

    /// <summary>
    /// Returns <paramref name="uri"/> with the values of secret query and fragment parameters replaced by
    /// <see cref="Mask"/>, tickets and JWTs in the path masked, and any user info (<c>user:password@</c>) removed.
    /// </summary>
    /// <param name="uri">The request URI.</param>
    /// <returns>The scrubbed URI, or <see langword="null"/> when <paramref name="uri"/> is <see langword="null"/>.</returns>
    public static Uri? ScrubUri(Uri? uri)
    {
        if (uri is null)
        {
            return null;
        }

        if (!uri.IsAbsoluteUri)
        {
            return new Uri(Scrub(uri.OriginalString), UriKind.RelativeOrAbsolute);
        }

        var builder = new UriBuilder(uri) { UserName = string.Empty, Password = string.Empty };
        builder.Path = Scrub(builder.Path);
        if (builder.Query.Length > 1)
        {
            builder.Query = ScrubParameters(builder.Query[1..]);
        }

        if (builder.Fragment.Length > 1)
        {
            // OAuth implicit flows put tokens in the fragment: #access_token=...
            builder.Fragment = ScrubParameters(builder.Fragment[1..]);
        }

        return builder.Uri;
    }

    // An &-separated parameter list: decide on each name exactly (the value ends only at '&'), then let Scrub
    // catch tickets and JWTs inside the remaining values, e.g. an encoded service URL that carries a ticket.
    private static string ScrubParameters(string parameters)
    {
        var builder = new StringBuilder(parameters.Length);
        foreach (var part in parameters.Split('&'))
        {
            if (builder.Length > 0)
            {
                builder.Append('&');
            }

            var equals = part.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? part : part[..equals];
            if (equals >= 0 && IsSecretName(Uri.UnescapeDataString(name)))
            {
                builder.Append(name).Append('=').Append(Mask);
            }
            else
            {
                builder.Append(Scrub(part));
            }
        }

        return builder.ToString();
    }

    private static string MaskIfSecret(Match match, string suffix) =>
        IsSecretName(match.Groups["name"].Value) && match.Groups["value"].Value != Mask
            ? $"{match.Groups["prefix"].Value}{Mask}{suffix}"
            : match.Value;

    private static string MaskPair(Match match)
    {
        if (!IsSecretName(match.Groups["name"].Value))
        {
            return match.Value;
        }

        var value = match.Groups["value"].Value;
        var quote = value.Length > 0 && value[0] is '"' or '\'' ? value[0].ToString() : string.Empty;
        return $"{match.Groups["prefix"].Value}{quote}{Mask}{quote}";
    }

    // A word after "Bearer"/"Basic" is masked only when it looks like a credential, so prose such as
    // "Bearer token expired" stays readable while "Bearer 3f9a0c…" or "Basic dXNlcjpwYXNz" do not.
    private static bool LooksLikeCredential(string value)
    {
        if (value.Length < 8)
        {
            return false;
        }

        bool digit = false, upper = false, lower = false, symbol = false;
        foreach (var c in value)
        {
            digit |= char.IsAsciiDigit(c);
            upper |= char.IsAsciiLetterUpper(c);
            lower |= char.IsAsciiLetterLower(c);
            symbol |= c is '.' or '_' or '~' or '+' or '/' or '=' or '-';
        }

        return digit || symbol || (upper && lower);
    }

    private static string Normalize(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name.Trim())
        {
            if (c is not ('-' or '_' or '.'))
            {
                builder.Append(char.ToUpperInvariant(c));
            }
        }

        return builder.ToString();
    }

    // \"name\": \"value\"  (JSON escaped inside another JSON string or a log message)
    [GeneratedRegex("""(?<prefix>\\"(?<name>[A-Za-z0-9_\-.]+)\\"\s*:\s*\\")(?<value>(?:(?!\\")[^\r\n])*)\\["]""", RegexOptions.CultureInvariant)]
    private static partial Regex EscapedJsonPattern();

    // "name": "value"  (JSON string values, escaped quotes inside the value included; an unterminated value
    // at the end of a truncated body is masked too)
    [GeneratedRegex("""(?<prefix>"(?<name>[A-Za-z0-9_\-.]+)"\s*:\s*")(?<value>(?:[^"\\]|\\.)*)(?:"|$)""", RegexOptions.CultureInvariant)]
    private static partial Regex JsonStringPattern();

    // "name": 123456  (MFA codes and PINs sent as JSON numbers)
    [GeneratedRegex("""(?<prefix>"(?<name>[A-Za-z0-9_\-.]+)"\s*:\s*)(?<value>-?[0-9][0-9.eE+\-]*)""", RegexOptions.CultureInvariant)]
    private static partial Regex JsonNumberPattern();

    // 'name': 'value'  (Python dict reprs, e.g. garth or python-garminconnect dumps)
    [GeneratedRegex("""(?<prefix>'(?<name>[A-Za-z0-9_\-.]+)'\s*:\s*')(?<value>(?:[^'\\]|\\.)*)(?:'|$)""", RegexOptions.CultureInvariant)]
    private static partial Regex SingleQuotedPattern();

    // <password>value</password>
    [GeneratedRegex("""<(?<name>[A-Za-z][A-Za-z0-9_\-.]*)>(?<value>[^<]*)</\k<name>>""", RegexOptions.CultureInvariant)]
    private static partial Regex XmlElementPattern();

    // name=value in query strings, form bodies, cookies, OAuth 1 headers and free text; the value is a quoted
    // string or runs to & ; whitespace , or a quote.
    [GeneratedRegex("""(?<prefix>(?<![A-Za-z0-9_\-.])(?<name>[A-Za-z0-9_\-.]+)\s*=\s*)(?!\*\*\*|"\*\*\*"|'\*\*\*')(?<value>"[^"]*"|'[^']*'|[^&;\s,"'<>]+)""", RegexOptions.CultureInvariant)]
    private static partial Regex PairPattern();

    // "Name: value" as in header dumps (Authorization, Cookie, Set-Cookie, X-Api-Key) and YAML-ish text: the
    // rest of the line is the value.
    [GeneratedRegex("""(?<prefix>(?<![A-Za-z0-9_\-"'.])(?<name>[A-Za-z][A-Za-z0-9_\-]*)[ \t]*:[ \t]*)(?<value>(?!\*\*\*)[^\s][^\r\n]*)""", RegexOptions.CultureInvariant)]
    private static partial Regex HeaderLinePattern();

    // Bearer xyz / Basic xyz anywhere in text (the scheme word is kept).
    [GeneratedRegex("""(?<prefix>\b(?:Bearer|Basic)\s+)(?<value>(?!\*\*\*)[A-Za-z0-9\-._~+/]+=*)""", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex CredentialPattern();

    // Three base64url segments starting with a JSON header ("eyJ"): a JWT in any position.
    [GeneratedRegex("""eyJ[A-Za-z0-9_\-]{5,}\.[A-Za-z0-9_\-]{5,}\.[A-Za-z0-9_\-]*""", RegexOptions.CultureInvariant)]
    private static partial Regex JwtPattern();

    // Garmin CAS service and ticket-granting tickets: ST-0123456-AbCdEf...-cas, TGT-12-xyz-cas, also right after a
    // percent-escape (an encoded "ticket%3DST-...").
    [GeneratedRegex("""(?:(?<![A-Za-z0-9])|(?<=%[0-9A-Fa-f]{2}))(?<kind>ST|TGT)-[0-9]+-[A-Za-z0-9\-._]+""", RegexOptions.CultureInvariant)]
    private static partial Regex CasTicketPattern();
}
