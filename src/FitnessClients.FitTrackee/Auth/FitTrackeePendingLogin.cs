namespace FitnessClients.FitTrackee.Auth;

/// <summary>
/// A sign-in in progress: the address to open and the values the redirect is checked and exchanged with. Keep it
/// until the user pastes the address they were sent to; <see cref="ToString"/> does not print the verifier.
/// </summary>
public sealed class FitTrackeePendingLogin
{
    internal FitTrackeePendingLogin(Uri authorizationUrl, string state, string codeVerifier)
    {
        AuthorizationUrl = authorizationUrl;
        State = state;
        CodeVerifier = codeVerifier;
    }

    /// <summary>The instance's authorization page with <c>scope</c>, <c>state</c> and the PKCE challenge.</summary>
    public Uri AuthorizationUrl { get; }

    /// <summary>The anti-forgery value the redirect must carry back.</summary>
    public string State { get; }

    /// <summary>The PKCE verifier sent with the code exchange. Secret until the exchange is done.</summary>
    public string CodeVerifier { get; }

    /// <summary>Describes the sign-in without the verifier.</summary>
    public override string ToString() => $"FitTrackeePendingLogin {{ AuthorizationUrl = {AuthorizationUrl.GetLeftPart(UriPartial.Path)} }}";
}
