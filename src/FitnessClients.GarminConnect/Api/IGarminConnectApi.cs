using FitnessClients.Core.Http;
using FitnessClients.GarminConnect.Models;
using Refit;

namespace FitnessClients.GarminConnect.Api;

/// <summary>
/// Garmin Connect's data API (<c>https://connectapi.{domain}/</c>) as the mobile app calls it: the typed, low-level
/// layer under <see cref="GarminConnectClient"/>, one method per request. Refit's source generator implements it;
/// register it with <see cref="ServiceCollectionExtensions.AddGarminConnectApi"/> so that it sends through the Garmin
/// pipeline (tokens, rate limit, retries and timeouts, error mapping).
/// </summary>
/// <remarks>
/// <para>
/// A failed call throws the SDK's exceptions (<see cref="Core.ResourceNotFoundException"/>,
/// <see cref="Core.AuthenticationRequiredException"/>, ...) from the pipeline's error mapping before Refit sees the
/// answer, so even methods returning <see cref="IApiResponse{T}"/> only ever hold a successful response.
/// </para>
/// <para>
/// Downloads return <see cref="IApiResponse{T}"/> of <see cref="Stream"/>: the body is read straight from the
/// connection (never buffered), the status tells a 204 "no such file" from a file, and disposing the response
/// releases the connection. Downloads and uploads take the attempt timeout for their request, because Garmin builds
/// exports on the fly; pass <see cref="GarminConnectClientOptions.DownloadAttemptTimeout"/> as the facade does.
/// </para>
/// <para>
/// Use <see cref="GarminConnectClient"/> for paging, multisport legs, file writing, ZIP unpacking and the "not
/// available" answers; use this interface for a single call, or for an endpoint the facade answers in a way you do not want.
/// </para>
/// </remarks>
/// <example>
/// <code>
/// services.AddGarminConnectApi(o =>
/// {
///     o.TokenStore = new FileTokenStore("/var/lib/backup/tokens");
///     o.TokenKey = "garmin-jane";
/// });
///
/// // later, from the container:
/// var garmin = provider.GetRequiredService&lt;IGarminConnectApi&gt;();
/// var page = await garmin.SearchActivitiesAsync(start: 0, limit: 20);
/// using var gpx = await garmin.DownloadExportAsync("gpx", page[0].ActivityId!.Value, TimeSpan.FromMinutes(2));
/// if (gpx.StatusCode != HttpStatusCode.NoContent)
/// {
///     await using var file = File.Create($"{page[0].ActivityId}.gpx");
///     await gpx.Content!.CopyToAsync(file);
/// }
/// </code>
/// </example>
public interface IGarminConnectApi
{
    /// <summary>Reads the signed-in user's social profile: display name, full name, profile id.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The profile.</returns>
    [Get("/userprofile-service/socialProfile")]
    Task<GarminSocialProfile> GetSocialProfileAsync(CancellationToken cancellationToken = default);

    /// <summary>Reads the signed-in user's settings: units, body data, sleep times.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The settings.</returns>
    [Get("/userprofile-service/userprofile/user-settings")]
    Task<GarminUserSettings> GetUserSettingsAsync(CancellationToken cancellationToken = default);

    /// <summary>Reads a user's lifetime totals.</summary>
    /// <param name="displayName">The user's display name (<see cref="GarminSocialProfile.DisplayName"/>).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The totals.</returns>
    [Get("/userstats-service/statistics/{displayName}")]
    Task<GarminUserStatistics> GetUserStatisticsAsync(string displayName, CancellationToken cancellationToken = default);

    /// <summary>Counts the activities in the list.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The count.</returns>
    [Get("/activitylist-service/activities/count")]
    Task<GarminActivityCount> GetActivityCountAsync(CancellationToken cancellationToken = default);

