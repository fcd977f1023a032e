using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;
using FitnessClients.Core.OAuth;
using FitnessClients.Core.Tokens;

namespace FitnessClients.GarminConnect.Auth;

/// <summary>
/// A garth session: the long-lived OAuth1 token (with its secret, the MFA token and the domain) and the OAuth2
/// token it was last exchanged for. garth saves it as <c>oauth1_token.json</c> + <c>oauth2_token.json</c> in a
/// folder (<c>~/.garth</c>, <c>GARTH_HOME</c>), or prints it as <c>GARTH_TOKEN</c>, the base64 of the JSON array
/// <c>[oauth1, oauth2]</c>.
/// </summary>
internal sealed class GarthSession
{
    public const string OAuth1FileName = "oauth1_token.json";
    public const string OAuth2FileName = "oauth2_token.json";

    private const string What = "garth session";

    private GarthSession(string oauth1Token, string oauth1TokenSecret, string? mfaToken, string? mfaExpiration, string domain, OAuthToken? oauth2)
    {
        OAuth1Token = oauth1Token;
        OAuth1TokenSecret = oauth1TokenSecret;
        MfaToken = mfaToken;
        MfaExpiration = mfaExpiration;
        Domain = domain;
        OAuth2 = oauth2;
    }

    public string OAuth1Token { get; }

    public string OAuth1TokenSecret { get; }

    public string? MfaToken { get; }

    public string? MfaExpiration { get; }

    /// <summary>The Garmin domain the session belongs to (garth's <c>domain</c>, <c>garmin.com</c> when absent).</summary>
    public string Domain { get; }

    /// <summary>The OAuth2 token as garth saved it (possibly expired), with the OAuth1 credentials in its extras; <see langword="null"/> when the session has none.</summary>
    public OAuthToken? OAuth2 { get; }

    /// <summary>The extras that let a later refresh re-exchange the OAuth1 token.</summary>
    public ImmutableDictionary<string, string> Extras
    {
        get
        {
            var extras = ImmutableDictionary<string, string>.Empty
                .Add(GarminTokenExtras.Source, "garth_import")
                .Add(GarminTokenExtras.Domain, Domain)
                .Add(GarminTokenExtras.GarthOAuth1Token, OAuth1Token)
                .Add(GarminTokenExtras.GarthOAuth1TokenSecret, OAuth1TokenSecret);
            if (MfaToken is not null)
            {
                extras = extras.Add(GarminTokenExtras.GarthMfaToken, MfaToken);
            }

            if (MfaExpiration is not null)
            {
                extras = extras.Add(GarminTokenExtras.GarthMfaExpiration, MfaExpiration);
            }

            return extras;
        }
    }

    /// <summary>Loads a session from a folder or a <c>GARTH_TOKEN</c> value.</summary>
    /// <param name="folderOrBase64">A folder holding garth's two files (a leading <c>~</c> is the home directory), or the base64 value.</param>
    /// <param name="cancellationToken">Cancels reading.</param>
    /// <exception cref="ArgumentException">The value is empty.</exception>
    /// <exception cref="DirectoryNotFoundException">It is neither an existing folder nor a <c>GARTH_TOKEN</c> value (the value is not repeated).</exception>
    /// <exception cref="TokenStoreException">The files or the value are not a garth session.</exception>
    public static async Task<GarthSession> LoadAsync(string folderOrBase64, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(folderOrBase64))
        {
            throw new ArgumentException("Pass the garth session folder (e.g. ~/.garth, GARTH_HOME) or the GARTH_TOKEN value.", nameof(folderOrBase64));
        }

        var value = folderOrBase64.Trim();
        var folder = ImportSource.ExpandHome(value);
        if (Directory.Exists(folder))
        {
            return await FromFolderAsync(Path.GetFullPath(folder), cancellationToken).ConfigureAwait(false);
        }

        if (TryDecodeBase64(value, out var json))
        {
            return FromGarthToken(json);
        }

