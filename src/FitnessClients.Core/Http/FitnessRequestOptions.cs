namespace FitnessClients.Core.Http;

/// <summary>
/// Per-request switches that the SDK's handlers read from <see cref="HttpRequestMessage.Options"/>. Service
/// clients set them on the few requests that need something other than the client-wide defaults.
/// </summary>
/// <example>
/// On a hand-built request:
/// <code>
/// var request = new HttpRequestMessage(HttpMethod.Get, exportUri);
/// request.Options.Set(FitnessRequestOptions.AttemptTimeout, TimeSpan.FromMinutes(2));
/// </code>
/// On a Refit interface method, through the key constants:
/// <code>
/// [Get("/download-service/export/{format}/activity/{activityId}")]
/// Task&lt;IApiResponse&lt;Stream&gt;&gt; DownloadExportAsync(string format, long activityId,
///     [Property(FitnessRequestOptions.AttemptTimeoutKey)] TimeSpan attemptTimeout, CancellationToken cancellationToken = default);
/// </code>
/// </example>
public static class FitnessRequestOptions
{
    /// <summary>The key of <see cref="SkipAuthentication"/>, for Refit's <c>[Property]</c> attribute.</summary>
    public const string SkipAuthenticationKey = "FitnessClients.SkipAuthentication";

    /// <summary>The key of <see cref="AllowRetry"/>, for Refit's <c>[Property]</c> attribute.</summary>
    public const string AllowRetryKey = "FitnessClients.AllowRetry";

    /// <summary>The key of <see cref="AttemptTimeout"/>, for Refit's <c>[Property]</c> attribute.</summary>
    public const string AttemptTimeoutKey = "FitnessClients.AttemptTimeout";

    /// <summary>
    /// When <see langword="true"/>, <see cref="AuthenticationHandler"/> sends the request as it is: no
    /// <c>Authorization</c> header and no refresh on 401. For token endpoints and public resources, which must
    /// not trigger (or wait for) a token refresh themselves.
    /// </summary>
    public static readonly HttpRequestOptionsKey<bool> SkipAuthentication = new(SkipAuthenticationKey);

    /// <summary>
    /// Marks a request that is safe to repeat although its method is not idempotent (e.g. a POST that searches,
    /// or an upload the service de-duplicates), so the resilience handler may retry it. Its content is buffered
    /// before the first attempt so that every attempt sends the same body.
    /// </summary>
    public static readonly HttpRequestOptionsKey<bool> AllowRetry = new(AllowRetryKey);

    /// <summary>
    /// The attempt timeout for this request, replacing <see cref="Resilience.ResilienceOptions.AttemptTimeout"/>;
    /// <see cref="Timeout.InfiniteTimeSpan"/> for none. Downloads the service builds on the fly (Garmin exports
    /// can take more than 10 s before the first byte) need more than a JSON call. The total timeout still applies.
    /// </summary>
    public static readonly HttpRequestOptionsKey<TimeSpan> AttemptTimeout = new(AttemptTimeoutKey);
}
