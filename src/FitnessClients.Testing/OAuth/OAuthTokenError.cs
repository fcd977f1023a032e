using System.Net;

namespace FitnessClients.Testing;

/// <summary>
/// A rejected token request, for <see cref="OAuthTokenEndpointEmulator.ErrorResponse"/> to render in the service's shape
/// (RFC 6749 section 5.2 by default; Strava's <c>{"message":...,"errors":[{"resource","field","code"}]}</c> differs).
/// </summary>
public sealed class OAuthTokenError
{
    internal OAuthTokenError(EmulatorRequest request, string error, string description, HttpStatusCode statusCode, string? field, string? grantType, bool usedBasicAuthentication)
    {
        Request = request;
        Error = error;
        Description = description;
        StatusCode = statusCode;
        Field = field;
        GrantType = grantType;
        UsedBasicAuthentication = usedBasicAuthentication;
    }

    /// <summary>The token request.</summary>
    public EmulatorRequest Request { get; }

    /// <summary>The RFC 6749 error code: <c>invalid_request</c>, <c>invalid_client</c>, <c>invalid_grant</c>, <c>unsupported_grant_type</c> or <c>invalid_scope</c>.</summary>
    public string Error { get; }

    /// <summary>A human description (never containing a secret).</summary>
    public string Description { get; }

    /// <summary>400, or 401 for <c>invalid_client</c>.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The parameter at fault (e.g. <c>refresh_token</c>, <c>code</c>, <c>client_secret</c>), for service shapes that name it.</summary>
    public string? Field { get; }

    /// <summary>The grant type asked for, if readable.</summary>
    public string? GrantType { get; }

    /// <summary>Whether the client tried HTTP Basic authentication (a 401 then carries <c>WWW-Authenticate: Basic</c>).</summary>
    public bool UsedBasicAuthentication { get; }

    /// <inheritdoc />
    public override string ToString() => $"{(int)StatusCode} {Error}: {Description}";
}
