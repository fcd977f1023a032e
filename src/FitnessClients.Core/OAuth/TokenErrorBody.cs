using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using FitnessClients.Core.Diagnostics;

namespace FitnessClients.Core.OAuth;

/// <summary>
/// What a token endpoint's error body says: the RFC 6749 §5.2 <c>error</c> code (or the code it amounts to, for
/// Strava's <c>{"message","errors":[...]}</c> shape) and a short scrubbed summary fit for an exception message.
/// </summary>
internal sealed partial class TokenErrorBody
{
    public const string InvalidGrant = "invalid_grant";
    public const string InvalidClient = "invalid_client";

    private const int MaxExcerptLength = 300;

    private TokenErrorBody(string? errorCode, string? excerpt)
    {
        // The code comes from the server and is repeated in messages: keep it short and free of secrets.
        ErrorCode = errorCode is null ? null : Shorten(SecretScrubber.Scrub(errorCode.Trim()), 64);
        Excerpt = excerpt;
    }

    /// <summary>The OAuth error code, normalised: Strava's invalid refresh token or code becomes <c>invalid_grant</c>, its invalid application <c>invalid_client</c>.</summary>
    public string? ErrorCode { get; }

    /// <summary>A short, scrubbed summary of the body: the error and its description, an HTML page's title, or the first characters.</summary>
    public string? Excerpt { get; }

    public static TokenErrorBody Parse(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return new TokenErrorBody(null, null);
        }

        var trimmed = body.Trim();
        if (trimmed.StartsWith('{'))
        {
            try
            {
                using var document = JsonDocument.Parse(trimmed, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
                if (document.RootElement.ValueKind == JsonValueKind.Object)
                {
                    return FromJson(document.RootElement);
                }
            }
            catch (JsonException)
            {
                // Not JSON after all: summarise it as text below.
            }
        }

        return new TokenErrorBody(null, Summarise(trimmed));
    }

    /// <summary>
    /// Describes a 2xx body that is not a usable token response. A JSON object is summarised by its field names
    /// only, because a token response may hold secrets under names the scrubber does not know.
    /// </summary>
    public static TokenErrorBody ParseUnusableSuccess(string? body)
    {
        var parsed = Parse(body);
        if (parsed.ErrorCode is not null || string.IsNullOrWhiteSpace(body) || !body.TrimStart().StartsWith('{'))
        {
            return parsed;
        }

        try
        {
            using var document = JsonDocument.Parse(body, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                var names = document.RootElement.EnumerateObject().Select(p => p.Name).ToList();
                var excerpt = names.Count == 0 ? "an empty JSON object" : $"a JSON object with the fields {string.Join(", ", names)}";
                return new TokenErrorBody(null, Shorten(SecretScrubber.Scrub(excerpt)));
            }
        }
        catch (JsonException)
        {
            // Fall back to the text summary.
        }

        return parsed;
    }

    /// <summary>A summary of any body (JSON, HTML or text) for an exception, scrubbed and shortened.</summary>
    public static string? Summarise(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        var title = HtmlTitlePattern().Match(body);
        var text = title.Success
            ? $"HTML page: {WebUtility.HtmlDecode(title.Groups["title"].Value)}"
            : LooksLikeHtml(body) ? "an HTML page without a title" : body;
        return Shorten(SecretScrubber.Scrub(WhiteSpacePattern().Replace(text, " ").Trim()));
    }

    private static TokenErrorBody FromJson(JsonElement root)
    {
        var error = GetString(root, "error");
        var description = GetString(root, "error_description");
        if (error is not null)
        {
            var excerpt = description is null ? error : $"{error}: {description}";
            return new TokenErrorBody(error, Shorten(SecretScrubber.Scrub(excerpt)));
        }

        if (root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array)
        {
            string? code = null;
            var parts = new List<string>();
            foreach (var item in errors.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.Object)
                {
                    continue;
                }

                var resource = GetString(item, "resource") ?? string.Empty;
                var field = GetString(item, "field") ?? string.Empty;
                var itemCode = GetString(item, "code") ?? string.Empty;
                parts.Add($"{resource} {field} {itemCode}".Trim());
                code ??= StravaCode(resource, field, itemCode);
            }

            var message = GetString(root, "message");
            var excerpt = parts.Count == 0 ? message : $"{message ?? "error"}: {string.Join("; ", parts)}";
            return new TokenErrorBody(code, Shorten(SecretScrubber.Scrub(excerpt)));
        }

        var other = GetString(root, "message") ?? GetString(root, "detail") ?? GetString(root, "title") ?? root.GetRawText();
        return new TokenErrorBody(null, Shorten(SecretScrubber.Scrub(WhiteSpacePattern().Replace(other, " "))));
    }

    // Strava reports token endpoint failures per resource rather than with RFC codes. Only "invalid"/"expired"
    // count: the same resources appear with other codes, e.g. its 429 body names "Application" "rate limit" "exceeded".
    private static string? StravaCode(string resource, string field, string code)
    {
        if (code is not ("invalid" or "expired"))
        {
            return null;
        }

        return resource switch
        {
            "RefreshToken" or "AuthorizationCode" or "RequestToken" => InvalidGrant,
            "Application" when field is "" or "client_id" or "client_secret" => InvalidClient,
            _ => field switch
            {
                "refresh_token" or "code" => InvalidGrant,
                "client_id" or "client_secret" => InvalidClient,
                _ => null,
            },
        };
    }

    private static string? GetString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static bool LooksLikeHtml(string body) =>
        body.TrimStart().StartsWith('<') && body.Contains("html", StringComparison.OrdinalIgnoreCase);

    private static string Shorten(string text, int maxLength = MaxExcerptLength) =>
        text.Length <= maxLength ? text : string.Concat(text.AsSpan(0, maxLength), "...");

    [GeneratedRegex("""<title[^>]*>(?<title>[^<]*)</title>""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HtmlTitlePattern();

    [GeneratedRegex("""\s+""", RegexOptions.CultureInvariant)]
    private static partial Regex WhiteSpacePattern();
}
