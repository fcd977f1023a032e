using FitnessClients.FitTrackee.Models;

namespace FitnessClients.FitTrackee.Clients;

/// <summary>The instance's configuration: version (which formats and downloads it offers) and upload limits.</summary>
public class FitTrackeeConfigClient
{
    private readonly FitTrackeeClientContext? _context;
    private readonly Lock _gate = new();
    private FitTrackeeAppConfig? _cached;
    private Task<FitTrackeeAppConfig>? _reading;

    internal FitTrackeeConfigClient(FitTrackeeClientContext context) => _context = context;

    /// <summary>For mocking frameworks; a client made this way only works where its members are overridden.</summary>
    protected FitTrackeeConfigClient()
    {
    }

    private FitTrackeeClientContext Context => _context ?? throw new InvalidOperationException("This client was created for mocking; override the member you call.");

    /// <summary>
    /// <c>GET /api/config</c> (no sign-in needed), read once per client and then cached: the limits rarely change, and
    /// every upload consults them. Calls made while the first read is under way wait for it instead of sending their own.
    /// </summary>
    /// <param name="refresh">Whether to read it again from the instance.</param>
    /// <param name="cancellationToken">Cancels the request, or this call's wait for a read another call started.</param>
    /// <returns>The configuration.</returns>
    public virtual async Task<FitTrackeeAppConfig> GetAsync(bool refresh = false, CancellationToken cancellationToken = default)
    {
        if (refresh)
        {
            return await ReadAsync(cancellationToken).ConfigureAwait(false);
        }

        // A backup opens several originals at once, and each asks for the config before its download: letting every
        // first call read it sent GET /api/config up to once per concurrent download, a number that varied by run.
        while (true)
        {
            if (Volatile.Read(ref _cached) is { } cached)
            {
                return cached;
            }

            TaskCompletionSource<FitTrackeeAppConfig>? mine = null;
            Task<FitTrackeeAppConfig> reading;
            lock (_gate)
            {
                if (_cached is { } settled)
                {
                    return settled;
                }

                if (_reading is null)
                {
                    mine = new TaskCompletionSource<FitTrackeeAppConfig>(TaskCreationOptions.RunContinuationsAsynchronously);
                    _reading = mine.Task;
                }

                reading = _reading;
            }

            if (mine is not null)
            {
                return await ReadSharedAsync(mine, cancellationToken).ConfigureAwait(false);
            }

            try
            {
                return await reading.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // The call that was reading it gave up; this one still wants the config, so it reads it itself.
            }
        }
    }

    private async Task<FitTrackeeAppConfig> ReadSharedAsync(TaskCompletionSource<FitTrackeeAppConfig> mine, CancellationToken cancellationToken)
    {
        try
        {
            var config = await ReadAsync(cancellationToken).ConfigureAwait(false);
            mine.SetResult(config);
            return config;
        }
        catch (OperationCanceledException)
        {
            mine.SetCanceled(CancellationToken.None);
            throw;
        }
        catch (Exception exception)
        {
            mine.SetException(exception);
            throw;
        }
        finally
        {
            // Cleared after the cache is set, so a later call finds the answer; after a failure, it reads again.
            lock (_gate)
            {
                _reading = null;
            }
        }
    }

    private async Task<FitTrackeeAppConfig> ReadAsync(CancellationToken cancellationToken)
    {
        var response = await Context.Api.GetConfigAsync(cancellationToken).ConfigureAwait(false);
        var config = response.Data ?? new FitTrackeeAppConfig();
        Context.Limits.MaxSingleFileSize = config.MaxSingleFileSize;
        Volatile.Write(ref _cached, config);
        return config;
    }
}
