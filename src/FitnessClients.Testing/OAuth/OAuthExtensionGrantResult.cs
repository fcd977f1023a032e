namespace FitnessClients.Testing;

/// <summary>What an extension grant handler decided: issue tokens for a subject, or reject the request with an RFC 6749 error.</summary>
public sealed class OAuthExtensionGrantResult
{
    private OAuthExtensionGrantResult(string? subject, IReadOnlyList<string> scopes, string? error, string? description, string? field)
    {
        Subject = subject;
        Scopes = scopes;
        Error = error;
        Description = description;
        Field = field;
    }

    /// <summary>Whether tokens are issued.</summary>
    public bool IsGranted => Error is null;

    /// <summary>The user the tokens act for, when granted.</summary>
    public string? Subject { get; }

    /// <summary>The scopes granted.</summary>
    public IReadOnlyList<string> Scopes { get; }

    /// <summary>The RFC 6749 error code when rejected (<c>invalid_grant</c>, <c>invalid_request</c>, ...).</summary>
    public string? Error { get; }

    /// <summary>The error description when rejected (never a secret).</summary>
    public string? Description { get; }

    /// <summary>The parameter at fault when rejected.</summary>
    public string? Field { get; }

    /// <summary>Issues a token pair for <paramref name="subject"/>.</summary>
    /// <param name="subject">The user the tokens act for.</param>
    /// <param name="scopes">The scopes granted.</param>
    public static OAuthExtensionGrantResult Grant(string subject, IEnumerable<string> scopes)
    {
        ArgumentException.ThrowIfNullOrEmpty(subject);
        ArgumentNullException.ThrowIfNull(scopes);
        return new OAuthExtensionGrantResult(subject, [.. scopes], null, null, null);
    }

    /// <summary>Rejects the request; the endpoint answers 400 (401 for <c>invalid_client</c>) through its <see cref="OAuthTokenEndpointEmulator.ErrorResponse"/>.</summary>
    /// <param name="error">The RFC 6749 error code.</param>
    /// <param name="description">A description without secrets.</param>
    /// <param name="field">The parameter at fault, if any.</param>
    public static OAuthExtensionGrantResult Reject(string error, string description, string? field = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(error);
        ArgumentException.ThrowIfNullOrEmpty(description);
        return new OAuthExtensionGrantResult(null, [], error, description, field);
    }
}