    /// <summary>Reads one page of the activity list; a <see langword="null"/> argument is left out of the query.</summary>
    /// <param name="start">How many activities to skip.</param>
    /// <param name="limit">The page size, 1 to <see cref="GarminConnectClientOptions.MaxPageSize"/>.</param>
    /// <param name="startDate">The first day, <c>yyyy-MM-dd</c> (Garmin filters loosely; check the dates yourself).</param>
    /// <param name="endDate">The last day, <c>yyyy-MM-dd</c>.</param>
    /// <param name="activityType">A type key such as <c>running</c>.</param>
    /// <param name="sortOrder"><c>asc</c> for oldest first; newest first when left out.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page; empty past the end.</returns>
    [Get("/activitylist-service/activities/search/activities")]
    Task<IReadOnlyList<GarminActivityListItem>> SearchActivitiesAsync(
        int start,
        int limit,
        string? startDate = null,
        string? endDate = null,
        string? activityType = null,
        string? sortOrder = null,
        CancellationToken cancellationToken = default);

    /// <summary>Reads an activity's summary.</summary>
    /// <param name="activityId">The activity.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The summary.</returns>
    [Get("/activity-service/activity/{activityId}")]
    Task<GarminActivitySummary> GetActivityAsync(long activityId, CancellationToken cancellationToken = default);

    /// <summary>Reads an activity's summary as the bytes Garmin sent, for <c>summary.json</c> backups; dispose the response.</summary>
    /// <param name="activityId">The activity.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The response, its body unparsed in <see cref="IApiResponse{T}.Content"/>.</returns>
    [Get("/activity-service/activity/{activityId}")]
    Task<IApiResponse<Stream>> GetActivityJsonAsync(long activityId, CancellationToken cancellationToken = default);

    /// <summary>Reads an activity's samples and polyline.</summary>
    /// <param name="activityId">The activity.</param>
    /// <param name="maxChartSize">The most sample rows Garmin returns (it thins longer series); Garmin's default when <see langword="null"/>.</param>
    /// <param name="maxPolylineSize">The most track points of the polyline; Garmin's default when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The details.</returns>
    [Get("/activity-service/activity/{activityId}/details")]
    Task<GarminActivityDetails> GetActivityDetailsAsync(
        long activityId, int? maxChartSize = null, int? maxPolylineSize = null, CancellationToken cancellationToken = default);

    /// <summary>Reads an activity's details as the bytes Garmin sent, for <c>details.json</c> backups; dispose the response.</summary>
    /// <param name="activityId">The activity.</param>
    /// <param name="maxChartSize">The most sample rows; Garmin's default when <see langword="null"/>.</param>
    /// <param name="maxPolylineSize">The most track points; Garmin's default when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The response, its body unparsed in <see cref="IApiResponse{T}.Content"/>.</returns>
    [Get("/activity-service/activity/{activityId}/details")]
    Task<IApiResponse<Stream>> GetActivityDetailsJsonAsync(
        long activityId, int? maxChartSize = null, int? maxPolylineSize = null, CancellationToken cancellationToken = default);

    /// <summary>Reads an activity's laps.</summary>
    /// <param name="activityId">The activity.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The laps.</returns>
    [Get("/activity-service/activity/{activityId}/splits")]
    Task<GarminActivitySplits> GetActivitySplitsAsync(long activityId, CancellationToken cancellationToken = default);

    /// <summary>Reads the time an activity spent in each heart-rate zone, in Garmin's order.</summary>
    /// <param name="activityId">The activity.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The zones.</returns>
    [Get("/activity-service/activity/{activityId}/hrTimeInZones")]
    Task<IReadOnlyList<GarminHrTimeInZone>> GetHrTimeInZonesAsync(long activityId, CancellationToken cancellationToken = default);

    /// <summary>Reads every activity type Garmin knows.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The types.</returns>
    [Get("/activity-service/activity/activityTypes")]
    Task<IReadOnlyList<GarminActivityType>> GetActivityTypesAsync(CancellationToken cancellationToken = default);

    /// <summary>Reads the gear linked to an activity.</summary>
    /// <param name="activityId">The activity.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The gear; empty when none is linked.</returns>
    [Get("/gear-service/gear/filterGear")]
    Task<IReadOnlyList<GarminGear>> GetActivityGearAsync(long activityId, CancellationToken cancellationToken = default);

