using FitnessClients.Core;

namespace FitnessClients.Runkeeper;

/// <summary>Options of <c>RunkeeperClient</c>.</summary>
/// <remarks>
/// Runkeeper stopped registering new API applications in 2017–2018. With a token you already have (from an app you
/// own, or from a partner service), only <see cref="FitnessClientOptions.TokenStore"/> is needed; the client id and
/// secret matter only for the code exchange of <c>RunkeeperAuthenticator</c>. Runkeeper tokens never expire and
/// cannot be refreshed: a 401 means the user disconnected the app, and the client reports it as
/// <see cref="AuthenticationRequiredException"/>.
/// </remarks>
public sealed class RunkeeperClientOptions : FitnessClientOptions
{
    /// <summary>The default feed page size: large, because every page is a request against Runkeeper's small budget.</summary>
    public const int DefaultPageSize = 100;

    /// <summary>Your Health Graph application's client id (only for the code exchange).</summary>
    public string? ClientId { get; set; }

    /// <summary>Your Health Graph application's client secret (only for the code exchange). Never logged.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>The root of the OAuth pages; <see langword="null"/> uses <see cref="RunkeeperEndpoints.OAuth"/>.</summary>
    public Uri? OAuthBaseAddress { get; set; }

    /// <summary>Items per feed page (1 to 1,000). Default <see cref="DefaultPageSize"/>.</summary>
    public int PageSize
    {
        get;
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, 1000);
            field = value;
        }
    } = DefaultPageSize;

    /// <summary>
    /// The time zone assumed for activities whose <c>utc_offset</c> is missing (feeds fetched before about 2013 do not
    /// carry it). <see langword="null"/> (the default) keeps the local wall-clock time as it is, labelled UTC+00:00,
    /// so dates never shift; set the zone you lived in to get real instants.
    /// </summary>
    public TimeZoneInfo? AssumedTimeZone { get; set; }

    /// <summary>The API root in effect.</summary>
    public Uri EffectiveBaseAddress => BaseAddress ?? RunkeeperEndpoints.Api;

    /// <summary>The OAuth root in effect.</summary>
    public Uri EffectiveOAuthBaseAddress => OAuthBaseAddress ?? RunkeeperEndpoints.OAuth;
}
