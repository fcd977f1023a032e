using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using FitnessClients.Core.Activities;

namespace FitnessClients.Backup.Tests.Support;

/// <summary>
/// An in-memory <see cref="IActivitySource"/> that lists in pages (counting one request per page, like Garmin's
/// list endpoint), serves content in small chunks, and lets tests count bytes, fail or cancel anywhere.
/// </summary>
internal sealed class FakeActivitySource : IActivitySource
{
    private readonly List<ActivitySummary> _activities = [];
    private readonly Dictionary<(string, string), string?> _content = [];
    private long _bytesRead;
    private int _opens;

    public string Service => "fake";

    public IReadOnlyList<ActivityFormat> SupportedFormats { get; } = [ActivityFormat.Original, ActivityFormat.Gpx, ActivityFormat.Tcx, ActivityFormat.SummaryJson];

    public int PageSize { get; set; } = 3;

    public int ListRequests { get; private set; }

    public int Opens => Volatile.Read(ref _opens);

    public long BytesRead => Interlocked.Read(ref _bytesRead);

    public List<(string Id, string Format)> Opened { get; } = [];

    /// <summary>Called after every chunk read with the total bytes read so far.</summary>
    public Action<long>? OnRead { get; set; }

    /// <summary>Called before opening; may throw.</summary>
    public Action<ActivitySummary, ActivityFormat>? BeforeOpen { get; set; }

    public long Requests => ListRequests + Opens;

    public ActivitySummary Add(long id, DateTimeOffset start, string sport = "running", string? name = null, bool gpx = true, string? description = null, int typeId = 1, int parentTypeId = 17)
    {
        var raw = JsonSerializer.SerializeToElement(new Dictionary<string, object?>
        {
            ["activityId"] = id,
            ["activityName"] = name ?? $"Activity {id}",
            ["description"] = description,
            ["activityType"] = new Dictionary<string, object> { ["typeId"] = typeId, ["typeKey"] = sport, ["parentTypeId"] = parentTypeId },
            ["averageSpeed"] = 2.5,
            ["maxSpeed"] = 4.0,
            ["averageHR"] = 140.0,
            ["calories"] = 321.0,
            ["elevationGain"] = 12.5,
        });
        var activity = new ActivitySummary
        {
            Service = Service,
            Id = id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            StartTime = start,
            Sport = sport,
            Name = name ?? $"Activity {id}",
            DistanceMeters = 5000 + id,
            MovingTime = TimeSpan.FromSeconds(1800 + id),
            ElapsedTime = TimeSpan.FromSeconds(1900 + id),
            HasGpsTrack = gpx,
            Raw = raw,
        };
        _activities.Add(activity);
        var key = activity.Id;
        _content[(key, "original")] = $"ORIGINAL {key} " + new string('o', (int)(id % 50) + 40);
        _content[(key, "gpx")] = gpx ? $"<gpx id=\"{key}\">" + new string('g', (int)(id % 30) + 20) + "</gpx>" : null;
        _content[(key, "tcx")] = gpx ? $"<tcx id=\"{key}\"/>" : null;
        _content[(key, "summary.json")] = $"{{\"activityId\":{key}}}";
        return activity;
    }

    public void Remove(string id) => _activities.RemoveAll(a => a.Id == id);

    public async IAsyncEnumerable<ActivitySummary> ListActivitiesAsync(ActivityListOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var ordered = _activities
            .Where(a => options?.After is not { } after || a.StartTime >= after)
            .Where(a => options?.Before is not { } before || a.StartTime < before)
            .OrderByDescending(a => a.StartTime).ToList();
        for (var start = 0; ; start += PageSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await Task.Yield();
            ListRequests++;
            var page = ordered.Skip(start).Take(PageSize).ToList();
            if (page.Count == 0)
            {
                yield break;
            }

            foreach (var activity in page)
            {
                yield return activity;
            }
        }
    }

    public Task<ActivityContent> OpenAsync(ActivitySummary activity, ActivityFormat format, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Interlocked.Increment(ref _opens);
        lock (Opened)
        {
            Opened.Add((activity.Id, format.Name));
        }

        BeforeOpen?.Invoke(activity, format);
        var text = _content[(activity.Id, format.Name)];
        if (text is null)
        {
            return Task.FromResult(ActivityContent.NotAvailable("no GPS track"));
        }

        var extension = format.FileExtension ?? "zip";
        return Task.FromResult(ActivityContent.Available(new ChunkedStream(Encoding.UTF8.GetBytes(text), this), extension));
    }

    private sealed class ChunkedStream(byte[] data, FakeActivitySource owner) : Stream
    {
        private int _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => data.Length;

        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var n = Math.Min(Math.Min(buffer.Length, 7), data.Length - _position);
            data.AsSpan(_position, n).CopyTo(buffer);
            _position += n;
            if (n > 0)
            {
                var total = Interlocked.Add(ref owner._bytesRead, n);
                owner.OnRead?.Invoke(total);
            }

            return n;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var n = Read(buffer.Span);
            cancellationToken.ThrowIfCancellationRequested();
            return ValueTask.FromResult(n);
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
