using System.Text.Json;
using System.Text.RegularExpressions;
using System.Web;
using FitnessClients.Core.Tokens;
using FitnessClients.Testing;

namespace FitnessClients.Campaigns.Tests.Security;

/// <summary>
/// Collects the secrets that actually crossed the wire in a run, from the emulator's request log: bearer tokens,
/// cookies, and every token, code, ticket, password and client secret in a form, JSON body or query.
/// </summary>
internal sealed partial class SecretHarvest
{
    private static readonly string[] SecretFields =
    [
        "access_token", "refresh_token", "client_secret", "code", "password", "ticket", "service_ticket", "mfaVerificationCode", "verificationCode",
    ];

    public HashSet<string> Values { get; } = new(StringComparer.Ordinal);

    public void Add(string? secret)
    {
        // Short values ("1", "true") would match by accident; every real secret here is longer.
        if (secret is { Length: >= 6 })
        {
            Values.Add(secret);
        }
    }

    public void Add(OAuthToken? token)
    {
        Add(token?.AccessToken);
        Add(token?.RefreshToken);
    }

    public void AddFrom(RequestLog log)
    {
        foreach (var request in log.Snapshot())
        {
            if (request.GetHeader("Authorization") is { } authorization)
            {
                Add(authorization.Split(' ', 2)[^1]);
            }

            if (request.GetHeader("Cookie") is { } cookies)
            {
                foreach (var cookie in cookies.Split(';', StringSplitOptions.TrimEntries))
                {
                    Add(cookie.Split('=', 2)[^1]);
                }
            }

            AddFromQuery(request.Query);
            var body = request.BodyExcerptText;
            if (body.TrimStart().StartsWith('{'))
            {
                AddFromJson(body);
            }
            else
            {
                AddFromQuery(body);
            }

            foreach (Match ticket in TicketPattern().Matches(body + " " + request.Query))
            {
                Add(ticket.Value);
            }
        }
    }

    /// <summary>The secrets found in <paramref name="text"/>.</summary>
    public IEnumerable<string> FoundIn(string text) => Values.Where(secret => text.Contains(secret, StringComparison.Ordinal));

    private void AddFromQuery(string? query)
    {
        if (string.IsNullOrEmpty(query))
        {
            return;
        }

        var values = HttpUtility.ParseQueryString(query.TrimStart('?'));
        foreach (var field in SecretFields)
        {
            Add(values[field]);
        }
    }

    private void AddFromJson(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return;
            }

            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (SecretFields.Contains(property.Name, StringComparer.OrdinalIgnoreCase) && property.Value.ValueKind == JsonValueKind.String)
                {
                    Add(property.Value.GetString());
                }
            }
        }
        catch (JsonException)
        {
        }
    }

    [GeneratedRegex("ST-[A-Za-z0-9-]{6,}")]
    private static partial Regex TicketPattern();
}
