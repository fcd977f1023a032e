using FitnessClients.Core.Http;

namespace FitnessClients.GarminConnect.Http;

/// <summary>
/// Gives downloads and uploads their own attempt timeout (<see cref="GarminConnectClientOptions.DownloadAttemptTimeout"/>):
/// Garmin builds exports on the fly and a long GPX can take well over 10 s before the first byte, far longer than a
/// JSON call should wait. Stands in front of the pipeline because RestEase 1.4.3 cannot set request options; a
/// request that already carries <see cref="FitnessRequestOptions.AttemptTimeout"/> keeps it.
/// </summary>
internal sealed class GarminTransferTimeoutHandler : DelegatingHandler
{
    private readonly TimeSpan _timeout;

    public GarminTransferTimeoutHandler(TimeSpan timeout)
    {
        _timeout = timeout;
    }

    public static bool IsTransfer(Uri? uri)
    {
        var path = uri is null ? string.Empty : uri.IsAbsoluteUri ? uri.AbsolutePath : uri.OriginalString;
        return path.Contains("download-service/", StringComparison.OrdinalIgnoreCase)
            || path.Contains("upload-service/", StringComparison.OrdinalIgnoreCase);
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (IsTransfer(request.RequestUri) && !request.Options.TryGetValue(FitnessRequestOptions.AttemptTimeout, out _))
        {
            request.Options.Set(FitnessRequestOptions.AttemptTimeout, _timeout);
        }

        return base.SendAsync(request, cancellationToken);
    }
}
