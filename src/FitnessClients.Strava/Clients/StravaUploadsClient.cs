using FitnessClients.Strava.Models;
using Refit;

namespace FitnessClients.Strava.Clients;

/// <summary>Uploads activity files (FIT, TCX, GPX, optionally gzipped) and follows their processing.</summary>
public class StravaUploadsClient
{
    private static readonly TimeSpan DefaultPollInterval = TimeSpan.FromSeconds(2);

    private readonly StravaClientContext? _context;

    internal StravaUploadsClient(StravaClientContext context) => _context = context;

    /// <summary>For mocking frameworks; a client made this way only works where its members are overridden.</summary>
    protected StravaUploadsClient()
    {
    }

    private StravaClientContext Context => _context ?? throw new InvalidOperationException("This client was created for mocking; override the member you call.");

    /// <summary>Sends a file (<c>POST /uploads</c>, multipart, needs activity:write); Strava processes it afterwards.</summary>
    /// <param name="file">The file; read once, not disposed.</param>
    /// <param name="dataType"><c>fit</c>, <c>fit.gz</c>, <c>tcx</c>, <c>tcx.gz</c>, <c>gpx</c> or <c>gpx.gz</c>.</param>
    /// <param name="name">The activity title; Strava picks one when null.</param>
    /// <param name="externalId">Your id for the file, echoed back and shown on the activity.</param>
    /// <param name="cancellationToken">Cancels the upload.</param>
    /// <returns>The upload, usually still processing.</returns>
    public virtual async Task<StravaUpload> CreateAsync(Stream file, string dataType, string? name = null, string? externalId = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentException.ThrowIfNullOrWhiteSpace(dataType);
        await Context.RequireScopeAsync("upload activities", cancellationToken, StravaScopes.ActivityWrite).ConfigureAwait(false);
        var part = new StreamPart(file, "activity." + dataType, "application/octet-stream");
        return await Context.Api.CreateUploadAsync(part, dataType, name, externalId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The processing state of an upload (<c>GET /uploads/{id}</c>).</summary>
    /// <param name="uploadId">The upload id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The upload.</returns>
    public virtual Task<StravaUpload> GetAsync(long uploadId, CancellationToken cancellationToken = default) =>
        Context.Api.GetUploadAsync(uploadId, cancellationToken);

    /// <summary>
    /// Polls an upload until Strava made an activity or gave up (a duplicate among the errors), waiting
    /// <paramref name="pollInterval"/> between polls on the client's clock.
    /// </summary>
    /// <param name="upload">The upload from <see cref="CreateAsync"/>.</param>
    /// <param name="pollInterval">Between polls; 2 s when null (Strava asks for at least 1 s).</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>The finished upload: check <see cref="StravaUpload.IsReady"/> and <see cref="StravaUpload.Error"/>.</returns>
    public virtual async Task<StravaUpload> WaitAsync(StravaUpload upload, TimeSpan? pollInterval = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(upload);
        var id = upload.Id ?? throw new ArgumentException("The upload has no id.", nameof(upload));
        var interval = pollInterval ?? DefaultPollInterval;
        var current = upload;
        while (!current.IsReady && !current.IsFailed)
        {
            await Task.Delay(interval, Context.Clock, cancellationToken).ConfigureAwait(false);
            current = await GetAsync(id, cancellationToken).ConfigureAwait(false);
        }

        return current;
    }
}
