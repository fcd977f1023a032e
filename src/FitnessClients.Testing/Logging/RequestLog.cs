using System.Collections;

namespace FitnessClients.Testing;

/// <summary>
/// Every request an emulator saw, in arrival order, for assertions such as "the backup listed once and downloaded
/// three files" or "the client retried the 503 exactly twice". Entries appear when a request arrives and are completed
/// when it is answered.
/// </summary>
/// <remarks>Thread-safe: enumerate it or call its helpers while requests are still being served; each works on a snapshot.</remarks>
/// <example>
/// <code>
/// Assert.That(emulator.Requests.Count(HttpMethod.Get, "/api/v3/athlete/activities"), Is.EqualTo(1));
/// Assert.That(emulator.Requests.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests), Is.Empty);
/// </code>
/// </example>
public sealed class RequestLog : IEnumerable<LoggedRequest>
{
    private readonly object _gate = new();
    private readonly List<LoggedRequest> _entries = [];
    private long _sequence;

    /// <summary>The most recent request, or <see langword="null"/>.</summary>
    public LoggedRequest? Last
    {
        get
        {
            lock (_gate)
            {
                return _entries.Count == 0 ? null : _entries[^1];
            }
        }
    }

    /// <summary>A copy of every entry.</summary>
    public IReadOnlyList<LoggedRequest> Snapshot()
    {
        lock (_gate)
        {
            return [.. _entries];
        }
    }

    /// <summary>
    /// How many requests match <paramref name="method"/> (any when <see langword="null"/>) and <paramref name="pathPrefix"/>
    /// (any when <see langword="null"/>). The prefix is matched on whole segments of the full path: <c>/api/v3/activities</c>
    /// counts <c>/api/v3/activities</c> and <c>/api/v3/activities/42</c>, not <c>/api/v3/activities_old</c>; with a trailing
    /// slash, <c>/api/v3/activities/</c> counts only what lies below it.
    /// </summary>
    /// <param name="method">The method.</param>
    /// <param name="pathPrefix">A path prefix, starting with <c>/</c>.</param>
    public int Count(HttpMethod? method = null, string? pathPrefix = null) => Where(method, pathPrefix).Count;

    /// <summary>The requests matching <paramref name="method"/> and <paramref name="pathPrefix"/> (see <see cref="Count(HttpMethod?, string?)"/>).</summary>
    /// <param name="method">The method; any when <see langword="null"/>.</param>
    /// <param name="pathPrefix">A path prefix; any when <see langword="null"/>.</param>
    public IReadOnlyList<LoggedRequest> Where(HttpMethod? method = null, string? pathPrefix = null) =>
        Where(r => (method is null || r.Method == method) && (pathPrefix is null || IsUnder(r.Path, pathPrefix)));

    /// <summary>The requests <paramref name="predicate"/> accepts.</summary>
    /// <param name="predicate">The condition.</param>
    public IReadOnlyList<LoggedRequest> Where(Func<LoggedRequest, bool> predicate)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        return [.. Snapshot().Where(predicate)];
    }

    /// <summary>Forgets the entries (sequence numbers keep increasing), e.g. after a test's arrange phase.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _entries.Clear();
        }
    }

    /// <inheritdoc />
    public IEnumerator<LoggedRequest> GetEnumerator() => Snapshot().GetEnumerator();

    /// <inheritdoc />
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    internal LoggedRequest Add(DateTimeOffset receivedAt, HttpRequestMessage message, byte[] body)
    {
        lock (_gate)
        {
            var entry = new LoggedRequest(++_sequence, receivedAt, message, body);
            _entries.Add(entry);
            return entry;
        }
    }

    private static bool IsUnder(string path, string prefix)
    {
        if (prefix.EndsWith('/'))
        {
            return path.StartsWith(prefix, StringComparison.Ordinal);
        }

        return string.Equals(path, prefix, StringComparison.Ordinal) ||
               (path.StartsWith(prefix, StringComparison.Ordinal) && path[prefix.Length] == '/');
    }
}
