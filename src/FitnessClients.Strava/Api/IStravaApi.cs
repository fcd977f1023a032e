using System.Text.Json;
using FitnessClients.Strava.Models;
using Refit;

namespace FitnessClients.Strava.Api;

/// <summary>
/// Strava API v3 as typed Refit calls: the low-level layer under <see cref="StravaClient"/>. Each method is one
/// request; routes are relative to the API root (<c>https://www.strava.com/api/v3/</c>). Over the SDK's pipeline
/// (<see cref="ServiceCollectionExtensions.AddStravaApi"/>) every call carries a fresh bearer token, waits for
/// Strava's 15-minute and daily budgets, is retried when that is safe, and fails with the SDK's typed exceptions
/// (<see cref="Core.FitnessApiException"/> and its kinds), never with Refit's <c>ApiException</c>.
/// </summary>
/// <remarks>
/// Unlike the facade, the interface neither checks the token's scopes before a call (a missing scope comes back as
/// Strava's 401 or 403), nor pages, caches or polls. Methods ending in <c>JsonAsync</c> return the body exactly as
/// Strava sent it, for backups that keep Strava's JSON; the others return the models.
/// </remarks>
/// <example>
/// <code>
/// services.AddStravaApi(o => { o.ClientId = id; o.ClientSecret = secret; o.TokenStore = store; });
/// // later, from the container:
/// var api = provider.GetRequiredService&lt;IStravaApi&gt;();
/// var athlete = await api.GetAthleteAsync();
/// var laps = await api.GetLapsAsync(16181809559);
/// </code>
/// </example>
public interface IStravaApi
{
    /// <summary>The athlete the token belongs to (<c>GET /athlete</c>); detailed with profile:read_all.</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The athlete.</returns>
    [Get("/athlete")]
    Task<StravaAthlete> GetAthleteAsync(CancellationToken cancellationToken = default);

    /// <summary>Totals of the athlete's public activities (<c>GET /athletes/{id}/stats</c>).</summary>
    /// <param name="id">The signed-in athlete's id; Strava refuses any other.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The totals.</returns>
    [Get("/athletes/{id}/stats")]
    Task<StravaAthleteStats> GetAthleteStatsAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>
    /// One page of the athlete's activities (<c>GET /athlete/activities</c>), each as Strava sent it. Needs
    /// activity:read_all for "Only Me" activities (without it they are silently left out).
    /// </summary>
    /// <param name="before">Only activities starting before this Unix time (seconds); none when <see langword="null"/>.</param>
    /// <param name="after">Only activities starting after this Unix time (seconds); none when <see langword="null"/>.</param>
    /// <param name="page">The page, from 1.</param>
    /// <param name="perPage">Items per page, at most 200.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The page's activities as JSON; fewer than <paramref name="perPage"/> on the last page.</returns>
    [Get("/athlete/activities")]
    Task<IReadOnlyList<JsonElement>> ListActivitiesJsonAsync(
        long? before,
        long? after,
        int page,
        [AliasAs("per_page")] int perPage,
        CancellationToken cancellationToken = default);

    /// <summary>One activity with its details (<c>GET /activities/{id}</c>).</summary>
    /// <param name="id">The activity id.</param>
    /// <param name="includeAllEfforts"><c>true</c> to include every segment effort, else <c>false</c>.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The activity.</returns>
    // A string, not a bool: Refit writes a bool as "True", and the SDK sends Strava's own "true"/"false".
    [Get("/activities/{id}")]
    Task<StravaDetailedActivity> GetActivityAsync(
        long id,
        [AliasAs("include_all_efforts")] string includeAllEfforts = "false",
        CancellationToken cancellationToken = default);

    /// <summary>One activity's details (<c>GET /activities/{id}</c>) as Strava sent them, read from the network as they arrive.</summary>
    /// <param name="id">The activity id.</param>
    /// <param name="includeAllEfforts"><c>true</c> to include every segment effort, else <c>false</c>.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The JSON body; disposing it releases the response.</returns>
    [Get("/activities/{id}")]
    Task<Stream> GetActivityJsonAsync(
        long id,
        [AliasAs("include_all_efforts")] string includeAllEfforts = "false",
        CancellationToken cancellationToken = default);

