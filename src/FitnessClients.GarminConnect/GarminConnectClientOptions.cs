using FitnessClients.Core;

namespace FitnessClients.GarminConnect;

/// <summary>Options of <c>GarminConnectClient</c>.</summary>
public sealed class GarminConnectClientOptions : FitnessClientOptions
{
    /// <summary>Garmin's domain: <c>garmin.com</c>, or <c>garmin.cn</c> for Chinese accounts. Decides every host (connectapi, diauth, sso) unless one is overridden below.</summary>
    public string Domain { get; set; } = GarminDomains.Global;

    /// <summary>The DI OAuth2 token endpoint; <see langword="null"/> uses <see cref="GarminEndpoints.DiAuthToken"/> for <see cref="Domain"/>.</summary>
    public Uri? DiAuthTokenEndpoint { get; set; }

    /// <summary>The SSO root for the best-effort login; <see langword="null"/> uses <see cref="GarminEndpoints.Sso"/> for <see cref="Domain"/>.</summary>
    public Uri? SsoBaseAddress { get; set; }

    /// <summary>The data API root in effect: <see cref="FitnessClientOptions.BaseAddress"/>, or connectapi for <see cref="Domain"/>.</summary>
    public Uri EffectiveBaseAddress => BaseAddress ?? GarminEndpoints.ConnectApi(Domain);

    /// <summary>The DI token endpoint in effect.</summary>
    public Uri EffectiveDiAuthTokenEndpoint => DiAuthTokenEndpoint ?? GarminEndpoints.DiAuthToken(Domain);

    /// <summary>The SSO root in effect.</summary>
    public Uri EffectiveSsoBaseAddress => SsoBaseAddress ?? GarminEndpoints.Sso(Domain);
}
