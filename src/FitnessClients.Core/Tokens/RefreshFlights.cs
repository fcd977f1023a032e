using System.Runtime.CompilerServices;

namespace FitnessClients.Core.Tokens;

/// <summary>
/// The refreshes currently running in this process, per store instance and key, so that every caller who
/// finds a token stale at the same moment waits for one refresh, even callers of different
/// <see cref="TokenManager"/> instances. A finished refresh is removed before its result is published, so
/// failures are never cached and a later caller starts afresh (and finds the saved token on reload).
/// </summary>
internal static class RefreshFlights
{
    private static readonly ConditionalWeakTable<ITokenStore, Dictionary<string, Task<OAuthToken>>> Running = new();

    public static Task<OAuthToken> Join(ITokenStore store, string key, Func<Task<OAuthToken>> refresh)
    {
        var perStore = Running.GetValue(store, static _ => new Dictionary<string, Task<OAuthToken>>(StringComparer.Ordinal));
        TaskCompletionSource<OAuthToken> flight;
        lock (perStore)
        {
            if (perStore.TryGetValue(key, out var running))
            {
                return running;
            }

            flight = new TaskCompletionSource<OAuthToken>(TaskCreationOptions.RunContinuationsAsynchronously);
            perStore[key] = flight.Task;
        }

        _ = RunAsync(perStore, key, flight, refresh);
        return flight.Task;
    }

    private static async Task RunAsync(
        Dictionary<string, Task<OAuthToken>> perStore,
        string key,
        TaskCompletionSource<OAuthToken> flight,
        Func<Task<OAuthToken>> refresh)
    {
        OAuthToken? result = null;
        Exception? failure = null;
        try
        {
            result = await refresh().ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            failure = ex;
        }

        lock (perStore)
        {
            perStore.Remove(key);
        }

        if (failure is not null)
        {
            flight.SetException(failure);
        }
        else
        {
            flight.SetResult(result!);
        }
    }
}
