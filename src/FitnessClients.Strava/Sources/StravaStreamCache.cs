using FitnessClients.Strava.Models;

namespace FitnessClients.Strava.Sources;

/// <summary>
/// The streams of the last few activities, as Strava sent them, so a backup that keeps <c>gpx</c>, <c>tcx</c> and
/// <c>streams.json</c> of an activity pays one streams request for all three (a backup opens an activity's formats
/// one after the other, and only a few activities at once).
/// </summary>
internal sealed class StravaStreamCache(StravaClient client, int capacity = 16)
{
    private readonly Dictionary<long, byte[]> _entries = [];
    private readonly Queue<long> _order = new();
    private readonly Lock _gate = new();

    public async Task<byte[]> GetBytesAsync(long activityId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_entries.TryGetValue(activityId, out var cached))
            {
                return cached;
            }
        }

        byte[] bytes;
        var json = await client.Streams.OpenJsonAsync(activityId, StravaStreamTypes.All, cancellationToken).ConfigureAwait(false);
        await using (json.ConfigureAwait(false))
        {
            using var buffer = new MemoryStream();
            await json.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
            bytes = buffer.ToArray();
        }

        lock (_gate)
        {
            if (_entries.TryAdd(activityId, bytes))
            {
                _order.Enqueue(activityId);
                while (_order.Count > capacity)
                {
                    _entries.Remove(_order.Dequeue());
                }
            }
        }

        return bytes;
    }

    public async Task<StravaStreamSet> GetAsync(long activityId, CancellationToken cancellationToken)
    {
        var bytes = await GetBytesAsync(activityId, cancellationToken).ConfigureAwait(false);
        return System.Text.Json.JsonSerializer.Deserialize(bytes, StravaJson.Info<StravaStreamSet>())
            ?? throw new Core.FitnessApiException("Strava answered the streams request with an empty body.") { Service = "strava" };
    }
}
