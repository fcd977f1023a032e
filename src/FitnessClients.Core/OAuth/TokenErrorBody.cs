using System.Net.Http.Headers;
using System.Text.Json;

namespace FitnessClients.Core.OAuth;

/// <summary>
/// What a token endpoint's error body says: the RFC 6749 §5.2 <c>error</c> code (or the code it amounts to, for
/// Strava's <c>{"message","errors":[...]}</c> shape) and a short scrubbed summary fit for an exception message.
/// </summary>
/// <remarks>
/// Only the OAuth shapes are read here; every other body (other JSON, HTML pages, text) is summarised by the
/// pipeline's <see cref="ErrorExcerpt"/>, which also does the scrubbing and shortening.
/// </remarks>
internal sealed class TokenErrorBody
{
    public const string InvalidGrant = "invalid_grant";
    public const string InvalidClient = "invalid_client";

    // Besides the pipeline's usual message fields: problem-details bodies carry only a title at times.
    private static readonly string[] ExtraMessageFields = ["title"];

    private static readonly JsonDocumentOptions Lenient = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    private TokenErrorBody(string? errorCode, string? excerpt)
    {
        // The code comes from the server and is repeated in messages: keep it short and free of secrets.
        ErrorCode = ErrorExcerpt.Plain(errorCode, 64);
        Excerpt = excerpt;
    }

    /// <summary>The OAuth error code, normalised: Strava's invalid refresh token or code becomes <c>invalid_grant</c>, its invalid application <c>invalid_client</c>.</summary>
    public string? ErrorCode { get; }

    /// <summary>A short, scrubbed summary of the body: the error and its description, an HTML page's title, or the first characters.</summary>
    public string? Excerpt { get; }

    /// <summary>Reads an error body.</summary>
    /// <param name="body">The body as text (read bounded for error statuses).</param>
    /// <param name="mediaType">The body's media type, which tells HTML and JSON apart when the body alone does not.</param>
    /// <param name="headers">The response headers (a Cloudflare challenge is recognised by them too).</param>
    public static TokenErrorBody Parse(string? body, string? mediaType = null, HttpResponseHeaders? headers = null)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return new TokenErrorBody(null, null);
        }

        if (TryParseObject(body) is { } document)
        {
            using (document)
            {
                return FromJson(document.RootElement);
            }
        }

        return new TokenErrorBody(null, ErrorExcerpt.Build(body, mediaType, ExtraMessageFields, headers).Excerpt);
    }

    /// <summary>
    /// Describes a 2xx body that is not a usable token response. A JSON object is summarised by its field names
    /// only, because a token response may hold secrets under names the scrubber does not know.
    /// </summary>
    public static TokenErrorBody ParseUnusableSuccess(string? body, string? mediaType = null)
    {
        var parsed = Parse(body, mediaType);
        if (parsed.ErrorCode is not null || TryParseObject(body) is not { } document)
        {
            return parsed;
        }

        using (document)
        {
            var names = document.RootElement.EnumerateObject().Select(p => p.Name).ToList();
            var excerpt = names.Count == 0 ? "an empty JSON object" : $"a JSON object with the fields {string.Join(", ", names)}";
            return new TokenErrorBody(null, ErrorExcerpt.Plain(excerpt, ErrorExcerpt.MaxMessageLength));
        }
    }

    // The body as a JSON object, or null when it is something else (the caller disposes the document).
    private static JsonDocument? TryParseObject(string? body)
    {
        if (string.IsNullOrWhiteSpace(body) || !body.TrimStart().StartsWith('{'))
        {
            return null;
        }

        try
        {
            var document = JsonDocument.Parse(body, Lenient);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                return document;
            }

            document.Dispose();
        }
        catch (JsonException)
        {
            // Not JSON after all: summarised as text.
        }

        return null;
    }

    private static TokenErrorBody FromJson(JsonElement root)
    {
        // RFC 6749 §5.2: the code decides the exception, so the excerpt leads with it.
        var error = ErrorExcerpt.GetString(root, "error");
        if (error is not null)
        {
            var description = ErrorExcerpt.GetString(root, "error_description");
            return new TokenErrorBody(error, Summary(description is null ? error : $"{error}: {description}"));
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

                var resource = ErrorExcerpt.GetString(item, "resource") ?? string.Empty;
                var field = ErrorExcerpt.GetString(item, "field") ?? string.Empty;
                var itemCode = ErrorExcerpt.GetString(item, "code") ?? string.Empty;
                parts.Add($"{resource} {field} {itemCode}".Trim());
                code ??= StravaCode(resource, field, itemCode);
            }

            var message = ErrorExcerpt.GetString(root, "message");
            return new TokenErrorBody(code, Summary(parts.Count == 0 ? message : $"{message ?? "error"}: {string.Join("; ", parts)}"));
        }

        // No OAuth shape: no code (a 401 then blames the client credentials), and the pipeline's summary.
        return new TokenErrorBody(null, ErrorExcerpt.FromJson(root, ExtraMessageFields).Excerpt);
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

    private static string? Summary(string? text) => ErrorExcerpt.Plain(text, ErrorExcerpt.MaxMessageLength);
}
