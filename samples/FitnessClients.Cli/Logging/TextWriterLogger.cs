using System.Globalization;
using Microsoft.Extensions.Logging;

namespace FitnessClients.Cli.Logging;

/// <summary>One category's logger of a <see cref="TextWriterLoggerProvider"/>.</summary>
internal sealed class TextWriterLogger(TextWriterLoggerProvider provider, string category) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None && logLevel >= provider.MinimumLevel;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!IsEnabled(logLevel))
        {
            return;
        }

        var time = provider.TimeProvider.GetUtcNow().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        var line = $"{time} {Level(logLevel)} {category}: {formatter(state, exception)}";
        if (exception is not null)
        {
            line += $" ({exception.GetType().Name}: {exception.Message})";
        }

        provider.Write(line);
    }

    private static string Level(LogLevel level) => level switch
    {
        LogLevel.Trace => "trce",
        LogLevel.Debug => "dbug",
        LogLevel.Information => "info",
        LogLevel.Warning => "warn",
        LogLevel.Error => "fail",
        _ => "crit",
    };
}
