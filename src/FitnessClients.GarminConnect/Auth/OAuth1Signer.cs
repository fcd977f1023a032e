using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace FitnessClients.GarminConnect.Auth;

/// <summary>
/// OAuth 1.0a request signing with HMAC-SHA1 (RFC 5849 §3.4), as Garmin's <c>oauth-service</c> still expects for
/// the OAuth1 → OAuth2 exchange garth relies on. Only what that exchange needs: header transmission, no realm,
/// HMAC-SHA1 only.
/// </summary>
/// <remarks>
/// The pieces are separate (<see cref="BuildSignatureBaseString"/>, <see cref="Sign"/>) so they can be checked
/// against the RFC's worked examples. None of them logs or throws with a secret in the message.
/// </remarks>
internal static class OAuth1Signer
{
    public const string SignatureMethod = "HMAC-SHA1";

    /// <summary>Builds the <c>Authorization</c> header parameter list (everything after <c>OAuth </c>) for a request.</summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="uri">The absolute request URI; its query parameters are signed.</param>
    /// <param name="formParameters">The form-encoded body parameters (already decoded), which RFC 5849 §3.4.1.3.1 signs too.</param>
    /// <param name="consumerKey">The consumer (application) key.</param>
    /// <param name="consumerSecret">The consumer secret.</param>
    /// <param name="token">The token, or <see langword="null"/> for a consumer-only request.</param>
    /// <param name="tokenSecret">The token secret (empty for a consumer-only request).</param>
    /// <param name="nonce">A fresh random nonce.</param>
    /// <param name="timestamp">Seconds since the Unix epoch.</param>
    /// <param name="includeVersion">Whether to send <c>oauth_version="1.0"</c> (optional in RFC 5849; garth's signer sends it).</param>
    public static string CreateAuthorizationParameters(
        HttpMethod method,
        Uri uri,
        IEnumerable<KeyValuePair<string, string>> formParameters,
        string consumerKey,
        string consumerSecret,
        string? token,
        string? tokenSecret,
        string nonce,
        long timestamp,
        bool includeVersion = true)
    {
        var protocol = new List<KeyValuePair<string, string>>
        {
            new("oauth_consumer_key", consumerKey),
            new("oauth_nonce", nonce),
            new("oauth_signature_method", SignatureMethod),
            new("oauth_timestamp", timestamp.ToString(CultureInfo.InvariantCulture)),
        };
        if (!string.IsNullOrEmpty(token))
        {
            protocol.Add(new("oauth_token", token));
        }

        if (includeVersion)
        {
            protocol.Add(new("oauth_version", "1.0"));
        }

        var baseString = BuildSignatureBaseString(method, uri, protocol.Concat(formParameters));
        protocol.Add(new("oauth_signature", Sign(baseString, consumerSecret, tokenSecret)));
        return string.Join(", ", protocol.Select(p => $"{PercentEncode(p.Key)}=\"{PercentEncode(p.Value)}\""));
    }

    /// <summary>
    /// The signature base string (RFC 5849 §3.4.1): the method, the base string URI and the normalised parameters
    /// (the URI's query plus <paramref name="parameters"/>), each percent-encoded and joined with <c>&amp;</c>.
    /// </summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="uri">The absolute request URI.</param>
    /// <param name="parameters">The protocol parameters (without <c>oauth_signature</c> and <c>realm</c>) and the form body parameters, decoded.</param>
    public static string BuildSignatureBaseString(HttpMethod method, Uri uri, IEnumerable<KeyValuePair<string, string>> parameters)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(uri);
        if (!uri.IsAbsoluteUri)
        {
            throw new ArgumentException("OAuth 1.0 signs absolute URIs only.", nameof(uri));
        }

        var all = ParseQuery(uri.Query).Concat(parameters)
            .Select(p => (Name: PercentEncode(p.Key), Value: PercentEncode(p.Value)))
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .ThenBy(p => p.Value, StringComparer.Ordinal);
        var normalized = string.Join("&", all.Select(p => p.Name + "=" + p.Value));
        return string.Join("&", method.Method.ToUpperInvariant(), PercentEncode(BaseStringUri(uri)), PercentEncode(normalized));
    }

    /// <summary>HMAC-SHA1 of the base string keyed with <c>encode(consumer secret) &amp; encode(token secret)</c>, base64 (RFC 5849 §3.4.2).</summary>
    /// <param name="baseString">The signature base string.</param>
    /// <param name="consumerSecret">The consumer secret.</param>
    /// <param name="tokenSecret">The token secret, or <see langword="null"/>.</param>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA5350:Do Not Use Weak Cryptographic Algorithms", Justification = "RFC 5849's HMAC-SHA1 is the method Garmin's oauth-service verifies; HMAC-SHA1 remains sound as a MAC.")]
    public static string Sign(string baseString, string consumerSecret, string? tokenSecret)
    {
        var key = Encoding.ASCII.GetBytes(PercentEncode(consumerSecret) + "&" + PercentEncode(tokenSecret ?? string.Empty));
        var hash = HMACSHA1.HashData(key, Encoding.ASCII.GetBytes(baseString));
        return Convert.ToBase64String(hash);
    }

    /// <summary>
    /// RFC 5849 §3.6 percent-encoding: the UTF-8 bytes of everything but <c>A-Z a-z 0-9 - . _ ~</c> become
    /// <c>%XX</c> with upper-case hex digits. Stricter than form encoding (a space is <c>%20</c>, never <c>+</c>).
    /// </summary>
    /// <param name="value">The text to encode.</param>
    public static string PercentEncode(string value)
    {
        var builder = new StringBuilder(value.Length * 3 / 2);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            if (char.IsAsciiLetterOrDigit((char)b) || b is (byte)'-' or (byte)'.' or (byte)'_' or (byte)'~')
            {
                builder.Append((char)b);
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    /// <summary>A fresh nonce: 16 random bytes as hex, unique enough for a one-second timestamp window.</summary>
    public static string CreateNonce() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    // RFC 5849 §3.4.1.2: lower-case scheme and host, the port only when it is not the scheme's default, the path
    // (at least "/"), no query or fragment.
    private static string BaseStringUri(Uri uri)
    {
        var scheme = uri.Scheme.ToLowerInvariant();
        var host = uri.Host.ToLowerInvariant();
        var port = uri.IsDefaultPort ? string.Empty : ":" + uri.Port.ToString(CultureInfo.InvariantCulture);
        var path = string.IsNullOrEmpty(uri.AbsolutePath) ? "/" : uri.AbsolutePath;
        return $"{scheme}://{host}{port}{path}";
    }

    // RFC 5849 §3.4.1.3.1: the query is decoded as application/x-www-form-urlencoded ('+' is a space); a name
    // without '=' has an empty value.
    private static IEnumerable<KeyValuePair<string, string>> ParseQuery(string query)
    {
        var text = query.StartsWith('?') ? query[1..] : query;
        foreach (var part in text.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? part : part[..equals];
            var value = equals < 0 ? string.Empty : part[(equals + 1)..];
            yield return new(FormDecode(name), FormDecode(value));
        }
    }

    /// <summary>Decodes one application/x-www-form-urlencoded name or value (<c>+</c> is a space).</summary>
    /// <param name="value">The encoded text.</param>
    public static string FormDecode(string value) => Uri.UnescapeDataString(value.Replace('+', ' '));
}
