using System.Collections.Immutable;
using System.Text.Json;
using FitnessClients.Core.Tokens;

namespace FitnessClients.GarminConnect.Auth;

/// <summary>
/// Reads the tokens python-garminconnect (0.3+) saves: <c>garmin_tokens.json</c>,
/// <c>{"di_token": "&lt;JWT&gt;", "di_refresh_token": "…", "di_client_id": "…"}</c>, given as python-garminconnect's
/// <c>GARMINTOKENS</c> accepts it: a directory holding <c>garmin_tokens.json</c>, the path of a <c>.json</c> file, or
/// the JSON itself.
/// </summary>
internal static class GarminConnectTokenFile
{
    public const string FileName = "garmin_tokens.json";

    private const string What = "python-garminconnect token file";

    /// <summary>Loads and converts the tokens.</summary>
    /// <param name="pathOrJson">A directory, a file path (a leading <c>~</c> is the home directory) or inline JSON.</param>
    /// <param name="cancellationToken">Cancels reading.</param>
    /// <exception cref="ArgumentException">The value is empty.</exception>
    /// <exception cref="FileNotFoundException">No such file (the value is not repeated: it might be mistyped JSON).</exception>
    /// <exception cref="TokenStoreException">The content is not a python-garminconnect token file.</exception>
    public static async Task<OAuthToken> LoadAsync(string pathOrJson, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(pathOrJson))
        {
            throw new ArgumentException("Pass the GARMINTOKENS value: a directory containing garmin_tokens.json, the path of that file, or its JSON.", nameof(pathOrJson));
        }

        var value = pathOrJson.Trim().TrimStart('\uFEFF');
        if (value.StartsWith('{') || value.StartsWith('['))
        {
            return Parse(value, path: null);
        }

        var path = ImportSource.ExpandHome(value);
        if (Directory.Exists(path))
        {
            path = Path.Combine(path, FileName);
        }
        else if (!File.Exists(path))
        {
            throw new FileNotFoundException(
                "No python-garminconnect tokens were found at the given location: it is neither a directory containing garmin_tokens.json, nor a file, nor JSON starting with '{'. " +
                "python-garminconnect keeps them in ~/.garminconnect/garmin_tokens.json unless GARMINTOKENS says otherwise.");
        }

        var text = await ImportSource.ReadFileAsync(path, What, cancellationToken).ConfigureAwait(false);
        return Parse(text, Path.GetFullPath(path));
    }

    /// <summary>Converts the JSON of a <c>garmin_tokens.json</c>.</summary>
    /// <param name="json">The file's text.</param>
    /// <param name="path">The file, for messages; <see langword="null"/> for inline JSON.</param>
    public static OAuthToken Parse(string json, string? path)
    {
        using var document = ImportSource.ParseJson(json, What, path);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw ImportSource.Invalid(What, path, "is not a JSON object");
        }

        var accessToken = ImportSource.GetString(root, "di_token");
        if (string.IsNullOrWhiteSpace(accessToken))
        {
            var hint = root.TryGetProperty("oauth_token", out _) || root.TryGetProperty("access_token", out _)
                ? " It looks like a garth token file; import it as a garth session instead"
                : " python-garminconnect 0.3 and later write di_token, di_refresh_token and di_client_id (older versions saved garth files)";
            throw ImportSource.Invalid(What, path, $"has no di_token.{hint}");
        }

        var refreshToken = ImportSource.GetString(root, "di_refresh_token");
        GarminJwt.TryReadClaims(accessToken, out var jwtClientId, out var expiresAt);
        var clientId = ImportSource.GetString(root, "di_client_id") is { Length: > 0 } stored ? stored : jwtClientId;
        var extras = ImmutableDictionary<string, string>.Empty.Add(GarminTokenExtras.Source, "garminconnect_import");
        if (!string.IsNullOrWhiteSpace(clientId))
        {
            extras = extras.Add(GarminTokenExtras.DiClientId, clientId);
        }

        return new OAuthToken
        {
            AccessToken = accessToken.Trim(),
            RefreshToken = string.IsNullOrWhiteSpace(refreshToken) ? null : refreshToken.Trim(),
            ExpiresAt = expiresAt,
            TokenType = "Bearer",
            Extras = extras,
        };
    }
}
