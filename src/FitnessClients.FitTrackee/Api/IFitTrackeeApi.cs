using FitnessClients.FitTrackee.Models;
using Refit;

namespace FitnessClients.FitTrackee.Api;

/// <summary>
/// FitTrackee's REST API as a typed Refit interface: the low-level layer under <see cref="FitTrackeeClient"/>. Each
/// method is one request to the instance (routes under <c>/api</c>, relative to the instance root); the answers are
/// FitTrackee's envelopes as sent, without the facade's caching, checks and conversions.
/// </summary>
/// <remarks>
/// <para>
/// Register it with <c>services.AddFitTrackeeApi(...)</c>: the implementation Refit generates at build time then runs
/// over the same pipeline as the facade (bearer token refreshed and saved before use, the instance's rate limits,
/// retries, and error mapping), so a failed call throws the SDK's <see cref="Core.FitnessApiException"/> types
/// (<see cref="Core.ResourceNotFoundException"/> for a 404, <see cref="Core.AuthenticationRequiredException"/> when a
/// new sign-in is needed), never Refit's <c>ApiException</c>.
/// </para>
/// <para>
/// Prefer the facade for everyday work: it pages through lists, resolves sports by label, converts dates into the
/// user's timezone, checks uploads against the instance's limits before sending, and names downloaded files. Use this
/// interface for a call the facade does not make, or to control each request yourself.
/// </para>
/// </remarks>
/// <example>
/// <code>
/// services.AddFitTrackeeApi(o =>
/// {
///     o.BaseAddress = new Uri("https://fittrackee.example.org/");
///     o.ClientId = id; o.ClientSecret = secret; o.TokenStore = new FileTokenStore(folder);
/// });
/// // …
/// var api = provider.GetRequiredService&lt;IFitTrackeeApi&gt;();
/// var page = await api.ListWorkoutsAsync(new FitTrackeeWorkoutQuery { PerPage = 10 }.ToQueryParameters());
/// foreach (var workout in page.Data?.ToWorkouts() ?? [])
///     Console.WriteLine($"{workout.WorkoutDate:u} {workout.Title}");
/// </code>
/// </example>
public interface IFitTrackeeApi
{
    /// <summary><c>GET /api/config</c>: the instance's version and upload limits (no sign-in needed, but the token is sent).</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The envelope around the configuration.</returns>
    [Get("/api/config")]
    Task<FitTrackeeResponse<FitTrackeeAppConfig>> GetConfigAsync(CancellationToken cancellationToken = default);

    /// <summary><c>GET /api/auth/profile</c> (scope <c>profile:read</c>): the signed-in user, with the timezone FitTrackee reads dates in.</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The envelope around the profile.</returns>
    [Get("/api/auth/profile")]
    Task<FitTrackeeResponse<FitTrackeeProfile>> GetProfileAsync(CancellationToken cancellationToken = default);

    /// <summary><c>GET /api/sports</c> (scope <c>workouts:read</c>). Sport ids differ between instances: find sports by label.</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The envelope around the sports.</returns>
    [Get("/api/sports")]
    Task<FitTrackeeResponse<FitTrackeeSportsData>> GetSportsAsync(CancellationToken cancellationToken = default);

    /// <summary><c>GET /api/workouts</c> (scope <c>workouts:read</c>): one page of the user's workouts, light form (no notes).</summary>
    /// <param name="query">
    /// Filters, order and paging in FitTrackee's spelling (<c>page</c>, <c>per_page</c> up to 100, <c>from</c>, …);
    /// <see cref="FitTrackeeWorkoutQuery.ToQueryParameters"/> builds them. Empty for the first page of 5.
    /// </param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The envelope with the page's workouts and the pagination.</returns>
    [Get("/api/workouts")]
    Task<FitTrackeeResponse<FitTrackeeWorkoutsData>> ListWorkoutsAsync([Query] IDictionary<string, string> query, CancellationToken cancellationToken = default);

