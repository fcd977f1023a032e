using Microsoft.Extensions.Logging;

namespace FitnessClients.Core.Diagnostics;

/// <summary>
/// Wraps any <see cref="ILoggerProvider"/> so that everything it writes has passed through
/// <see cref="SecretScrubber"/>: the formatted message, the structured values, scopes and logged exceptions.
/// </summary>
/// <remarks>
/// The SDK's own log messages are written without secrets; this is a second line of defence for everything
/// else that logs through the same provider (an HTTP logging handler that dumps headers, a third-party library,
/// an exception message that quotes a response). Logged exceptions are replaced by a stand-in whose
/// <see cref="Exception.Message"/> and <see cref="Exception.ToString"/> are scrubbed; its type is therefore not the
/// original one, whose name is still part of the text. Disposing this provider disposes the wrapped one.
/// </remarks>
/// <example>
/// <code>
/// using var factory = LoggerFactory.Create(b => b.AddProvider(
///     new SecretScrubbingLoggerProvider(new ConsoleLoggerProvider(consoleOptions))));
/// </code>
/// </example>
public sealed class SecretScrubbingLoggerProvider : ILoggerProvider, ISupportExternalScope
{
    private readonly ILoggerProvider _inner;

    /// <summary>Wraps <paramref name="inner"/>.</summary>
    /// <param name="inner">The provider that actually writes the logs.</param>
    public SecretScrubbingLoggerProvider(ILoggerProvider inner)
    {
        ArgumentNullException.ThrowIfNull(inner);
        _inner = inner;
    }

    /// <inheritdoc />
    public ILogger CreateLogger(string categoryName) => new SecretScrubbingLogger(_inner.CreateLogger(categoryName));

    /// <summary>Hands the wrapped provider a scope provider that scrubs each scope as it is read.</summary>
    /// <param name="scopeProvider">The logger factory's scope provider.</param>
    public void SetScopeProvider(IExternalScopeProvider scopeProvider)
    {
        if (_inner is ISupportExternalScope external)
        {
            external.SetScopeProvider(new ScrubbingScopeProvider(scopeProvider));
        }
    }

    /// <inheritdoc />
    public void Dispose() => _inner.Dispose();
}
