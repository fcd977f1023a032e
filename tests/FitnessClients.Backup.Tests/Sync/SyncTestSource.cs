using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using FitnessClients.Core.Activities;

namespace FitnessClients.Backup.Tests.Sync;

/// <summary>
/// An in-memory <see cref="IActivitySource"/> for sync tests: any service name, any formats, content per activity and
/// format (or "not available"), and counters of what was listed and opened.
/// </summary>
internal sealed class SyncTestSource(string service, params ActivityFormat[] formats) : IActivitySource
{
    private readonly List<ActivitySummary> _activities = [];
    private readonly Dictionary<(string Id, string Format), (string? Text, string Extension)> _content = [];

    public string Service { get; } = service;

    public IReadOnlyList<ActivityFormat> SupportedFormats { get; } = formats.Length > 0 ? formats : [ActivityFormat.Fit, ActivityFormat.Gpx, ActivityFormat.Tcx];

    public int Listed { get; private set; }

    public List<(string Id, string Format)> Opened { get; } = [];

    /// <summary>Called before opening; may throw.</summary>
    public Action<ActivitySummary, ActivityFormat>? BeforeOpen { get; set; }

    public IReadOnlyList<ActivitySummary> Activities => _activities;

    /// <summary>Adds an activity with content in every supported format (none when it has no GPS track).</summary>
    public ActivitySummary Add(string id, DateTimeOffset start, string? sport, bool gps = true, double distance = 5000, int seconds = 1800)
    {
        var activity = new ActivitySummary
        {
            Service = Service,
            Id = id,
            StartTime = start,
            Sport = sport,
            Name = $"{sport} {id}",
            DistanceMeters = distance,
            MovingTime = TimeSpan.FromSeconds(seconds),
            ElapsedTime = TimeSpan.FromSeconds(seconds + 60),
            HasGpsTrack = gps,
        };
        _activities.Add(activity);
        foreach (var format in SupportedFormats)
        {
            _content[(id, format.Name)] = gps ? ($"<{format.Name} id=\"{id}\"/>", format.FileExtension ?? "bin") : (null, "");
        }

        return activity;
    }

    /// <summary>Adds <paramref name="count"/> activities a day apart, newest on <paramref name="newest"/>, ids <c>{prefix}{n}</c> (1 = oldest).</summary>
    public List<ActivitySummary> AddDaily(int count, DateTimeOffset newest, string sport, string prefix = "a")
    {
        var added = new List<ActivitySummary>();
        for (var n = 1; n <= count; n++)
        {
            added.Add(Add(prefix + n.ToString(CultureInfo.InvariantCulture), newest.AddDays(n - count), sport));
        }

        return added;
    }

    /// <summary>Sets the content of one format: <see langword="null"/> text means "not available".</summary>
    public void SetContent(string id, ActivityFormat format, string? text, string? extension = null) =>
        _content[(id, format.Name)] = (text, extension ?? format.FileExtension ?? "bin");

    public async IAsyncEnumerable<ActivitySummary> ListActivitiesAsync(ActivityListOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var activity in _activities
            .Where(a => options?.After is not { } after || a.StartTime >= after)
            .Where(a => options?.Before is not { } before || a.StartTime < before)
            .OrderByDescending(a => a.StartTime).ToList())
        {
            cancellationToken.ThrowIfCancellationRequested();
            await Task.Yield();
            Listed++;
            yield return activity;
        }
    }

    public Task<ActivityContent> OpenAsync(ActivitySummary activity, ActivityFormat format, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Opened.Add((activity.Id, format.Name));
        BeforeOpen?.Invoke(activity, format);
        var (text, extension) = _content[(activity.Id, format.Name)];
        return Task.FromResult(text is null
            ? ActivityContent.NotAvailable("no GPS track")
            : ActivityContent.Available(new MemoryStream(Encoding.UTF8.GetBytes(text)), extension));
    }
}