    /// <summary><c>GET /api/workouts/{id}</c> (scope <c>workouts:read</c>): one workout in full, with notes and description.</summary>
    /// <param name="id">The workout's short id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The envelope with that one workout.</returns>
    /// <exception cref="Core.ResourceNotFoundException">No such workout, or not visible to this user.</exception>
    [Get("/api/workouts/{id}")]
    Task<FitTrackeeResponse<FitTrackeeWorkoutsData>> GetWorkoutAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>
    /// <c>GET /api/workouts/{id}/gpx/download</c> (scope <c>workouts:read</c>): the GPX, as uploaded or generated from
    /// another format. Streamed, not buffered.
    /// </summary>
    /// <param name="id">The workout's short id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>
    /// The response: the file in <see cref="IApiResponse{T}.Content"/>, its name in the <c>Content-Disposition</c> of
    /// <see cref="IApiResponse.ContentHeaders"/>. Dispose it to release the connection.
    /// </returns>
    /// <exception cref="Core.ResourceNotFoundException">No such workout, or one without a file (entered by hand).</exception>
    [Get("/api/workouts/{id}/gpx/download")]
    Task<IApiResponse<Stream>> DownloadGpxAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>
    /// <c>GET /api/workouts/{id}/original/download</c> (scope <c>workouts:read</c>, FitTrackee 0.12.0 and later): the
    /// file as it was uploaded (gpx, fit, tcx, kml or kmz). Streamed, not buffered.
    /// </summary>
    /// <param name="id">The workout's short id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>
    /// The response: the file in <see cref="IApiResponse{T}.Content"/>, its name (and so its format) in the
    /// <c>Content-Disposition</c> of <see cref="IApiResponse.ContentHeaders"/>. Dispose it to release the connection.
    /// </returns>
    /// <exception cref="Core.ResourceNotFoundException">No such workout, or one without a file.</exception>
    /// <remarks>Older instances do not have this route: check <see cref="FitTrackeeAppConfig.SupportsOriginalDownload"/> first, as the facade does.</remarks>
    [Get("/api/workouts/{id}/original/download")]
    Task<IApiResponse<Stream>> DownloadOriginalAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>
    /// <c>POST /api/workouts</c> (scope <c>workouts:write</c>): uploads a workout file as a multipart form with a
    /// <c>file</c> part (its file name's extension selects the parser) and a <c>data</c> part holding
    /// <see cref="FitTrackeeUploadData"/> as JSON.
    /// </summary>
    /// <remarks>
    /// The form is passed in whole rather than built by Refit's <c>[Multipart]</c>: FitTrackee counts its
    /// <c>max_single_file_size</c> over the whole request, form framing included, so a caller that wants to refuse a
    /// too-large upload before sending it (as the facade does) must have the finished content, and its length, in hand.
    /// Not retried on a transient failure: FitTrackee does not detect duplicates, so a second attempt could create a
    /// second workout.
    /// </remarks>
    /// <param name="content">A <see cref="MultipartFormDataContent"/> with the <c>file</c> and <c>data</c> parts.</param>
    /// <param name="cancellationToken">Cancels the upload.</param>
    /// <returns>The envelope with the workouts created (one per file; a zip may hold several).</returns>
    [Post("/api/workouts")]
    Task<FitTrackeeResponse<FitTrackeeWorkoutsData>> UploadWorkoutAsync([Body] HttpContent content, CancellationToken cancellationToken = default);

    /// <summary><c>POST /api/workouts/no_gpx</c> (scope <c>workouts:write</c>): creates a workout without a file.</summary>
    /// <param name="body">The workout in FitTrackee's units, its start in the user's timezone.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The envelope with the workout created.</returns>
    [Post("/api/workouts/no_gpx")]
    Task<FitTrackeeResponse<FitTrackeeWorkoutsData>> CreateManualWorkoutAsync([Body] FitTrackeeManualWorkoutBody body, CancellationToken cancellationToken = default);

    /// <summary><c>PATCH /api/workouts/{id}</c> (scope <c>workouts:write</c>): changes the fields set in <paramref name="body"/>.</summary>
    /// <param name="id">The workout's short id.</param>
    /// <param name="body">The changes; unset members are not sent.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The envelope with the workout after the change.</returns>
    [Patch("/api/workouts/{id}")]
    Task<FitTrackeeResponse<FitTrackeeWorkoutsData>> UpdateWorkoutAsync(string id, [Body] FitTrackeeWorkoutUpdateBody body, CancellationToken cancellationToken = default);

    /// <summary><c>DELETE /api/workouts/{id}</c> (scope <c>workouts:write</c>, answers 204). There is no undo.</summary>
    /// <param name="id">The workout's short id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the workout is gone.</returns>
    /// <exception cref="Core.ResourceNotFoundException">No such workout.</exception>
    [Delete("/api/workouts/{id}")]
    Task DeleteWorkoutAsync(string id, CancellationToken cancellationToken = default);
}
