using FitnessClients.Core;

namespace FitnessClients.GarminConnect;

/// <summary>Options of <c>GarminConnectClient</c>.</summary>
public sealed class GarminConnectClientOptions : FitnessClientOptions
{
    /// <summary>The default of <see cref="PageSize"/>: 100 activities per list call, as garminexport uses.</summary>
    public const int DefaultPageSize = 100;

    /// <summary>The largest page the list endpoint serves: 1000.</summary>
    public const int MaxPageSize = 1000;

    /// <summary>
    /// Creates the options with Garmin's defaults: tokens are refreshed 15 minutes before they expire, as the
    /// Garmin apps and python-garminconnect do (DI access tokens live about a day).
    /// </summary>
    public GarminConnectClientOptions()
    {
        TokenRefreshMargin = TimeSpan.FromMinutes(15);
    }

    /// <summary>Garmin's domain: <c>garmin.com</c>, or <c>garmin.cn</c> for Chinese accounts. Decides every host (connectapi, diauth, sso) unless one is overridden below.</summary>
    public string Domain { get; set; } = GarminDomains.Global;

    /// <summary>The DI OAuth2 token endpoint; <see langword="null"/> uses <see cref="GarminEndpoints.DiAuthToken"/> for <see cref="Domain"/>.</summary>
    public Uri? DiAuthTokenEndpoint { get; set; }

    /// <summary>The SSO root for the best-effort login; <see langword="null"/> uses <see cref="GarminEndpoints.Sso"/> for <see cref="Domain"/>.</summary>
    public Uri? SsoBaseAddress { get; set; }

    /// <summary>
    /// The OAuth1 consumer key and secret of the Garmin Connect app, supplied by you, used only to renew tokens imported
    /// from a garth session (garth renews by re-exchanging its OAuth1 token). The SDK never ships or downloads one.
    /// </summary>
    public Auth.GarminOAuth1Consumer? OAuth1Consumer { get; set; }

    /// <summary>The data API root in effect: <see cref="FitnessClientOptions.BaseAddress"/>, or connectapi for <see cref="Domain"/>.</summary>
    public Uri EffectiveBaseAddress => BaseAddress ?? GarminEndpoints.ConnectApi(Domain);

    /// <summary>The DI token endpoint in effect.</summary>
    public Uri EffectiveDiAuthTokenEndpoint => DiAuthTokenEndpoint ?? GarminEndpoints.DiAuthToken(Domain);

    /// <summary>The SSO root in effect.</summary>
    public Uri EffectiveSsoBaseAddress => SsoBaseAddress ?? GarminEndpoints.Sso(Domain);

    /// <summary>How many activities one list call asks for (<c>limit</c>), 1 to <see cref="MaxPageSize"/>. Default <see cref="DefaultPageSize"/>.</summary>
    public int PageSize { get; set; } = DefaultPageSize;

    /// <summary>
    /// The attempt timeout of downloads and uploads, replacing <see cref="Core.Resilience.ResilienceOptions.AttemptTimeout"/>
    /// for them: Garmin builds exports on the fly and a long GPX can take well over 10 s before the first byte.
    /// Default 2 minutes. (The resilience total timeout still bounds the whole call.)
    /// </summary>
    public TimeSpan DownloadAttemptTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Whether listing fetches each multisport parent's summary and yields its legs right after it (the list itself
    /// leaves them out). Costs one call per parent and one per leg. Default <see langword="false"/>; a query can override it.
    /// </summary>
    public bool ExpandMultisport { get; set; }

    /// <summary>Throws when a value is outside its documented range.</summary>
    internal void Validate()
    {
        if (PageSize is < 1 or > MaxPageSize)
        {
            throw new ArgumentOutOfRangeException(nameof(PageSize), PageSize, $"Garmin's list serves 1 to {MaxPageSize} activities per call.");
        }

        if (DownloadAttemptTimeout <= TimeSpan.Zero && DownloadAttemptTimeout != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(DownloadAttemptTimeout), DownloadAttemptTimeout, "The download attempt timeout must be positive, or Timeout.InfiniteTimeSpan for none.");
        }

        _ = EffectiveBaseAddress;
        _ = EffectiveDiAuthTokenEndpoint;
    }
}
