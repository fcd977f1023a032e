namespace FitnessClients.Core.Activities;

/// <summary>
/// One file of a format that is several files (an activity's photos), or a file that belongs to the whole account
/// rather than one activity (the bike an activity used). Returned inside <see cref="ActivityContent.FromFiles"/>.
/// </summary>
/// <remarks>
/// A backup names an activity's own file <c>{activity file name}.{Name}</c> next to the activity's other files; a shared
/// file is stored once under <see cref="Name"/> relative to the backup root, so every activity that refers to it points
/// at the same file.
/// </remarks>
public sealed class ActivityContentFile : IAsyncDisposable, IDisposable
{
    /// <summary>Creates the file.</summary>
    /// <param name="name">
    /// The name's ending for an activity's own file (<c>photo-1a2b.jpg</c>), or the path under the backup root for a shared one
    /// (<c>gear/b1234.json</c>, forward slashes). No <c>..</c> segments, not rooted.
    /// </param>
    /// <param name="stream">The content; ownership passes to this object.</param>
    /// <param name="isShared">Whether the file belongs to the account (stored once) rather than to the activity.</param>
    /// <param name="length">The length when known.</param>
    /// <exception cref="ArgumentException">The name is empty, rooted or climbs out of the folder.</exception>
    public ActivityContentFile(string name, Stream stream, bool isShared = false, long? length = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(stream);
        var segments = name.Split(['/', '\\']);
        if (Path.IsPathRooted(name) || segments.Any(s => s is "" or "." or ".."))
        {
            throw new ArgumentException($"'{name}' is not a relative file name: no empty, '.' or '..' segments and no root.", nameof(name));
        }

        if (!isShared && segments.Length > 1)
        {
            throw new ArgumentException($"'{name}': an activity's own file is a name ending, without folders.", nameof(name));
        }

        Name = name;
        Stream = stream;
        IsShared = isShared;
        Length = length;
    }

    /// <summary>The name's ending (own file) or the path under the backup root (shared file).</summary>
    public string Name { get; }

    /// <summary>The content, read once. Owned by this object.</summary>
    public Stream Stream { get; }

    /// <summary>Whether the file belongs to the account and is stored once for every activity that refers to it.</summary>
    public bool IsShared { get; }

    /// <summary>The content length when known.</summary>
    public long? Length { get; }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => Stream.DisposeAsync();

    /// <inheritdoc />
    public void Dispose() => Stream.Dispose();
}
