namespace FitnessClients.Core.OAuth;

/// <summary>Why an authorization redirect did not yield a code.</summary>
public enum OAuthCallbackFailure
{
    /// <summary>The user pressed Cancel/Deny on the service's page (<c>error=access_denied</c>).</summary>
    AccessDenied,

    /// <summary>The service reported another error in the redirect (<c>error=invalid_scope</c>, <c>server_error</c>, ...).</summary>
    AuthorizationError,

    /// <summary>
    /// The <c>state</c> in the redirect is missing or differs from the one sent: the redirect belongs to another
    /// sign-in, or to a forgery attempt. The code, if any, is not used.
    /// </summary>
    StateMismatch,

    /// <summary>
    /// The redirect carried neither a code nor an error, e.g. when Strava refuses a new athlete because the app
    /// is at its connected-athlete limit.
    /// </summary>
    MissingCode,

    /// <summary>The pasted text is not a redirect URL or query string, or it repeats a parameter.</summary>
    InvalidRedirect,

    /// <summary>No redirect arrived at the loopback listener in time.</summary>
    Timeout,
}
