namespace FitnessClients.Testing;

/// <summary>A token request of an extension grant type, for the handler given to <see cref="OAuthTokenEndpointEmulator.RegisterExtensionGrant"/>.</summary>
public sealed class OAuthExtensionGrantRequest
{
    private readonly Func<string, string?> _getParameter;

    internal OAuthExtensionGrantRequest(EmulatorRequest request, string grantType, string clientId, Func<string, string?> getParameter)
    {
        Request = request;
        GrantType = grantType;
        ClientId = clientId;
        _getParameter = getParameter;
    }

    /// <summary>The token request.</summary>
    public EmulatorRequest Request { get; }

    /// <summary>The <c>grant_type</c> asked for.</summary>
    public string GrantType { get; }

    /// <summary>The client, already authenticated.</summary>
    public string ClientId { get; }

    /// <summary>A request parameter (form body, or the query when the endpoint accepts it there); an empty value counts as missing.</summary>
    /// <param name="name">The parameter name, e.g. <c>service_ticket</c>.</param>
    public string? GetParameter(string name) => _getParameter(name);
}
