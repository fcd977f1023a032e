using FitnessClients.Strava.Models;

namespace FitnessClients.Strava.Clients;

/// <summary>An activity's recorded samples (time, position, heart rate, …) in one request.</summary>
public class StravaStreamsClient
{
    private readonly StravaClientContext? _context;

    internal StravaStreamsClient(StravaClientContext context) => _context = context;

    /// <summary>For mocking frameworks; a client made this way only works where its members are overridden.</summary>
    protected StravaStreamsClient()
    {
    }

    private StravaClientContext Context => _context ?? throw new InvalidOperationException("This client was created for mocking; override the member you call.");

    /// <summary>
    /// Reads the streams of an activity (<c>GET /activities/{id}/streams?keys=…&amp;key_by_type=true</c>), all keys in
    /// one request. Streams the activity lacks are absent from the result.
    /// </summary>
    /// <param name="activityId">The activity id.</param>
    /// <param name="keys">The stream keys (<see cref="StravaStreamTypes"/>); all of them when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The streams by type.</returns>
    public virtual async Task<StravaStreamSet> GetAsync(long activityId, IEnumerable<string>? keys = null, CancellationToken cancellationToken = default)
    {
        var joined = await PrepareAsync(keys, cancellationToken).ConfigureAwait(false);
        var streams = await Context.Api.GetStreamsAsync(activityId, joined, cancellationToken).ConfigureAwait(false);
        return StravaClientContext.Required(streams);
    }

    /// <summary>The streams JSON as Strava sent it, for backups; disposing the stream releases the response.</summary>
    internal async Task<Stream> OpenJsonAsync(long activityId, IEnumerable<string>? keys, CancellationToken cancellationToken)
    {
        var joined = await PrepareAsync(keys, cancellationToken).ConfigureAwait(false);
        return await Context.Api.GetStreamsJsonAsync(activityId, joined, cancellationToken).ConfigureAwait(false);
    }

    private async Task<string> PrepareAsync(IEnumerable<string>? keys, CancellationToken cancellationToken)
    {
        var joined = string.Join(',', (keys ?? StravaStreamTypes.All).Where(k => !string.IsNullOrWhiteSpace(k)).Select(k => k.Trim()).Distinct(StringComparer.Ordinal));
        if (joined.Length == 0)
        {
            throw new ArgumentException("At least one stream key is needed: without keys Strava silently returns only distance.", nameof(keys));
        }

        await Context.RequireScopeAsync("read activity streams", cancellationToken, StravaScopes.ActivityRead, StravaScopes.ActivityReadAll).ConfigureAwait(false);
        return joined;
    }
}
