using System.Net;
using FitnessClients.Core;
using FitnessClients.FitTrackee.Models;

namespace FitnessClients.FitTrackee.Http;

/// <summary>
/// FitTrackee's errors come in three shapes: its own <c>{"status", "message"}</c>, OAuth's
/// <c>{"error", "error_description"}</c> (401 <c>invalid_token</c>, 403 <c>insufficient_scope</c>) and Flask's HTML
/// 500 page. Core's mapping reads all three; this adds what only FitTrackee needs: the size limit behind a 413,
/// the scopes behind a 403, and the likely cause of a 500 on an upload.
/// </summary>
internal static class FitTrackeeErrorMapping
{
    public const string ServiceName = "fittrackee";

    public const string SignInHint = "Run `fitness fittrackee login` (or FitTrackeeAuthenticator) to sign in again.";

    public static ErrorMappingOptions CreateOptions(FitTrackeeLimits limits) => new()
    {
        ServiceName = ServiceName,
        CustomMapper = info => Map(info, limits),
    };

    public static FitnessApiException? Map(ErrorResponseInfo info, FitTrackeeLimits limits)
    {
        ArgumentNullException.ThrowIfNull(info);
        if (info.StatusCode == HttpStatusCode.RequestEntityTooLarge)
        {
            var limit = limits.MaxSingleFileSize is { } bytes
                ? $"this instance accepts at most {FitTrackeeAppConfig.FormatSize(bytes)} ({bytes} bytes) per upload"
                : "the file is larger than this instance's upload limit (max_single_file_size, 1 MB unless the admin changed it)";
            return new FitnessApiException(
                $"{info.Summary}. FitTrackee refused the upload: {limit}, counted over the whole request including the form overhead. " +
                "Thin or split the track, or ask the instance's administrator to raise the limit.")
            {
                Service = info.Service, StatusCode = info.StatusCode, RequestMethod = info.RequestMethod, RequestUri = info.RequestUri,
                ResponseExcerpt = info.ResponseExcerpt, ErrorCode = info.ErrorCode,
            };
        }

        if (info.StatusCode == HttpStatusCode.Forbidden && string.Equals(info.ErrorCode, "insufficient_scope", StringComparison.Ordinal))
        {
            return new AuthenticationRequiredException(
                $"{info.Summary}. The token was not granted the scope this call needs; sign in again asking for {string.Join(" ", FitTrackeeScopes.Default)} " +
                "(the OAuth app must have these scopes too). " + SignInHint)
            {
                Service = info.Service, StatusCode = info.StatusCode, RequestMethod = info.RequestMethod, RequestUri = info.RequestUri,
                ResponseExcerpt = info.ResponseExcerpt, ErrorCode = info.ErrorCode,
            };
        }

        if (info.StatusCode == HttpStatusCode.InternalServerError && info.RequestMethod == "POST"
            && info.RequestUri?.AbsolutePath.EndsWith("/api/workouts", StringComparison.Ordinal) == true)
        {
            return new ServiceUnavailableException(
                $"{info.Summary}. FitTrackee failed while processing the upload; this usually means it could not read the file " +
                "(a corrupt or unusual file) rather than an outage. Retrying the same file will fail the same way.")
            {
                Service = info.Service, StatusCode = info.StatusCode, RequestMethod = info.RequestMethod, RequestUri = info.RequestUri,
                ResponseExcerpt = info.ResponseExcerpt, ErrorCode = info.ErrorCode,
            };
        }

        return null;
    }
}
