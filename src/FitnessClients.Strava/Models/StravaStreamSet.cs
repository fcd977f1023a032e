using System.Text.Json;
using System.Text.Json.Serialization;

namespace FitnessClients.Strava.Models;

/// <summary>
/// The streams of an activity keyed by type (<c>key_by_type=true</c>). Strava leaves out streams an activity lacks
/// (an indoor ride has no <c>latlng</c>), so every accessor may return <see langword="null"/>.
/// </summary>
[JsonConverter(typeof(StravaStreamSetConverter))]
public sealed class StravaStreamSet
{
    /// <summary>Creates a set from streams keyed by type.</summary>
    /// <param name="streams">The streams; keys are compared ignoring case.</param>
    public StravaStreamSet(IReadOnlyDictionary<string, StravaStream> streams)
    {
        ArgumentNullException.ThrowIfNull(streams);
        Streams = new Dictionary<string, StravaStream>(streams, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The streams by type, as Strava sent them.</summary>
    public IReadOnlyDictionary<string, StravaStream> Streams { get; }

    /// <summary>The number of samples: the length of the longest stream.</summary>
    public int SampleCount => Streams.Values.Select(s => s.Data.ValueKind == JsonValueKind.Array ? s.Data.GetArrayLength() : 0).DefaultIfEmpty(0).Max();

    /// <summary>Seconds from the start.</summary>
    public IReadOnlyList<int?>? Time => GetIntegers(StravaStreamTypes.Time);

    /// <summary>Metres from the start.</summary>
    public IReadOnlyList<double?>? Distance => GetDoubles(StravaStreamTypes.Distance);

    /// <summary>Positions.</summary>
    public IReadOnlyList<StravaLatLng?>? LatLng => GetPoints(StravaStreamTypes.LatLng);

    /// <summary>Metres.</summary>
    public IReadOnlyList<double?>? Altitude => GetDoubles(StravaStreamTypes.Altitude);

    /// <summary>Metres per second.</summary>
    public IReadOnlyList<double?>? VelocitySmooth => GetDoubles(StravaStreamTypes.VelocitySmooth);

    /// <summary>Beats per minute.</summary>
    public IReadOnlyList<int?>? Heartrate => GetIntegers(StravaStreamTypes.Heartrate);

    /// <summary>Revolutions or steps per minute.</summary>
    public IReadOnlyList<int?>? Cadence => GetIntegers(StravaStreamTypes.Cadence);

    /// <summary>Watts.</summary>
    public IReadOnlyList<int?>? Watts => GetIntegers(StravaStreamTypes.Watts);

    /// <summary>Degrees Celsius.</summary>
    public IReadOnlyList<int?>? Temp => GetIntegers(StravaStreamTypes.Temp);

    /// <summary>Whether the athlete was moving.</summary>
    public IReadOnlyList<bool?>? Moving => Get(StravaStreamTypes.Moving, e => e.ValueKind is JsonValueKind.True or JsonValueKind.False ? e.GetBoolean() : (bool?)null);

    /// <summary>Percent.</summary>
    public IReadOnlyList<double?>? GradeSmooth => GetDoubles(StravaStreamTypes.GradeSmooth);

    /// <summary>Reads a stream of numbers; null samples stay null.</summary>
    /// <param name="type">The stream key.</param>
    /// <returns>The samples, or <see langword="null"/> when the stream is absent.</returns>
    public IReadOnlyList<double?>? GetDoubles(string type) =>
        Get(type, e => e.ValueKind == JsonValueKind.Number ? e.GetDouble() : (double?)null);

    /// <summary>Reads a stream of integers; integers sent as floats are rounded.</summary>
    /// <param name="type">The stream key.</param>
    /// <returns>The samples, or <see langword="null"/> when the stream is absent.</returns>
    public IReadOnlyList<int?>? GetIntegers(string type) =>
        Get<int?>(type, e => e.ValueKind != JsonValueKind.Number ? null : e.TryGetInt32(out var i) ? i : (int)Math.Round(e.GetDouble()));

    /// <summary>Reads a stream of <c>[lat, lng]</c> pairs.</summary>
    /// <param name="type">The stream key.</param>
    /// <returns>The samples, or <see langword="null"/> when the stream is absent.</returns>
    public IReadOnlyList<StravaLatLng?>? GetPoints(string type) =>
        Get(type, e => e.ValueKind == JsonValueKind.Array && e.GetArrayLength() >= 2
            && e[0].ValueKind == JsonValueKind.Number && e[1].ValueKind == JsonValueKind.Number
            ? new StravaLatLng(e[0].GetDouble(), e[1].GetDouble())
            : (StravaLatLng?)null);

    private List<T>? Get<T>(string type, Func<JsonElement, T> read)
    {
        if (!Streams.TryGetValue(type, out var stream) || stream.Data.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        var list = new List<T>(stream.Data.GetArrayLength());
        foreach (var item in stream.Data.EnumerateArray())
        {
            list.Add(read(item));
        }

        return list;
    }
}
