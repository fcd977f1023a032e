using FitnessClients.FitTrackee.Models;
using RestEase;

namespace FitnessClients.FitTrackee.Api;

/// <summary>FitTrackee's REST API as RestEase sees it; paths are relative to the instance root (every route is under <c>/api</c>).</summary>
internal interface IFitTrackeeApi
{
    [Get("api/config")]
    Task<FitTrackeeResponse<FitTrackeeAppConfig>> GetConfigAsync(CancellationToken cancellationToken = default);

    [Get("api/auth/profile")]
    Task<FitTrackeeResponse<FitTrackeeProfile>> GetProfileAsync(CancellationToken cancellationToken = default);

    [Get("api/sports")]
    Task<FitTrackeeResponse<FitTrackeeSportsData>> GetSportsAsync(CancellationToken cancellationToken = default);

    [Get("api/workouts")]
    Task<FitTrackeeResponse<FitTrackeeWorkoutsData>> ListWorkoutsAsync([QueryMap] IDictionary<string, string> query, CancellationToken cancellationToken = default);

    [Get("api/workouts/{id}")]
    Task<FitTrackeeResponse<FitTrackeeWorkoutsData>> GetWorkoutAsync([Path] string id, CancellationToken cancellationToken = default);

    [Get("api/workouts/{id}/gpx/download")]
    Task<HttpResponseMessage> DownloadGpxAsync([Path] string id, CancellationToken cancellationToken = default);

    [Get("api/workouts/{id}/original/download")]
    Task<HttpResponseMessage> DownloadOriginalAsync([Path] string id, CancellationToken cancellationToken = default);

    [Post("api/workouts")]
    Task<FitTrackeeResponse<FitTrackeeWorkoutsData>> UploadWorkoutAsync([Body] HttpContent content, CancellationToken cancellationToken = default);

    [Post("api/workouts/no_gpx")]
    Task<FitTrackeeResponse<FitTrackeeWorkoutsData>> CreateManualWorkoutAsync([Body] FitTrackeeManualWorkoutBody body, CancellationToken cancellationToken = default);

    [Patch("api/workouts/{id}")]
    Task<FitTrackeeResponse<FitTrackeeWorkoutsData>> UpdateWorkoutAsync([Path] string id, [Body] FitTrackeeWorkoutUpdateBody body, CancellationToken cancellationToken = default);

    [Delete("api/workouts/{id}")]
    Task DeleteWorkoutAsync([Path] string id, CancellationToken cancellationToken = default);
}
