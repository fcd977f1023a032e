using Microsoft.Extensions.Logging;

namespace FitnessClients.Cli.Logging;

/// <summary>
/// A tiny logger provider writing one line per entry to a text writer (stderr with <c>-v</c>, or <c>fitness.log</c>).
/// Always wrap it in Core's <c>SecretScrubbingLoggerProvider</c>: it writes what it is given.
/// </summary>
public sealed class TextWriterLoggerProvider : ILoggerProvider
{
    private readonly TextWriter _writer;
    private readonly bool _ownsWriter;
    private readonly Lock _gate = new();

    /// <summary>Creates a provider over a writer.</summary>
    public TextWriterLoggerProvider(TextWriter writer, LogLevel minimumLevel, TimeProvider timeProvider, bool ownsWriter = false)
    {
        _writer = writer;
        _ownsWriter = ownsWriter;
        MinimumLevel = minimumLevel;
        TimeProvider = timeProvider;
    }

    /// <summary>The least severe level written.</summary>
    public LogLevel MinimumLevel { get; }

    /// <summary>The clock of the time stamps.</summary>
    public TimeProvider TimeProvider { get; }

    /// <summary>A provider appending to a file (created with its folder when missing).</summary>
    /// <exception cref="IOException">The file is a symbolic link: a log is never appended through one.</exception>
    public static TextWriterLoggerProvider ForFile(string path, LogLevel minimumLevel, TimeProvider timeProvider)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);

        // Appending opens the link's target, which may be any file the user can write (a shell profile, another
        // program's data) planted in a shared backup folder; refusing is safer than guessing whether the link is meant.
        if (new FileInfo(path).LinkTarget is { } target)
        {
            throw new IOException($"{path} is a symbolic link (to {target}); the log is not written through it. Remove the link (or point --backup-dir elsewhere) and run again.");
        }

        var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);
        return new TextWriterLoggerProvider(new StreamWriter(stream) { AutoFlush = true }, minimumLevel, timeProvider, ownsWriter: true);
    }

    /// <inheritdoc />
    public ILogger CreateLogger(string categoryName) => new TextWriterLogger(this, categoryName);

    /// <inheritdoc />
    public void Dispose()
    {
        if (_ownsWriter)
        {
            lock (_gate)
            {
                _writer.Dispose();
            }
        }
    }

    internal void Write(string line)
    {
        lock (_gate)
        {
            _writer.WriteLine(line);
        }
    }
}
