using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace FitnessClients.Core.OAuth;

/// <summary>
/// The authorization-code request a user's browser is sent to: the authorize endpoint with <c>response_type=code</c>,
/// the client id, redirect URI, scopes, an anti-forgery <c>state</c>, an optional PKCE challenge and any
/// service-specific parameters, built into a correctly encoded URL by <see cref="BuildUri"/>.
/// </summary>
/// <remarks>
/// Keep the instance (or at least <see cref="State"/> and <see cref="Pkce"/>) until the redirect comes back: the
/// state must be checked against it and the PKCE verifier goes into the code exchange.
/// </remarks>
/// <example>
/// <code>
/// var request = new AuthorizationRequest
/// {
///     AuthorizationEndpoint = new Uri("https://www.strava.com/oauth/authorize"),
///     ClientId = "12345",
///     RedirectUri = listener.RedirectUri,
///     Scopes = ["read", "activity:read_all"],
///     ScopeSeparator = ",",
///     ExtraParameters = new Dictionary&lt;string, string&gt; { ["approval_prompt"] = "auto" },
/// };
/// OpenBrowser(request.BuildUri().AbsoluteUri);
/// var callback = await listener.WaitForCallbackAsync(request.State, TimeSpan.FromMinutes(5), ct);
/// </code>
/// </example>
public sealed class AuthorizationRequest
{
    private static readonly HashSet<string> StandardParameters = new(StringComparer.Ordinal)
    {
        "response_type", "client_id", "redirect_uri", "scope", "state", "code_challenge", "code_challenge_method",
    };

    /// <summary>The service's authorize endpoint, e.g. <c>https://www.strava.com/oauth/authorize</c> or FitTrackee's <c>https://host/profile/apps/authorize</c>.</summary>
    public required Uri AuthorizationEndpoint { get; init; }

    /// <summary>The application's client id.</summary>
    public required string ClientId { get; init; }

    /// <summary>Where the service sends the browser back to; must match what is registered with the service, and is sent again in the code exchange.</summary>
    public Uri? RedirectUri { get; init; }

    /// <summary>The scopes asked for. The user may grant fewer; the redirect and token response say which.</summary>
    public IReadOnlyList<string> Scopes { get; init; } = [];

    /// <summary>What joins the scopes: a space per RFC 6749 (FitTrackee), a comma for Strava.</summary>
    public string ScopeSeparator { get; init; } = " ";

    /// <summary>The anti-forgery value the redirect must echo back; 32 random bytes, base64url, unless set.</summary>
    public string State { get; init; } = CreateState();

    /// <summary>The PKCE codes whose challenge is sent; <see langword="null"/> sends none.</summary>
    public PkceCodes? Pkce { get; init; }

    /// <summary>Service-specific parameters, e.g. Strava's <c>approval_prompt=auto</c>. They cannot replace the standard ones.</summary>
    public IReadOnlyDictionary<string, string> ExtraParameters { get; init; } = new Dictionary<string, string>();

    /// <summary>The <c>response_type</c>; <c>code</c> for the authorization-code flow.</summary>
    public string ResponseType { get; init; } = "code";

    /// <summary>Creates an unguessable state value: 32 bytes from a cryptographic RNG, base64url without padding.</summary>
    public static string CreateState() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    /// <summary>Builds the URL to open in the user's browser.</summary>
    /// <returns>
    /// The URL. Pass <see cref="Uri.AbsoluteUri"/> to the browser: it keeps every escape, while
    /// <see cref="Uri.ToString"/> shows some of them unescaped.
    /// </returns>
    /// <exception cref="InvalidOperationException">A required value is empty, or an extra parameter repeats a standard one.</exception>
    public Uri BuildUri()
    {
        if (string.IsNullOrWhiteSpace(ClientId))
        {
            throw new InvalidOperationException("The authorization request needs a client id.");
        }

        if (string.IsNullOrEmpty(State))
        {
            throw new InvalidOperationException("The authorization request needs a state value; leave State unset to get a random one.");
        }

        if (!AuthorizationEndpoint.IsAbsoluteUri)
        {
            throw new InvalidOperationException("The authorization endpoint must be an absolute URI.");
        }

        var parameters = new List<KeyValuePair<string, string>>
        {
            new("response_type", ResponseType),
            new("client_id", ClientId),
        };
        if (RedirectUri is not null)
        {
            parameters.Add(new("redirect_uri", RedirectUri.AbsoluteUri));
        }

        var scopes = Scopes.Where(s => !string.IsNullOrWhiteSpace(s)).ToList();
        if (scopes.Count > 0)
        {
            parameters.Add(new("scope", string.Join(ScopeSeparator, scopes)));
        }

        parameters.Add(new("state", State));
        if (Pkce is not null)
        {
            parameters.Add(new("code_challenge", Pkce.Challenge));
            parameters.Add(new("code_challenge_method", Pkce.Method));
        }

        foreach (var (name, value) in ExtraParameters)
        {
            if (StandardParameters.Contains(name))
            {
                throw new InvalidOperationException($"The extra parameter '{name}' would repeat a standard one; set the matching property instead.");
            }

            parameters.Add(new(name, value));
        }

        var query = new StringBuilder(AuthorizationEndpoint.Query.TrimStart('?'));
        foreach (var (name, value) in parameters)
        {
            if (query.Length > 0)
            {
                query.Append('&');
            }

            query.Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
        }

        var builder = new UriBuilder(AuthorizationEndpoint) { Query = query.ToString(), Fragment = string.Empty };
        return builder.Uri;
    }
}
