using System.Diagnostics;
using FitnessClients.Core.Diagnostics;
using Microsoft.Extensions.Logging;

namespace FitnessClients.Core.Http;

/// <summary>
/// Logs each attempt sent to the service (method, URI with secrets masked, status, duration) at debug level.
/// It sits innermost so that retries show as separate lines; headers and bodies are never logged.
/// </summary>
public sealed partial class RequestLoggingHandler : DelegatingHandler
{
    private readonly ILogger _logger;
    private readonly TimeProvider _timeProvider;
    private readonly string _service;

    /// <summary>Creates the handler.</summary>
    /// <param name="service">The service name shown in each line.</param>
    /// <param name="logger">Where lines go.</param>
    /// <param name="timeProvider">Measures durations.</param>
    public RequestLoggingHandler(string service, ILogger logger, TimeProvider? timeProvider = null)
    {
        _service = service;
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!_logger.IsEnabled(LogLevel.Debug))
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        var started = _timeProvider.GetTimestamp();
        var uri = SecretScrubber.ScrubUri(request.RequestUri);
        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            LogResponse(_logger, _service, request.Method.Method, uri, (int)response.StatusCode, _timeProvider.GetElapsedTime(started).TotalMilliseconds);
            return response;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogFailure(_logger, _service, request.Method.Method, uri, ex.GetType().Name, _timeProvider.GetElapsedTime(started).TotalMilliseconds);
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Service} {Method} {Uri} -> {Status} in {ElapsedMs:F0} ms")]
    private static partial void LogResponse(ILogger logger, string service, string method, Uri? uri, int status, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Service} {Method} {Uri} failed with {Error} after {ElapsedMs:F0} ms")]
    private static partial void LogFailure(ILogger logger, string service, string method, Uri? uri, string error, double elapsedMs);
}
