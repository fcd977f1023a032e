using System.Globalization;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text.Json;
using FitnessClients.Core;
using FitnessClients.FitTrackee.Http;
using FitnessClients.FitTrackee.Models;
using Refit;

namespace FitnessClients.FitTrackee.Clients;

/// <summary>The user's workouts: listing with filters and paging, details, downloads, uploads, manual entries, edits and deletion.</summary>
public class FitTrackeeWorkoutsClient
{
    private readonly FitTrackeeClientContext? _context;

    internal FitTrackeeWorkoutsClient(FitTrackeeClientContext context) => _context = context;

    /// <summary>For mocking frameworks; a client made this way only works where its members are overridden.</summary>
    protected FitTrackeeWorkoutsClient()
    {
    }

    private FitTrackeeClientContext Context => _context ?? throw new InvalidOperationException("This client was created for mocking; override the member you call.");

    /// <summary>One page of <c>GET /api/workouts</c> with its pagination envelope.</summary>
    /// <param name="query">Filters and order; none when <see langword="null"/>.</param>
    /// <param name="page">The page, from 1.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The page (light workouts: no notes).</returns>
    public virtual async Task<FitTrackeeWorkoutPage> ListPageAsync(FitTrackeeWorkoutQuery? query = null, int page = 1, CancellationToken cancellationToken = default)
    {
        var parameters = (query ?? new FitTrackeeWorkoutQuery()).ToParameters(page, defaultPerPage: null);
        var response = await Context.Api.ListWorkoutsAsync(parameters, cancellationToken).ConfigureAwait(false);
        var workouts = ToWorkouts(response.Data);
        var pagination = response.Pagination ?? new FitTrackeePagination { Page = page, Pages = page, Total = workouts.Count };
        return new FitTrackeeWorkoutPage(workouts, pagination);
    }

    /// <summary>
    /// Every workout matching <paramref name="query"/>, page after page (100 per page unless the query sets another
    /// size) while the envelope says <c>has_next</c>; newest first unless the query orders otherwise.
    /// </summary>
    /// <param name="query">Filters and order; none when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops listing.</param>
    /// <example><code>
    /// await foreach (var w in client.Workouts.ListAsync(new FitTrackeeWorkoutQuery { From = new DateOnly(2024, 1, 1) }))
    ///     Console.WriteLine($"{w.WorkoutDate:u} {w.Title}");
    /// </code></example>
    public virtual async IAsyncEnumerable<FitTrackeeWorkout> ListAsync(FitTrackeeWorkoutQuery? query = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var effective = query ?? new FitTrackeeWorkoutQuery();
        for (var page = 1; ; page++)
        {
            var parameters = effective.ToParameters(page, FitTrackeeWorkoutQuery.MaxPerPage);
            var response = await Context.Api.ListWorkoutsAsync(parameters, cancellationToken).ConfigureAwait(false);
            var workouts = ToWorkouts(response.Data);
            foreach (var workout in workouts)
            {
                yield return workout;
            }

            // Without an envelope (an old or unusual server) an empty page is the only safe end.
            var hasNext = response.Pagination?.HasNext ?? workouts.Count > 0;
            if (!hasNext || workouts.Count == 0)
            {
                yield break;
            }
        }
    }

