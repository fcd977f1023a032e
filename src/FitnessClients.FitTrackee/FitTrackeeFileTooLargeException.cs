using FitnessClients.Core;

namespace FitnessClients.FitTrackee;

/// <summary>
/// An upload would exceed the instance's <c>max_single_file_size</c>, which FitTrackee compares with the whole
/// request. Raised before sending (the limit comes from <c>/api/config</c>), so nothing was uploaded.
/// </summary>
public sealed class FitTrackeeFileTooLargeException : FitnessApiException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What happened and what to do.</param>
    /// <param name="requestSize">The size of the request that would have been sent, in bytes.</param>
    /// <param name="limit">The instance's limit, in bytes.</param>
    public FitTrackeeFileTooLargeException(string message, long requestSize, long limit)
        : base(message)
    {
        RequestSize = requestSize;
        Limit = limit;
        Service = "fittrackee";
        StatusCode = System.Net.HttpStatusCode.RequestEntityTooLarge;
    }

    /// <summary>The size of the request that would have been sent, in bytes.</summary>
    public long RequestSize { get; }

    /// <summary>The instance's <c>max_single_file_size</c>, in bytes.</summary>
    public long Limit { get; }
}
