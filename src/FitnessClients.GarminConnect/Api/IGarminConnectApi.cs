using FitnessClients.GarminConnect.Models;
using RestEase;

namespace FitnessClients.GarminConnect.Api;

/// <summary>
/// Garmin Connect's data API (<c>https://connectapi.{domain}/</c>) as the mobile app calls it. Implemented by RestEase
/// through <c>RestApiFactory</c>; failed calls never reach it because the pipeline's error mapping throws first.
/// </summary>
/// <remarks>
/// Methods returning <see cref="HttpResponseMessage"/> hand the response over unread (RestEase sends them with
/// <see cref="HttpCompletionOption.ResponseHeadersRead"/>), so that a 204 can be told from a file and a body is
/// streamed, never buffered; the caller disposes it. Downloads ask for <c>Accept: */*</c>; their longer attempt
/// timeout comes from <see cref="Http.GarminTransferTimeoutHandler"/>, because RestEase 1.4.3 cannot set request options.
/// </remarks>
internal interface IGarminConnectApi
{
    [Get("userprofile-service/socialProfile")]
    Task<GarminSocialProfile> GetSocialProfileAsync(CancellationToken cancellationToken = default);

    [Get("userprofile-service/userprofile/user-settings")]
    Task<GarminUserSettings> GetUserSettingsAsync(CancellationToken cancellationToken = default);

    [Get("userstats-service/statistics/{displayName}")]
    Task<GarminUserStatistics> GetUserStatisticsAsync([Path] string displayName, CancellationToken cancellationToken = default);

    [Get("activitylist-service/activities/count")]
    Task<GarminActivityCount> GetActivityCountAsync(CancellationToken cancellationToken = default);

    /// <summary>One page of the list; <see langword="null"/> arguments are left out of the query.</summary>
    [Get("activitylist-service/activities/search/activities")]
    Task<IReadOnlyList<GarminActivityListItem>> SearchActivitiesAsync(
        [Query("start")] int start,
        [Query("limit")] int limit,
        [Query("startDate")] string? startDate,
        [Query("endDate")] string? endDate,
        [Query("activityType")] string? activityType,
        [Query("sortOrder")] string? sortOrder,
        CancellationToken cancellationToken = default);

    [Get("activity-service/activity/{activityId}")]
    Task<GarminActivitySummary> GetActivityAsync([Path] long activityId, CancellationToken cancellationToken = default);

    /// <summary>The summary as Garmin sent it, for <c>summary.json</c> backups.</summary>
    [Get("activity-service/activity/{activityId}")]
    Task<HttpResponseMessage> GetActivityResponseAsync([Path] long activityId, CancellationToken cancellationToken = default);

    [Get("activity-service/activity/{activityId}/details")]
    Task<GarminActivityDetails> GetActivityDetailsAsync(
        [Path] long activityId, [Query("maxChartSize")] int? maxChartSize, [Query("maxPolylineSize")] int? maxPolylineSize, CancellationToken cancellationToken = default);

    /// <summary>The details as Garmin sent them, for <c>details.json</c> backups.</summary>
    [Get("activity-service/activity/{activityId}/details")]
    Task<HttpResponseMessage> GetActivityDetailsResponseAsync(
        [Path] long activityId, [Query("maxChartSize")] int? maxChartSize, [Query("maxPolylineSize")] int? maxPolylineSize, CancellationToken cancellationToken = default);

    [Get("activity-service/activity/{activityId}/splits")]
    Task<GarminActivitySplits> GetActivitySplitsAsync([Path] long activityId, CancellationToken cancellationToken = default);

    [Get("activity-service/activity/{activityId}/hrTimeInZones")]
    Task<IReadOnlyList<GarminHrTimeInZone>> GetHrTimeInZonesAsync([Path] long activityId, CancellationToken cancellationToken = default);

    [Get("activity-service/activity/activityTypes")]
    Task<IReadOnlyList<GarminActivityType>> GetActivityTypesAsync(CancellationToken cancellationToken = default);

    [Get("gear-service/gear/filterGear")]
    Task<IReadOnlyList<GarminGear>> GetActivityGearAsync([Query("activityId")] long activityId, CancellationToken cancellationToken = default);

    [Get("device-service/deviceservice/app-info/{deviceApplicationInstallationId}")]
    Task<GarminDeviceAppInfo> GetDeviceAppInfoAsync([Path] long deviceApplicationInstallationId, CancellationToken cancellationToken = default);

    /// <summary>The original file: a ZIP with <c>{id}_ACTIVITY.fit</c> (or .gpx/.tcx); 404 for manual activities.</summary>
    [Get("download-service/files/activity/{activityId}")]
    [Header("Accept", "*/*")]
    Task<HttpResponseMessage> DownloadOriginalAsync([Path] long activityId, CancellationToken cancellationToken = default);

    /// <summary>An export built on the fly: <paramref name="format"/> is <c>gpx</c>, <c>tcx</c>, <c>kml</c> or <c>csv</c>; 204 or 404 without GPS.</summary>
    [Get("download-service/export/{format}/activity/{activityId}")]
    [Header("Accept", "*/*")]
    Task<HttpResponseMessage> DownloadExportAsync([Path] string format, [Path] long activityId, CancellationToken cancellationToken = default);

    /// <summary>Uploads a multipart body whose part <c>file</c> holds the activity; 202 accepted, 409 duplicate.</summary>
    [Post("upload-service/upload")]
    Task<HttpResponseMessage> UploadAsync([Body] HttpContent content, CancellationToken cancellationToken = default);
}
