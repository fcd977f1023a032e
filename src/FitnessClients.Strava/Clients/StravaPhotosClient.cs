using FitnessClients.Core.Http;
using FitnessClients.Strava.Models;
using FitnessClients.Strava.RateLimits;

namespace FitnessClients.Strava.Clients;

/// <summary>Photos and videos of activities: the metadata from the API and the images from Strava's CDN.</summary>
public class StravaPhotosClient
{
    /// <summary>The size that asks for the largest image (what strava-backup uses).</summary>
    public const int LargestSize = 5000;

    private readonly StravaClientContext? _context;

    internal StravaPhotosClient(StravaClientContext context) => _context = context;

    /// <summary>For mocking frameworks; a client made this way only works where its members are overridden.</summary>
    protected StravaPhotosClient()
    {
    }

    private StravaClientContext Context => _context ?? throw new InvalidOperationException("This client was created for mocking; override the member you call.");

    /// <summary>Lists an activity's photos (<c>GET /activities/{id}/photos?photo_sources=true&amp;size=…</c>, undocumented).</summary>
    /// <param name="activityId">The activity id.</param>
    /// <param name="size">The wanted image size in pixels; URLs come back for the closest size.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The photos and videos.</returns>
    public virtual async Task<IReadOnlyList<StravaPhoto>> ListAsync(long activityId, int size = LargestSize, CancellationToken cancellationToken = default)
    {
        await Context.RequireScopeAsync("read activity photos", cancellationToken, StravaScopes.ActivityRead, StravaScopes.ActivityReadAll).ConfigureAwait(false);
        return await Context.Api.GetPhotosAsync(activityId, size, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Downloads the largest image of <paramref name="photo"/> from the CDN. The request carries no token (the CDN is
    /// not Strava's API) and does not count against the API rate limits.
    /// </summary>
    /// <param name="photo">A photo from <see cref="ListAsync"/>.</param>
    /// <param name="cancellationToken">Cancels the download.</param>
    /// <returns>The image bytes, positioned at the start; the caller disposes it.</returns>
    public virtual async Task<Stream> OpenImageAsync(StravaPhoto photo, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(photo);
        var url = photo.LargestUrl ?? throw new ArgumentException("The photo lists no image URL.", nameof(photo));
        // Sent on the API's HttpClient rather than through IStravaApi: the URL is an absolute CDN address, not a route
        // under the API root. The options keep the token and the rate budget out of it.
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Options.Set(FitnessRequestOptions.SkipAuthentication, true);
        request.Options.Set(StravaRateLimits.NotCounted, true);
        using var response = await Context.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        var buffer = new MemoryStream();
        await response.Content.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        buffer.Position = 0;
        return buffer;
    }
}
