using FitnessClients.Strava.Models;
using RestEase;

namespace FitnessClients.Strava.Api;

/// <summary>Strava API v3 as RestEase sees it; paths are relative to the API root (<c>…/api/v3/</c>).</summary>
internal interface IStravaApi
{
    [Get("athlete")]
    Task<StravaAthlete> GetAthleteAsync(CancellationToken cancellationToken = default);

    [Get("athletes/{id}/stats")]
    Task<StravaAthleteStats> GetAthleteStatsAsync([Path] long id, CancellationToken cancellationToken = default);

    [Get("athlete/activities")]
    Task<HttpResponseMessage> ListActivitiesAsync(
        [Query("before")] long? before,
        [Query("after")] long? after,
        [Query("page")] int page,
        [Query("per_page")] int perPage,
        CancellationToken cancellationToken = default);

    [Get("activities/{id}")]
    Task<HttpResponseMessage> GetActivityAsync([Path] long id, [Query("include_all_efforts")] string includeAllEfforts, CancellationToken cancellationToken = default);

    [Get("activities/{id}/streams?key_by_type=true")]
    Task<HttpResponseMessage> GetStreamsAsync([Path] long id, [Query("keys")] string keys, CancellationToken cancellationToken = default);

    [Get("activities/{id}/laps")]
    Task<IReadOnlyList<StravaLap>> GetLapsAsync([Path] long id, CancellationToken cancellationToken = default);

    [Get("activities/{id}/zones")]
    Task<IReadOnlyList<StravaActivityZone>> GetZonesAsync([Path] long id, CancellationToken cancellationToken = default);

    [Get("activities/{id}/photos?photo_sources=true")]
    Task<IReadOnlyList<StravaPhoto>> GetPhotosAsync([Path] long id, [Query("size")] int? size, CancellationToken cancellationToken = default);

    [Get("gear/{id}")]
    Task<StravaGear> GetGearAsync([Path] string id, CancellationToken cancellationToken = default);

    [Put("activities/{id}")]
    Task<StravaDetailedActivity> UpdateActivityAsync([Path] long id, [Body] StravaActivityUpdate update, CancellationToken cancellationToken = default);

    [Post("uploads")]
    Task<StravaUpload> CreateUploadAsync([Body] HttpContent content, CancellationToken cancellationToken = default);

    [Get("uploads/{id}")]
    Task<StravaUpload> GetUploadAsync([Path] long id, CancellationToken cancellationToken = default);
}
