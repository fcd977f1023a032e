using System.Globalization;
using System.Text.Json;

namespace FitnessClients.Core.Tokens;

/// <summary>
/// Turns the bytes of a token file into a token, or into a <see cref="TokenStoreException"/> that says what is
/// wrong without repeating any of the file's content (which may hold a working refresh token).
/// </summary>
internal static class TokenFileReader
{
    public static OAuthToken Parse(byte[] content, string path)
    {
        if (content.AsSpan().Trim(" \t\r\n"u8).IsEmpty)
        {
            throw Corrupt(path, "is empty");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(content);
        }
        catch (JsonException ex)
        {
            // The serializer's own message quotes the offending character, so only the position is reported.
            throw Corrupt(path, string.Create(
                CultureInfo.InvariantCulture,
                $"is not valid JSON (error at line {(ex.LineNumber ?? 0) + 1}, byte {(ex.BytePositionInLine ?? 0) + 1})"));
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw Corrupt(path, "does not hold a JSON object");
            }

            if (!root.TryGetProperty("access_token", out var access)
                || access.ValueKind != JsonValueKind.String
                || string.IsNullOrWhiteSpace(access.GetString()))
            {
                throw Corrupt(path, "has no access_token");
            }

            OAuthToken? token;
            try
            {
                token = root.Deserialize(TokenJsonContext.Default.OAuthToken);
            }
            catch (JsonException ex)
            {
                var where = string.IsNullOrEmpty(ex.Path) ? "" : $" at {ex.Path}";
                throw Corrupt(path, $"has a value of the wrong type{where}");
            }

            if (token is null)
            {
                throw Corrupt(path, "does not hold a token");
            }

            return token.Scopes.IsDefault ? token with { Scopes = [] } : token;
        }
    }

    public static TokenStoreException Corrupt(string path, string problem) =>
        new($"The token file '{path}' {problem}. It has been left as it is: delete it (or restore a backup) and " +
            "sign in again to store a new token.")
        {
            Path = path,
        };
}
