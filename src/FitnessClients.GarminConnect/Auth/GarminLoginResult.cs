using FitnessClients.Core.Tokens;

namespace FitnessClients.GarminConnect.Auth;

/// <summary>
/// The first step of a password login: either the login finished (the token is stored and returned in
/// <see cref="Token"/>), or Garmin wants an MFA code (<see cref="MfaChallenge"/>, to pass to
/// <see cref="GarminAuthenticator.CompleteMfaAsync"/> with the code).
/// </summary>
public sealed class GarminLoginResult
{
    private GarminLoginResult(OAuthToken? token, GarminMfaChallenge? challenge)
    {
        Token = token;
        MfaChallenge = challenge;
    }

    /// <summary>The stored token when no MFA was needed; <see langword="null"/> while MFA is pending.</summary>
    public OAuthToken? Token { get; }

    /// <summary>The pending MFA step; <see langword="null"/> when the login already finished.</summary>
    public GarminMfaChallenge? MfaChallenge { get; }

    /// <summary>Whether an MFA code must be sent to finish the login.</summary>
    public bool IsMfaRequired => MfaChallenge is not null;

    internal static GarminLoginResult Completed(OAuthToken token) => new(token, null);

    internal static GarminLoginResult MfaRequired(GarminMfaChallenge challenge) => new(null, challenge);
}
