using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using FitnessClients.Core.Diagnostics;

namespace FitnessClients.Core;

/// <summary>
/// Summarises an error body in one short, scrubbed line: the service's message from JSON, the title of an HTML
/// page (recognising Cloudflare challenges), or the first characters of anything else.
/// </summary>
internal static partial class ErrorExcerpt
{
    public const int MaxPlainLength = 200;
    public const int MaxMessageLength = 300;
    private const int PreScrubLength = 4096;

    // The common places APIs put a human-readable message, in order of preference. "errors" covers Strava
    // ([{resource, field, code}]) and validation maps; "status" (FitTrackee's "error"/"fail") is a last resort.
    private static readonly string[] LeadingFields = ["message", "error_description", "error", "detail", "reason", "errors"];

    private static readonly string[] CodeFields = ["error", "code", "error_code", "errorCode"];

    public static (string? Excerpt, string? ErrorCode, bool CloudflareChallenge) Build(
        string? body, string? mediaType, IEnumerable<string> extraFields, HttpResponseHeaders? headers)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return (null, null, false);
        }

        if (body.Contains('\0', StringComparison.Ordinal))
        {
            return ($"binary content ({mediaType ?? "unknown type"}), not shown", null, false);
        }

        var trimmed = body.AsSpan().TrimStart();
        if (IsJson(mediaType, trimmed) && TryFromJson(body, extraFields) is { } json)
        {
            return (json.Excerpt, json.ErrorCode, false);
        }

        if (IsHtml(mediaType, trimmed))
        {
            return FromHtml(body, headers);
        }

        return (Plain(body, MaxPlainLength), null, false);
    }

    /// <summary>Scrubs, collapses whitespace and cuts to <paramref name="maxLength"/> characters (scrubbing first, so a cut cannot split a secret out of its pattern).</summary>
    public static string? Plain(string? text, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        // Only the start can be shown; scrubbing 64 KiB to show 200 characters would be wasted work. The margin
        // keeps any secret that begins in the shown part whole for the scrubber's patterns.
        if (text.Length > PreScrubLength)
        {
            text = text[..PreScrubLength];
        }

        var collapsed = WhitespacePattern().Replace(SecretScrubber.Scrub(text), " ").Trim();
        return collapsed.Length <= maxLength ? collapsed : collapsed[..maxLength].TrimEnd() + "…";
    }

    private static bool IsJson(string? mediaType, ReadOnlySpan<char> trimmed) =>
        (mediaType is not null && mediaType.Contains("json", StringComparison.OrdinalIgnoreCase))
        || (trimmed.Length > 0 && trimmed[0] is '{' or '[');

    private static bool IsHtml(string? mediaType, ReadOnlySpan<char> trimmed) =>
        (mediaType is not null && (mediaType.Contains("html", StringComparison.OrdinalIgnoreCase)))
        || trimmed.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase)
        || trimmed.StartsWith("<html", StringComparison.OrdinalIgnoreCase);

    private static (string? Excerpt, string? ErrorCode)? TryFromJson(string body, IEnumerable<string> extraFields)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            // Not JSON after all, or cut off by the size bound: summarise it as text.
            return null;
        }

        using (document)
        {
            return FromJson(document.RootElement, extraFields);
        }
    }

    /// <summary>The summary and error code of a parsed JSON body (an array stands for its first element).</summary>
    public static (string? Excerpt, string? ErrorCode) FromJson(JsonElement root, IEnumerable<string> extraFields)
    {
        if (root.ValueKind == JsonValueKind.Array && root.GetArrayLength() > 0)
        {
            root = root[0];
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            return (Plain(root.GetRawText(), MaxPlainLength), null);
        }

        var code = FindCode(root);
        var message = FindMessage(root, extraFields, out var fromField);

        // Strava puts the useful part in errors[]: "Bad Request (Activity.sport_type invalid)".
        if (message is not null && fromField == "message" && Get(root, "errors") is { } errors
            && DescribeErrors(errors) is { } details && !message.Contains(details, StringComparison.Ordinal))
        {
            message = $"{message} ({details})";
        }

        message ??= Plain(root.GetRawText(), MaxPlainLength);
        return (Plain(message, MaxMessageLength), code is null ? null : Plain(code, 100));
    }

    private static string? FindMessage(JsonElement root, IEnumerable<string> extraFields, out string? fromField)
    {
        foreach (var field in LeadingFields.Concat(extraFields).Append("status"))
        {
            if (Get(root, field) is { } value && (field == "errors" ? DescribeErrors(value) : Text(value)) is { } text)
            {
                fromField = field;
                return text;
            }
        }

        fromField = null;
        return null;
    }

    // OAuth's "error" (invalid_grant), or a top-level "code" when it is a string or number.
    private static string? FindCode(JsonElement root)
    {
        foreach (var field in CodeFields)
        {
            if (Get(root, field) is { } value && value.ValueKind is JsonValueKind.String or JsonValueKind.Number)
            {
                var text = value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText();
                if (!string.IsNullOrWhiteSpace(text) && text.Length <= 100)
                {
                    return text;
                }
            }
        }

        return null;
    }

    // A message out of a string, or out of an object ({"error": {"message": ...}}) or array ([{"msg": ...}]).
    private static string? Text(JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                var text = value.GetString();
                return string.IsNullOrWhiteSpace(text) ? null : text;
            case JsonValueKind.Object:
                foreach (var field in (string[])["message", "msg", "error_description", "description", "detail"])
                {
                    if (Get(value, field) is { ValueKind: JsonValueKind.String } inner && inner.GetString() is { Length: > 0 } innerText)
                    {
                        return innerText;
                    }
                }

                return null;
            case JsonValueKind.Array:
                var parts = value.EnumerateArray().Select(Text).OfType<string>().Take(3).ToList();
                return parts.Count == 0 ? null : string.Join("; ", parts);
            default:
                return null;
        }
    }

    // errors: ["text"], [{message}], [{resource, field, code}] (Strava) or {field: ["problem"]} (validation maps).
    private static string? DescribeErrors(JsonElement errors)
    {
        var parts = new List<string>();
        if (errors.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in errors.EnumerateArray().Take(3))
            {
                if (Text(item) is { } text)
                {
                    parts.Add(text);
                }
                else if (item.ValueKind == JsonValueKind.Object)
                {
                    var place = string.Join('.', new[] { GetString(item, "resource"), GetString(item, "field") }.Where(s => s is not null));
                    var code = GetString(item, "code");
                    var part = string.Join(' ', new[] { place, code }.Where(s => !string.IsNullOrEmpty(s)));
                    if (part.Length > 0)
                    {
                        parts.Add(part);
                    }
                }
            }
        }
        else if (errors.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in errors.EnumerateObject().Take(3))
            {
                parts.Add(Text(property.Value) is { } text ? $"{property.Name} {text}" : property.Name);
            }
        }
        else
        {
            return Text(errors);
        }

        return parts.Count == 0 ? null : string.Join("; ", parts);
    }

    /// <summary>The string value of the field <paramref name="name"/> (matched ignoring case), if it is a string.</summary>
    public static string? GetString(JsonElement element, string name) =>
        Get(element, name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    private static JsonElement? Get(JsonElement element, string name)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        foreach (var property in element.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return property.Value;
            }
        }

        return null;
    }

    private static (string? Excerpt, string? ErrorCode, bool CloudflareChallenge) FromHtml(string body, HttpResponseHeaders? headers)
    {
        var title = TagText(TitlePattern().Match(body));
        var challenge = IsCloudflareChallenge(title, body, headers);
        if (challenge)
        {
            var shown = title is null ? string.Empty : $" (\"{Plain(title, 80)}\")";
            return ($"Cloudflare challenge page{shown}: the service's bot protection blocked this client", null, true);
        }

        var heading = title ?? TagText(HeadingPattern().Match(body));
        if (heading is not null)
        {
            return ("HTML page: " + Plain(heading, MaxPlainLength), null, false);
        }

        var text = TagPattern().Replace(ScriptPattern().Replace(body, " "), " ");
        return ("HTML page: " + (Plain(WebUtility.HtmlDecode(text), MaxPlainLength) ?? "(empty)"), null, false);
    }

    private static bool IsCloudflareChallenge(string? title, string body, HttpResponseHeaders? headers)
    {
        if (headers is not null && headers.TryGetValues("cf-mitigated", out var mitigated)
            && mitigated.Any(v => v.Contains("challenge", StringComparison.OrdinalIgnoreCase)))
        {
            return true;
        }

        if (title is not null
            && (title.StartsWith("Just a moment", StringComparison.OrdinalIgnoreCase)
                || title.StartsWith("Attention Required", StringComparison.OrdinalIgnoreCase)))
        {
            return true;
        }

        return body.Contains("/cdn-cgi/challenge-platform/", StringComparison.OrdinalIgnoreCase);
    }

    private static string? TagText(Match match)
    {
        if (!match.Success)
        {
            return null;
        }

        var text = WebUtility.HtmlDecode(TagPattern().Replace(match.Groups["text"].Value, " "));
        text = WhitespacePattern().Replace(text, " ").Trim();
        return text.Length == 0 ? null : text;
    }

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex WhitespacePattern();

    [GeneratedRegex(@"<title[^>]*>(?<text>.*?)</title\s*>", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex TitlePattern();

    [GeneratedRegex(@"<h1[^>]*>(?<text>.*?)</h1\s*>", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex HeadingPattern();

    [GeneratedRegex(@"<(script|style)[^>]*>.*?</\1\s*>", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex ScriptPattern();

    [GeneratedRegex(@"<[^>]*>", RegexOptions.CultureInvariant)]
    private static partial Regex TagPattern();
}
