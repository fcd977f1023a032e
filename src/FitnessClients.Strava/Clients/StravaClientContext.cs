using FitnessClients.Core;
using FitnessClients.Core.Tokens;
using FitnessClients.Strava.Api;

namespace FitnessClients.Strava.Clients;

/// <summary>
/// What the sub-clients share: the typed API, the HTTP client under it (for CDN images, which are not API routes), the
/// options and the token source for scope checks.
/// </summary>
internal sealed class StravaClientContext
{
    public StravaClientContext(IStravaApi api, HttpClient http, StravaClientOptions options, TokenManager? tokens)
    {
        Api = api;
        Http = http;
        Options = options;
        Tokens = tokens;
    }

    public IStravaApi Api { get; }

    public HttpClient Http { get; }

    public StravaClientOptions Options { get; }

    public TokenManager? Tokens { get; }

    public TimeProvider Clock => Options.TimeProvider;

    /// <summary>
    /// Throws when the stored token is known to lack every one of <paramref name="anyOf"/>. A token without recorded
    /// scopes (imported from elsewhere) is not checked: Strava itself then answers 401 or 403.
    /// </summary>
    public async Task RequireScopeAsync(string purpose, CancellationToken cancellationToken, params string[] anyOf)
    {
        if (Tokens is null)
        {
            return;
        }

        var token = await Tokens.GetTokenAsync(cancellationToken).ConfigureAwait(false);
        if (token is null || token.Scopes.IsDefaultOrEmpty || anyOf.Any(token.HasScope))
        {
            return;
        }

        throw new AuthenticationRequiredException(
            $"Strava needs the scope {anyOf[0]} to {purpose}, but the token was granted only {string.Join(",", token.Scopes)}. " +
            $"Authorize again with scope={anyOf[0]} (see docs/strava.md, 'Scopes').")
        {
            Service = "strava",
            TokenKey = Tokens.Key,
        };
    }

    /// <summary>The model Strava sent; a <c>null</c> body is an error, as no call here may answer nothing.</summary>
    public static T Required<T>(T? value)
        where T : class =>
        value ?? throw new FitnessApiException("Strava answered with an empty body.") { Service = "strava" };
}