    /// <summary>Reads a device's product and firmware.</summary>
    /// <param name="deviceApplicationInstallationId">The id in an activity's <see cref="GarminMetadataDto.DeviceApplicationInstallationId"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The device.</returns>
    [Get("/device-service/deviceservice/app-info/{deviceApplicationInstallationId}")]
    Task<GarminDeviceAppInfo> GetDeviceAppInfoAsync(long deviceApplicationInstallationId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Downloads the original file: a ZIP holding <c>{id}_ACTIVITY.fit</c> (or .gpx/.tcx for uploaded files), streamed
    /// from the connection. Dispose the response. A manual activity has none: a <see cref="Core.ResourceNotFoundException"/>.
    /// </summary>
    /// <param name="activityId">The activity.</param>
    /// <param name="attemptTimeout">How long one attempt may wait for the answer (<see cref="GarminConnectClientOptions.DownloadAttemptTimeout"/>; <see cref="Timeout.InfiniteTimeSpan"/> for none).</param>
    /// <param name="cancellationToken">Cancels the call; reading the body takes its own token.</param>
    /// <returns>The response, the ZIP in <see cref="IApiResponse{T}.Content"/>.</returns>
    [Get("/download-service/files/activity/{activityId}")]
    [Headers("Accept: */*")]
    Task<IApiResponse<Stream>> DownloadOriginalAsync(
        long activityId,
        [Property(FitnessRequestOptions.AttemptTimeoutKey)] TimeSpan attemptTimeout,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// Downloads an export Garmin builds on the fly, streamed from the connection. Dispose the response. An activity
    /// without GPS answers 204 (no body) or a <see cref="Core.ResourceNotFoundException"/>; a TCX of a GPX upload, 500.
    /// </summary>
    /// <param name="format"><c>gpx</c>, <c>tcx</c>, <c>kml</c> or <c>csv</c>.</param>
    /// <param name="activityId">The activity.</param>
    /// <param name="attemptTimeout">How long one attempt may wait for the answer (<see cref="GarminConnectClientOptions.DownloadAttemptTimeout"/>; <see cref="Timeout.InfiniteTimeSpan"/> for none).</param>
    /// <param name="cancellationToken">Cancels the call; reading the body takes its own token.</param>
    /// <returns>The response, the file in <see cref="IApiResponse{T}.Content"/>.</returns>
    [Get("/download-service/export/{format}/activity/{activityId}")]
    [Headers("Accept: */*")]
    Task<IApiResponse<Stream>> DownloadExportAsync(
        string format,
        long activityId,
        [Property(FitnessRequestOptions.AttemptTimeoutKey)] TimeSpan attemptTimeout,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// Uploads an activity file as the multipart part <c>file</c>. Garmin answers 202 with the import's outcome (and
    /// a <c>Location</c> to ask for it while it is processing); a 409 "duplicate" is thrown by the pipeline as a
    /// <see cref="Core.FitnessApiException"/> with status 409. The POST is never retried. Dispose the response.
    /// </summary>
    /// <param name="file">The file; its name's extension (<c>.fit</c>, <c>.gpx</c>, <c>.tcx</c>) tells Garmin the format. Pass a <see cref="GarminUploadPart"/> for the part header Garmin's clients send.</param>
    /// <param name="attemptTimeout">How long one attempt may take (<see cref="GarminConnectClientOptions.DownloadAttemptTimeout"/>).</param>
    /// <param name="cancellationToken">Cancels the upload.</param>
    /// <returns>The response; <see cref="IApiResponse{T}.Content"/> is <see langword="null"/> when the body is not the documented JSON.</returns>
    // The boundary is fixed per method by Refit; this one is long and odd enough never to occur inside an activity file.
    [Multipart("----FitnessClientsGarminUpload-3f9c1e7a52b04d6e")]
    [Post("/upload-service/upload")]
    Task<IApiResponse<GarminUploadResponse>> UploadAsync(
        [AliasAs("file")] StreamPart file,
        [Property(FitnessRequestOptions.AttemptTimeoutKey)] TimeSpan attemptTimeout,
        CancellationToken cancellationToken = default);
}
