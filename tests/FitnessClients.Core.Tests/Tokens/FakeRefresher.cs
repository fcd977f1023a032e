using FitnessClients.Core.Tokens;

namespace FitnessClients.Core.Tests.Tokens;

/// <summary>
/// A token endpoint with rotating refresh tokens: each call with the current refresh token returns
/// <c>access-N</c>/<c>refresh-N</c>; a call with any other refresh token fails like <c>invalid_grant</c>.
/// </summary>
internal sealed class FakeRefresher(TimeProvider clock, TimeSpan lifetime) : ITokenRefresher
{
    private int _calls;

    public FakeRefresher(TimeProvider clock)
        : this(clock, TimeSpan.FromHours(1))
    {
    }

    public int Calls => Volatile.Read(ref _calls);

    public string ValidRefreshToken { get; set; } = "refresh-0";

    /// <summary>When set, the refresh waits for it after it has been counted (to hold a refresh in flight).</summary>
    public TaskCompletionSource? Gate { get; set; }

    /// <summary>When set, runs after the new token is issued and before it is returned to the manager.</summary>
    public Func<OAuthToken, Task>? BeforeReturn { get; set; }

    /// <summary>When set, replaces the normal answer (to fail or to return something unusual).</summary>
    public Func<OAuthToken, OAuthToken>? Override { get; set; }

    public List<OAuthToken> Received { get; } = [];

    public async Task<OAuthToken> RefreshAsync(OAuthToken current, CancellationToken cancellationToken = default)
    {
        var call = Interlocked.Increment(ref _calls);
        lock (Received)
        {
            Received.Add(current);
        }

        if (Gate is { } gate)
        {
            await gate.Task;
        }

        if (Override is { } replace)
        {
            return replace(current);
        }

        if (current.RefreshToken != ValidRefreshToken)
        {
            throw new AuthenticationRequiredException("The token endpoint answered invalid_grant: the refresh token is not valid.")
            {
                ErrorCode = "invalid_grant",
                Service = "fake",
            };
        }

        ValidRefreshToken = $"refresh-{call}";
        var issued = new OAuthToken
        {
            AccessToken = $"access-{call}",
            RefreshToken = ValidRefreshToken,
            ExpiresAt = clock.GetUtcNow() + lifetime,
        };

        if (BeforeReturn is { } before)
        {
            await before(issued);
        }

        return issued;
    }
}