    /// <summary>
    /// An activity's streams by type (<c>GET /activities/{id}/streams?key_by_type=true&amp;keys=…</c>), all keys in one
    /// request. Without keys Strava silently returns only distance.
    /// </summary>
    /// <param name="id">The activity id.</param>
    /// <param name="keys">Comma-separated stream keys (<see cref="StravaStreamTypes"/>), e.g. <c>time,latlng,heartrate</c>.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The streams the activity has.</returns>
    [Get("/activities/{id}/streams?key_by_type=true")]
    Task<StravaStreamSet> GetStreamsAsync(long id, string keys, CancellationToken cancellationToken = default);

    /// <summary>An activity's streams (<c>GET /activities/{id}/streams?key_by_type=true&amp;keys=…</c>) as Strava sent them.</summary>
    /// <param name="id">The activity id.</param>
    /// <param name="keys">Comma-separated stream keys (<see cref="StravaStreamTypes"/>).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The JSON body, read from the network as it arrives; disposing it releases the response.</returns>
    [Get("/activities/{id}/streams?key_by_type=true")]
    Task<Stream> GetStreamsJsonAsync(long id, string keys, CancellationToken cancellationToken = default);

    /// <summary>The laps of an activity (<c>GET /activities/{id}/laps</c>).</summary>
    /// <param name="id">The activity id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The laps.</returns>
    [Get("/activities/{id}/laps")]
    Task<IReadOnlyList<StravaLap>> GetLapsAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>Time in heart-rate and power zones (<c>GET /activities/{id}/zones</c>, a subscriber feature).</summary>
    /// <param name="id">The activity id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The zones.</returns>
    [Get("/activities/{id}/zones")]
    Task<IReadOnlyList<StravaActivityZone>> GetZonesAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>An activity's photos and videos (<c>GET /activities/{id}/photos?photo_sources=true&amp;size=…</c>, undocumented by Strava).</summary>
    /// <param name="id">The activity id.</param>
    /// <param name="size">The wanted image size in pixels (URLs come back for the closest size); Strava's small default when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The photos and videos.</returns>
    [Get("/activities/{id}/photos?photo_sources=true")]
    Task<IReadOnlyList<StravaPhoto>> GetPhotosAsync(long id, int? size, CancellationToken cancellationToken = default);

    /// <summary>One piece of gear (<c>GET /gear/{id}</c>), retired gear included.</summary>
    /// <param name="id">The gear id (<c>b…</c> or <c>g…</c>).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The gear.</returns>
    [Get("/gear/{id}")]
    Task<StravaGear> GetGearAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Edits an activity (<c>PUT /activities/{id}</c>, needs activity:write).</summary>
    /// <param name="id">The activity id.</param>
    /// <param name="update">The fields to change; null fields are not sent and stay as they are.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The activity after the edit.</returns>
    [Put("/activities/{id}")]
    Task<StravaDetailedActivity> UpdateActivityAsync(long id, [Body] StravaActivityUpdate update, CancellationToken cancellationToken = default);

    /// <summary>
    /// Sends an activity file (<c>POST /uploads</c>, multipart, needs activity:write); Strava processes it afterwards.
    /// Not retried: a repeated upload would come back as a duplicate of the first.
    /// </summary>
    /// <param name="file">The file, e.g. <c>new StreamPart(stream, "activity.fit", "application/octet-stream")</c>; read once, not disposed.</param>
    /// <param name="dataType"><c>fit</c>, <c>fit.gz</c>, <c>tcx</c>, <c>tcx.gz</c>, <c>gpx</c> or <c>gpx.gz</c>.</param>
    /// <param name="name">The activity title; Strava picks one when <see langword="null"/>.</param>
    /// <param name="externalId">Your id for the file, echoed back; left out when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the upload.</param>
    /// <returns>The upload, usually still processing (poll <see cref="GetUploadAsync"/>).</returns>
    [Multipart]
    [Post("/uploads")]
    Task<StravaUpload> CreateUploadAsync(
        StreamPart file,
        [AliasAs("data_type")] string dataType,
        string? name = null,
        [AliasAs("external_id")] string? externalId = null,
        CancellationToken cancellationToken = default);

    /// <summary>The processing state of an upload (<c>GET /uploads/{id}</c>).</summary>
    /// <param name="id">The upload id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The upload: ready with an activity id, still processing, or failed with an error.</returns>
    [Get("/uploads/{id}")]
    Task<StravaUpload> GetUploadAsync(long id, CancellationToken cancellationToken = default);
}
