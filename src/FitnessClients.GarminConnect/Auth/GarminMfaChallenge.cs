namespace FitnessClients.GarminConnect.Auth;

/// <summary>
/// A password login waiting for its MFA code. It holds the live SSO session (its HTTP client and cookies), which
/// the code must be sent on, so keep it until <see cref="GarminAuthenticator.CompleteMfaAsync"/> succeeds, then let
/// it go; dispose it to abandon the login.
/// </summary>
/// <remarks>
/// A wrong code (<see cref="GarminMfaCodeRejectedException"/>) leaves the challenge usable for another try. After
/// <see cref="ExpiresAt"/> it can no longer be completed and the login has to start again. One completion may run
/// at a time. <see cref="ToString"/> shows nothing secret (the session holds no password, only cookies).
/// </remarks>
public sealed class GarminMfaChallenge : IDisposable
{
    private int _state; // 0 pending, 1 completing, 2 completed
    private bool _disposed;

    internal GarminMfaChallenge(GarminSsoSession session, string mfaMethod, string? destination, DateTimeOffset expiresAt)
    {
        Session = session;
        MfaMethod = mfaMethod;
        Destination = destination;
        ExpiresAt = expiresAt;
    }

    /// <summary>How Garmin sent the code, as it names the method (e.g. <c>email</c>); sent back with the code.</summary>
    public string MfaMethod { get; }

    /// <summary>Where the code went, masked by Garmin (e.g. <c>ja*****@example.com</c>), to show the user; <see langword="null"/> when Garmin did not say.</summary>
    public string? Destination { get; }

    /// <summary>When this challenge stops accepting codes (measured on the options' clock).</summary>
    public DateTimeOffset ExpiresAt { get; }

    /// <summary>Whether a code was accepted and the login finished.</summary>
    public bool IsCompleted => Volatile.Read(ref _state) == 2;

    internal GarminSsoSession Session { get; }

    internal bool IsDisposed => Volatile.Read(ref _disposed);

    /// <summary>Ends the SSO session; a challenge that was not completed cannot be completed afterwards.</summary>
    public void Dispose()
    {
        if (!_disposed)
        {
            Volatile.Write(ref _disposed, true);
            Session.Dispose();
        }
    }

    /// <summary>A description without secrets.</summary>
    public override string ToString() => $"GarminMfaChallenge {{ MfaMethod = {MfaMethod}, ExpiresAt = {ExpiresAt:O}, IsCompleted = {IsCompleted} }}";

    internal bool TryBeginCompletion() => Interlocked.CompareExchange(ref _state, 1, 0) == 0;

    internal void EndCompletion(bool succeeded) => Volatile.Write(ref _state, succeeded ? 2 : 0);
}
