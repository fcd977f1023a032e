namespace FitnessClients.Core.Http;

/// <summary>
/// Per-request switches for the FitnessClients HTTP pipeline, set through <see cref="HttpRequestMessage.Options"/>.
/// </summary>
/// <example>
/// <code>
/// var request = new HttpRequestMessage(HttpMethod.Post, tokenEndpoint);
/// request.Options.Set(FitnessRequestOptions.SkipAuthentication, true);
/// </code>
/// </example>
public static class FitnessRequestOptions
{
    /// <summary>
    /// When <see langword="true"/>, <see cref="AuthenticationHandler"/> sends the request as it is: no
    /// <c>Authorization</c> header and no refresh on 401. For token endpoints and public resources, which must
    /// not trigger (or wait for) a token refresh themselves.
    /// </summary>
    public static readonly HttpRequestOptionsKey<bool> SkipAuthentication = new("FitnessClients.SkipAuthentication");
}