    /// <summary>One workout in full, with notes and description (<c>GET /api/workouts/{id}</c>).</summary>
    /// <param name="id">The short id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <exception cref="ResourceNotFoundException">No such workout (or not visible to this user).</exception>
    public virtual async Task<FitTrackeeWorkout> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        var response = await Context.Api.GetWorkoutAsync(id, cancellationToken).ConfigureAwait(false);
        return Single(response, $"GET api/workouts/{id}");
    }

    /// <summary>
    /// The workout's GPX (<c>GET /api/workouts/{id}/gpx/download</c>): the uploaded GPX, or one FitTrackee generated from
    /// another format. Workouts without a file have none (<see cref="ResourceNotFoundException"/>).
    /// </summary>
    /// <param name="id">The short id.</param>
    /// <param name="cancellationToken">Cancels the request and the reading.</param>
    /// <returns>The file; dispose it.</returns>
    public virtual async Task<FitTrackeeFile> DownloadGpxAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        var response = await Context.Api.DownloadGpxAsync(id, cancellationToken).ConfigureAwait(false);
        return ToFile(response, "gpx");
    }

    /// <summary>
    /// The file as it was uploaded (<c>GET /api/workouts/{id}/original/download</c>, FitTrackee 0.12.0 and later).
    /// </summary>
    /// <param name="id">The short id.</param>
    /// <param name="cancellationToken">Cancels the request and the reading.</param>
    /// <returns>The file with its real extension (gpx, fit, tcx, kml or kmz); dispose it.</returns>
    /// <exception cref="NotSupportedException">The instance is older than 0.12.0.</exception>
    public virtual async Task<FitTrackeeFile> DownloadOriginalAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        var config = await Context.Config.GetAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!config.SupportsOriginalDownload)
        {
            throw new NotSupportedException($"This FitTrackee instance ({config.Version}) cannot serve original files; that came with 0.12.0. Download the GPX instead.");
        }

        var response = await Context.Api.DownloadOriginalAsync(id, cancellationToken).ConfigureAwait(false);
        return ToFile(response, fallbackExtension: null);
    }

    /// <summary>
    /// Uploads a workout file (<c>POST /api/workouts</c>, multipart: <c>file</c> with a name whose extension selects the
    /// parser, and <c>data</c> as JSON). Checked first against <c>/api/config</c>: the extension must be one the
    /// instance's version accepts, and the whole request must fit its <c>max_single_file_size</c>. GPX, TCX and KML
    /// files without an XML declaration get one, since FitTrackee refuses them otherwise.
    /// </summary>
    /// <param name="file">The file; read once, not disposed.</param>
    /// <param name="fileName">Its name; only the extension matters to FitTrackee (<c>gpx</c>, <c>tcx</c>, <c>fit</c>, <c>kml</c>, <c>kmz</c>, <c>zip</c>).</param>
    /// <param name="data">The sport and optional title, notes, visibility.</param>
    /// <param name="cancellationToken">Cancels the upload.</param>
    /// <returns>The workouts created (one per file; a zip may hold several).</returns>
    /// <exception cref="ArgumentException">The extension is not accepted by this instance.</exception>
    /// <exception cref="FitTrackeeFileTooLargeException">The request would exceed the instance's limit; nothing was sent.</exception>
    /// <example><code>
    /// var running = await client.Sports.ResolveAsync("Running");
    /// await using var gpx = File.OpenRead("run.gpx");
    /// var created = await client.Workouts.UploadAsync(gpx, "run.gpx", new FitTrackeeUploadData { SportId = running.Id, Notes = "imported" });
    /// </code></example>
    public virtual async Task<IReadOnlyList<FitTrackeeWorkout>> UploadAsync(Stream file, string fileName, FitTrackeeUploadData data, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        ArgumentNullException.ThrowIfNull(data);
        var extension = UploadFile.ExtensionOf(fileName);
        var config = await Context.Config.GetAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!config.AcceptsExtension(extension))
        {
            throw new ArgumentException(
                $"FitTrackee {config.Version ?? "(unknown version)"} does not accept '.{extension}' files; it takes {string.Join(", ", config.UploadExtensions.Select(e => "." + e))}.",
                nameof(fileName));
        }

        var bytes = await UploadFile.ReadAsync(file, extension, cancellationToken).ConfigureAwait(false);
        // Built here rather than by Refit's [Multipart]: the size check below needs the finished form's exact length.
        using var content = new MultipartFormDataContent();
        var part = new ByteArrayContent(bytes);
        part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        content.Add(part, "file", UploadFile.SafeName(fileName, extension));
        content.Add(new StringContent(JsonSerializer.Serialize(data, FitTrackeeJson.Info<FitTrackeeUploadData>())), "data");

        var limit = extension == "zip" ? config.MaxZipFileSize : config.MaxSingleFileSize;
        var size = content.Headers.ContentLength;
        if (limit is { } max && size is { } length && length > max)
        {
            throw new FitTrackeeFileTooLargeException(
                $"'{fileName}' cannot be uploaded: with the form around it the request is {FitTrackeeAppConfig.FormatSize(length)} ({length} bytes), " +
                $"and this FitTrackee instance accepts at most {FitTrackeeAppConfig.FormatSize(max)} ({max} bytes) per request. " +
                "Thin or split the track, or ask the administrator to raise max_single_file_size.",
                length,
                max);
        }

        var response = await Context.Api.UploadWorkoutAsync(content, cancellationToken).ConfigureAwait(false);
        var workouts = ToWorkouts(response.Data);
        return workouts.Count > 0
            ? workouts
            : throw new FitnessApiException($"FitTrackee accepted '{fileName}' but returned no workout (status '{response.Status}').") { Service = FitTrackeeErrorMapping.ServiceName };
    }

    /// <summary>
    /// Creates a workout without a file (<c>POST /api/workouts/no_gpx</c>). The start is converted into the user's
    /// timezone from the profile and sent to the minute, as FitTrackee expects.
    /// </summary>
    /// <param name="workout">The workout.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The workout created.</returns>
    /// <exception cref="ArgumentException">Duration or distance is zero or out of FitTrackee's range.</exception>
    public virtual async Task<FitTrackeeWorkout> CreateManualAsync(FitTrackeeManualWorkout workout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(workout);
        var seconds = (int)Math.Round(workout.Duration.TotalSeconds, MidpointRounding.AwayFromZero);
        if (seconds < 1)
        {
            throw new ArgumentException("A manual workout needs a duration of at least one second (FitTrackee refuses zero).", nameof(workout));
        }

        var distance = Math.Round(workout.DistanceKm, 3, MidpointRounding.AwayFromZero);
        if (distance is <= 0 or > 999.9 || double.IsNaN(distance))
        {
            throw new ArgumentException($"A manual workout needs a distance above 0 and at most 999.9 km (FitTrackee's range), not {workout.DistanceKm.ToString(CultureInfo.InvariantCulture)}.", nameof(workout));
        }

        if ((workout.Ascent is null) != (workout.Descent is null) || workout.Ascent < 0 || workout.Descent < 0)
        {
            throw new ArgumentException("Ascent and descent go together and must not be negative (FitTrackee refuses one without the other).", nameof(workout));
        }

        var zone = await Context.Profile.GetTimeZoneAsync(cancellationToken).ConfigureAwait(false);
        var body = new FitTrackeeManualWorkoutBody
        {
            SportId = workout.SportId,
            WorkoutDate = FormatWorkoutDate(workout.StartTime, zone),
            Duration = seconds,
            Distance = distance,
            Title = workout.Title,
            Notes = workout.Notes,
            Description = workout.Description,
            Ascent = workout.Ascent,
            Descent = workout.Descent,
            Calories = workout.Calories,
            WorkoutVisibility = workout.WorkoutVisibility,
            EquipmentIds = workout.EquipmentIds,
        };
        var response = await Context.Api.CreateManualWorkoutAsync(body, cancellationToken).ConfigureAwait(false);
        return Single(response, "POST api/workouts/no_gpx");
    }

    /// <summary>Edits a workout (<c>PATCH /api/workouts/{id}</c>); a new start is sent in the user's timezone.</summary>
    /// <param name="id">The short id.</param>
    /// <param name="update">The changes; unset members stay.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The workout after the edit.</returns>
    public virtual async Task<FitTrackeeWorkout> UpdateAsync(string id, FitTrackeeWorkoutUpdate update, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(update);
        string? date = null;
        if (update.StartTime is { } start)
        {
            date = FormatWorkoutDate(start, await Context.Profile.GetTimeZoneAsync(cancellationToken).ConfigureAwait(false));
        }

        var body = new FitTrackeeWorkoutUpdateBody
        {
            Title = update.Title,
            Notes = update.Notes,
            Description = update.Description,
            SportId = update.SportId,
            WorkoutVisibility = update.WorkoutVisibility,
            AnalysisVisibility = update.AnalysisVisibility,
            MapVisibility = update.MapVisibility,
            EquipmentIds = update.EquipmentIds,
            WorkoutDate = date,
            Duration = update.Duration is { } d ? (int)Math.Round(d.TotalSeconds, MidpointRounding.AwayFromZero) : null,
            Distance = update.DistanceKm,
            Ascent = update.Ascent,
            Descent = update.Descent,
        };
        var response = await Context.Api.UpdateWorkoutAsync(id, body, cancellationToken).ConfigureAwait(false);
        return Single(response, $"PATCH api/workouts/{id}");
    }

    /// <summary>Deletes a workout (<c>DELETE /api/workouts/{id}</c>, 204). There is no undo.</summary>
    /// <param name="id">The short id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <exception cref="ResourceNotFoundException">No such workout.</exception>
    public virtual Task DeleteAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        return Context.Api.DeleteWorkoutAsync(id, cancellationToken);
    }

    /// <summary>An instant as FitTrackee's <c>workout_date</c> input: <c>yyyy-MM-dd HH:mm</c> in the user's timezone.</summary>
    internal static string FormatWorkoutDate(DateTimeOffset start, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(start, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    internal static IReadOnlyList<FitTrackeeWorkout> ToWorkouts(FitTrackeeWorkoutsData? data) => data?.ToWorkouts() ?? [];

    private static FitTrackeeWorkout Single(FitTrackeeResponse<FitTrackeeWorkoutsData> response, string call) =>
        ToWorkouts(response.Data) is [var first, ..]
            ? first
            : throw new FitnessApiException($"fittrackee {call} answered '{response.Status}' without a workout.") { Service = FitTrackeeErrorMapping.ServiceName };

    private static FitTrackeeFile ToFile(IApiResponse<Stream> response, string? fallbackExtension)
    {
        var headers = response.ContentHeaders;
        var disposition = headers?.ContentDisposition;
        var name = (disposition?.FileNameStar ?? disposition?.FileName)?.Trim('"');
        var extension = name is not null && Path.GetExtension(name) is { Length: > 1 } ext ? ext.TrimStart('.').ToLowerInvariant() : fallbackExtension;
        extension ??= headers?.ContentType?.MediaType switch
        {
            "application/gpx+xml" => "gpx",
            "application/vnd.google-earth.kml+xml" => "kml",
            "application/vnd.google-earth.kmz" => "kmz",
            "application/vnd.ant.fit" => "fit",
            "application/vnd.garmin.tcx+xml" => "tcx",
            _ => "bin",
        };

        // The file owns the response: disposing it ends the download and releases the connection.
        return new FitTrackeeFile(response.Content ?? Stream.Null, name, extension, headers?.ContentLength, response);
    }
}