        throw new DirectoryNotFoundException(
            "The garth session was not found: the value is neither an existing folder (with oauth1_token.json and oauth2_token.json) nor a GARTH_TOKEN value (base64). " +
            "garth keeps sessions in ~/.garth or the folder named by GARTH_HOME; 'garth login' prints the GARTH_TOKEN value.");
    }

    private static async Task<GarthSession> FromFolderAsync(string folder, CancellationToken cancellationToken)
    {
        var oauth1Path = Path.Combine(folder, OAuth1FileName);
        var oauth2Path = Path.Combine(folder, OAuth2FileName);
        if (!File.Exists(oauth1Path))
        {
            throw new FileNotFoundException($"The garth session folder '{folder}' has no {OAuth1FileName}; it is not a garth session (garth.save writes {OAuth1FileName} and {OAuth2FileName}).", oauth1Path);
        }

        var oauth1Text = await ImportSource.ReadFileAsync(oauth1Path, "garth OAuth1 token file", cancellationToken).ConfigureAwait(false);
        using var oauth1 = ImportSource.ParseJson(oauth1Text, "garth OAuth1 token file", oauth1Path);
        if (!File.Exists(oauth2Path))
        {
            return Create(oauth1.RootElement, null, oauth1Path, oauth2Path);
        }

        var oauth2Text = await ImportSource.ReadFileAsync(oauth2Path, "garth OAuth2 token file", cancellationToken).ConfigureAwait(false);
        using var oauth2 = ImportSource.ParseJson(oauth2Text, "garth OAuth2 token file", oauth2Path);
        return Create(oauth1.RootElement, oauth2.RootElement, oauth1Path, oauth2Path);
    }

    private static GarthSession FromGarthToken(string json)
    {
        using var document = ImportSource.ParseJson(json, "GARTH_TOKEN value (decoded)", null);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Array || root.GetArrayLength() is < 1 or > 2)
        {
            throw ImportSource.Invalid("GARTH_TOKEN value", null, "does not decode to garth's [oauth1, oauth2] JSON array");
        }

        var oauth2 = root.GetArrayLength() == 2 && root[1].ValueKind != JsonValueKind.Null ? root[1] : (JsonElement?)null;
        return Create(root[0], oauth2, null, null);
    }

    private static GarthSession Create(JsonElement oauth1, JsonElement? oauth2, string? oauth1Path, string? oauth2Path)
    {
        var oauth1What = oauth1Path is null ? "GARTH_TOKEN value's OAuth1 token" : "garth OAuth1 token file";
        if (oauth1.ValueKind != JsonValueKind.Object)
        {
            throw ImportSource.Invalid(oauth1What, oauth1Path, "is not a JSON object");
        }

        var token = ImportSource.GetString(oauth1, "oauth_token");
        var secret = ImportSource.GetString(oauth1, "oauth_token_secret");
        if (string.IsNullOrWhiteSpace(token) || string.IsNullOrWhiteSpace(secret))
        {
            throw ImportSource.Invalid(oauth1What, oauth1Path, "lacks oauth_token or oauth_token_secret");
        }

        var domain = ImportSource.GetString(oauth1, "domain") is { Length: > 0 } d ? d.Trim() : GarminDomains.Global;
        if (domain is not (GarminDomains.Global or GarminDomains.China))
        {
            throw ImportSource.Invalid(oauth1What, oauth1Path, "names a domain other than garmin.com or garmin.cn");
        }

        var mfaToken = ImportSource.GetString(oauth1, "mfa_token");
        var mfaExpiration = ImportSource.GetString(oauth1, "mfa_expiration_timestamp");
        var session = new GarthSession(token.Trim(), secret.Trim(), string.IsNullOrWhiteSpace(mfaToken) ? null : mfaToken.Trim(), mfaExpiration, domain, null);
        if (oauth2 is not { } element)
        {
            return session;
        }

        var oauth2What = oauth2Path is null ? "GARTH_TOKEN value's OAuth2 token" : "garth OAuth2 token file";
        var oauth2Token = ReadOAuth2(element, oauth2What, oauth2Path, session.Extras);
        return new GarthSession(session.OAuth1Token, session.OAuth1TokenSecret, session.MfaToken, session.MfaExpiration, domain, oauth2Token);
    }

    private static OAuthToken ReadOAuth2(JsonElement oauth2, string what, string? path, ImmutableDictionary<string, string> extras)
    {
        if (oauth2.ValueKind != JsonValueKind.Object)
        {
            throw ImportSource.Invalid(what, path, "is not a JSON object");
        }

        var accessToken = ImportSource.GetString(oauth2, "access_token");
        if (string.IsNullOrWhiteSpace(accessToken))
        {
            throw ImportSource.Invalid(what, path, "has no access_token");
        }

        DateTimeOffset? expiresAt = null;
        if (oauth2.TryGetProperty("expires_at", out var exp))
        {
            if (ReadInt64(exp) is not { } seconds || seconds is < 0 or > 253402300799)
            {
                throw ImportSource.Invalid(what, path, "has an expires_at that is not Unix seconds");
            }

            expiresAt = DateTimeOffset.FromUnixTimeSeconds(seconds);
        }
        else if (GarminJwt.TryReadClaims(accessToken, out _, out var jwtExp))
        {
            expiresAt = jwtExp;
        }

        var refreshToken = ImportSource.GetString(oauth2, "refresh_token");
        return new OAuthToken
        {
            AccessToken = accessToken.Trim(),
            RefreshToken = string.IsNullOrWhiteSpace(refreshToken) ? null : refreshToken.Trim(),
            ExpiresAt = expiresAt,
            TokenType = "Bearer",
            Scopes = OAuth2TokenResponse.SplitScopes(ImportSource.GetString(oauth2, "scope")),
            Extras = extras,
        };
    }

    private static long? ReadInt64(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number when value.TryGetInt64(out var n) => n,
        JsonValueKind.Number when value.TryGetDouble(out var d) && d is >= long.MinValue and <= long.MaxValue => (long)d,
        JsonValueKind.String when long.TryParse(value.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) => s,
        _ => null,
    };

    // garth writes standard base64 (base64.b64encode); accept the URL-safe alphabet and missing padding too,
    // since the value often passes through shells and .env files.
    private static bool TryDecodeBase64(string value, out string json)
    {
        json = string.Empty;
        if (value.Length < 8 || value.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '+' or '/' or '-' or '_' or '=')))
        {
            return false;
        }

        var normalized = value.TrimEnd('=').Replace('-', '+').Replace('_', '/');
        normalized += (normalized.Length % 4) switch { 2 => "==", 3 => "=", _ => string.Empty };
        var buffer = new byte[normalized.Length * 3 / 4 + 3];
        if (!Convert.TryFromBase64String(normalized, buffer, out var written))
        {
            return false;
        }

        try
        {
            json = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(buffer, 0, written);
        }
        catch (DecoderFallbackException)
        {
            return false;
        }

        return json.TrimStart().StartsWith('[');
    }
}
