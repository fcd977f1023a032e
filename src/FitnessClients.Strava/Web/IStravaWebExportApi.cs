using Refit;

namespace FitnessClients.Strava.Web;

/// <summary>
/// The website's per-activity downloads (not API v3), on <see cref="StravaWebExporter"/>'s own client: no token, no
/// redirects followed, the session cookie sent per request. Routes are relative to the website root.
/// </summary>
internal interface IStravaWebExportApi
{
    /// <summary>
    /// One export (<c>GET /activities/{id}/export_original</c>, <c>export_gpx</c> or <c>export_tcx</c>). The status,
    /// the redirect target and <c>Content-Disposition</c> decide what the answer means, so the whole response comes
    /// back; on success its body is read from the network as it arrives.
    /// </summary>
    [Get("/activities/{id}/{export}")]
    Task<IApiResponse<Stream>> GetExportAsync(long id, string export, [Header("Cookie")] string cookie, CancellationToken cancellationToken = default);
}
