using FitnessClients.Core;

namespace FitnessClients.GarminConnect.Auth;

/// <summary>
/// Turns failures without a response (timeouts from the resilience handler, network errors) into the SDK's
/// <see cref="ServiceUnavailableException"/>, and leaves every response alone: the sign-in code reads error bodies
/// itself (an SSO 401 carries JSON that says why), which Core's error-mapping handler would consume.
/// </summary>
internal sealed class TransportErrorHandler : DelegatingHandler
{
    private readonly string _serviceName;

    public TransportErrorHandler(string serviceName)
    {
        _serviceName = serviceName;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not FitnessApiException)
        {
            var mapped = FitnessApiExceptionFactory.FromException(exception, _serviceName, request, cancellationToken);
            if (mapped is null)
            {
                throw;
            }

            throw mapped;
        }
    }
}
