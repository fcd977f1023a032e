namespace FitnessClients.Core;

/// <summary>
/// How <see cref="Http.ErrorMappingHandler"/> and <see cref="FitnessApiExceptionFactory"/> turn a failed response
/// of one service into an exception: the service's name for messages, a hook for service-specific answers, and
/// the extra JSON fields the service puts its error message in.
/// </summary>
/// <example>
/// <code>
/// var options = new ErrorMappingOptions
/// {
///     ServiceName = "fittrackee",
///     CustomMapper = info => info.StatusCode == HttpStatusCode.RequestEntityTooLarge
///         ? new FitnessApiException($"{info.Summary}. The file is larger than the server's upload limit.")
///         : null,
/// };
/// </code>
/// </example>
public sealed class ErrorMappingOptions
{
    /// <summary>The default for <see cref="MaxBodyBytes"/>: 64 KiB.</summary>
    public const int DefaultMaxBodyBytes = 64 * 1024;

    /// <summary>The service's short name used in messages and <see cref="FitnessApiException.Service"/>, e.g. <c>strava</c>. Required.</summary>
    public string ServiceName { get; set; } = string.Empty;

    /// <summary>
    /// A service-specific mapping tried before the default one: return an exception for the responses it knows
    /// (e.g. Strava's 429 with the exhausted window, FitTrackee's 413 upload limit), <see langword="null"/> for the
    /// rest. Build messages from <see cref="ErrorResponseInfo.Summary"/> and the other scrubbed fields only.
    /// </summary>
    public Func<ErrorResponseInfo, FitnessApiException?>? CustomMapper { get; set; }

    /// <summary>
    /// More JSON field names that hold an error message for this service, tried after the common ones
    /// (<c>message</c>, <c>error_description</c>, <c>error</c>, <c>detail</c>, <c>reason</c>, <c>errors</c>) and
    /// before <c>status</c>.
    /// </summary>
    public IList<string> MessageFields { get; } = new List<string>();

    /// <summary>How much of an error body is read at most; the rest is never downloaded. Default 64 KiB.</summary>
    public int MaxBodyBytes { get; set; } = DefaultMaxBodyBytes;

    /// <summary>
    /// The wait assumed for a 429 without <c>Retry-After</c> when computing
    /// <see cref="RateLimitExceededException.ResumeAt"/>. Default 60 seconds.
    /// </summary>
    public TimeSpan DefaultRateLimitWait { get; set; } = TimeSpan.FromSeconds(60);
}
