using FitnessClients.Core;

namespace FitnessClients.Strava;

/// <summary>Options of <c>StravaClient</c>.</summary>
public sealed class StravaClientOptions : FitnessClientOptions
{
    /// <summary>Your API application's client id (from strava.com/settings/api).</summary>
    public string? ClientId { get; set; }

    /// <summary>Your API application's client secret. Never logged.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>The OAuth root; <see langword="null"/> uses <see cref="StravaEndpoints.OAuth"/>.</summary>
    public Uri? OAuthBaseAddress { get; set; }

    /// <summary>The website root for original-file exports; <see langword="null"/> uses <see cref="StravaEndpoints.Web"/>.</summary>
    public Uri? WebBaseAddress { get; set; }

    /// <summary>The API root in effect.</summary>
    public Uri EffectiveBaseAddress => BaseAddress ?? StravaEndpoints.Api;

    /// <summary>The OAuth root in effect.</summary>
    public Uri EffectiveOAuthBaseAddress => OAuthBaseAddress ?? StravaEndpoints.OAuth;

    /// <summary>The website root in effect.</summary>
    public Uri EffectiveWebBaseAddress => WebBaseAddress ?? StravaEndpoints.Web;
}
