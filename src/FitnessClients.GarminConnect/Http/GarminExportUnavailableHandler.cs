using System.Net;

namespace FitnessClients.GarminConnect.Http;

/// <summary>
/// Turns Garmin's 500 on a TCX export into a "no content" answer before the retry layer sees it. Garmin answers a TCX
/// export of a GPX upload with a 500 every time (garmin-connect-export treats it as final); retried, it would cost
/// four requests per activity and, during a backup of many GPX uploads, could open the circuit breaker for every
/// other call. The answer is marked with <see cref="MarkerHeader"/> so the downloads client can say why.
/// </summary>
/// <remarks>Sits innermost, in front of the primary handler, so the request log shows the rewritten 204.</remarks>
internal sealed class GarminExportUnavailableHandler : DelegatingHandler
{
    public const string MarkerHeader = "X-FitnessClients-Garmin-Original-Status";

    public static bool IsTcxExport(HttpRequestMessage request) =>
        request.Method == HttpMethod.Get
        && request.RequestUri is { } uri
        && (uri.IsAbsoluteUri ? uri.AbsolutePath : uri.OriginalString).Contains("download-service/export/tcx/", StringComparison.OrdinalIgnoreCase);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.InternalServerError || !IsTcxExport(request))
        {
            return response;
        }

        response.Dispose();
        var replacement = new HttpResponseMessage(HttpStatusCode.NoContent) { RequestMessage = request, ReasonPhrase = "No Content (TCX export failed with 500)" };
        replacement.Headers.TryAddWithoutValidation(MarkerHeader, "500");
        return replacement;
    }
}
