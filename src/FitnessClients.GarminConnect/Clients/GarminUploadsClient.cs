using FitnessClients.GarminConnect.Api;
using FitnessClients.GarminConnect.Http;
using FitnessClients.GarminConnect.Models;

namespace FitnessClients.GarminConnect.Clients;

/// <summary>Uploads activity files (FIT, GPX, TCX) to Garmin Connect.</summary>
public class GarminUploadsClient
{
    private readonly GarminClientContext? _context;

    internal GarminUploadsClient(GarminClientContext context)
    {
        _context = context;
    }

    /// <summary>For mocking frameworks; a client made this way only works where its members are overridden.</summary>
    protected GarminUploadsClient()
    {
    }

    private GarminClientContext Context => _context ?? throw new InvalidOperationException("This client was created for mocking; override the member you call.");

    /// <summary>
    /// Uploads a file as the multipart part <c>file</c> (<c>upload-service/upload</c>). Garmin answers 202 (created,
    /// or still processing) or 409 when it already has the activity; both are results, not exceptions.
    /// </summary>
    /// <param name="file">The file's content; read once, not disposed. The pipeline keeps a copy in memory to resend after a 429.</param>
    /// <param name="fileName">The file name Garmin sees; its extension (<c>.fit</c>, <c>.gpx</c>, <c>.tcx</c>) tells Garmin the format.</param>
    /// <param name="cancellationToken">Cancels the upload.</param>
    /// <returns>The new activity's id, the existing one's for a duplicate, or where to ask for the outcome.</returns>
    /// <example>
    /// <code>
    /// await using var fit = File.OpenRead("morning-run.fit");
    /// var result = await client.Uploads.UploadAsync(fit, "morning-run.fit");
    /// if (result.IsDuplicate) Console.WriteLine($"Already there: {result.ActivityId}");
    /// </code>
    /// </example>
    public virtual async Task<GarminUploadResult> UploadAsync(Stream file, string fileName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        var part = new GarminUploadPart(file, fileName);
        try
        {
            using var response = await Context.Api.UploadAsync(part, Context.Options.DownloadAttemptTimeout, cancellationToken).ConfigureAwait(false);

            // A 202 without the documented body (Refit leaves Content null) still means "accepted": processing.
            return ToResult(response.Content?.DetailedImportResult, response.Headers?.Location);
        }
        catch (GarminDuplicateUploadException duplicate)
        {
            var result = duplicate.Response?.DetailedImportResult;
            return new GarminUploadResult
            {
                Status = GarminUploadStatus.Duplicate,
                ActivityId = result?.Failures?.Select(f => f.InternalId).FirstOrDefault(id => id is not null),
                Messages = MessagesOf(result?.Failures),
                Response = result,
            };
        }
    }

    private static GarminUploadResult ToResult(GarminDetailedImportResult? result, Uri? location)
    {
        if (result?.Successes?.Select(s => s.InternalId).FirstOrDefault(id => id is not null) is { } created)
        {
            return new GarminUploadResult { Status = GarminUploadStatus.Created, ActivityId = created, StatusLocation = location, Response = result };
        }

        if (result?.Failures is { Count: > 0 } failures)
        {
            var messages = MessagesOf(failures);
            var duplicate = failures.Any(f => f.Messages?.Any(m => m.Code == 202 || (m.Content?.Contains("Duplicate", StringComparison.OrdinalIgnoreCase) ?? false)) ?? false);
            return new GarminUploadResult
            {
                Status = duplicate ? GarminUploadStatus.Duplicate : GarminUploadStatus.Failed,
                ActivityId = failures.Select(f => f.InternalId).FirstOrDefault(id => id is not null),
                Messages = messages,
                Response = result,
            };
        }

        return new GarminUploadResult { Status = GarminUploadStatus.Processing, StatusLocation = location, Response = result };
    }

    private static IReadOnlyList<string> MessagesOf(IReadOnlyList<GarminImportEntry>? entries) =>
        entries is null ? [] : [.. entries.SelectMany(e => e.Messages ?? []).Select(m => m.Content).OfType<string>()];
}
