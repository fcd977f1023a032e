using System.Collections.ObjectModel;

namespace FitnessClients.Backup.Sync;

/// <summary>
/// Maps a source's activity type (Garmin <c>typeKey</c>, Strava <c>sport_type</c>/<c>type</c>, Runkeeper <c>type</c>)
/// to the target's sport label (FitTrackee's, e.g. <c>Cycling (Sport)</c>). Types without a mapping are skipped and
/// reported by the sync, never guessed.
/// </summary>
/// <remarks>
/// A type is looked up, case-insensitively, in this order: an override for <c>service:type</c>
/// (<c>strava:Swim</c>), an override for the bare type (<c>Swim</c>), the defaults of the source service, and finally
/// FitTrackee's own labels (so a FitTrackee source maps onto itself). An override with an empty label skips the
/// type even when a default maps it.
/// </remarks>
/// <example>
/// <code>
/// var mapping = SportMapping.Default.WithOverrides(new Dictionary&lt;string, string?&gt;
/// {
///     ["VirtualRun"] = "Running",        // Zwift runs into Running
///     ["strava:Swim"] = null,           // pool swims stay out of FitTrackee
/// });
/// </code>
/// </example>
public sealed class SportMapping
{
    private readonly Dictionary<string, string?> _overrides;

    /// <summary>Creates a mapping: the defaults plus the user's overrides.</summary>
    /// <param name="overrides">Type (or <c>service:type</c>) to label; a <see langword="null"/> or empty label skips the type.</param>
    public SportMapping(IEnumerable<KeyValuePair<string, string?>>? overrides = null)
    {
        _overrides = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (type, label) in overrides ?? [])
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(type, nameof(overrides));
            _overrides[type.Trim()] = string.IsNullOrWhiteSpace(label) ? null : label.Trim();
        }

        Overrides = new ReadOnlyDictionary<string, string?>(_overrides);
    }

    /// <summary>The defaults alone.</summary>
    public static SportMapping Default { get; } = new();

    /// <summary>FitTrackee's default sport labels, in the order a fresh instance creates them.</summary>
    public static IReadOnlyList<string> FitTrackeeSports => DefaultSportMappings.FitTrackeeLabels;

    /// <summary>The user's overrides (case-insensitive keys; <see langword="null"/> means "skip").</summary>
    public IReadOnlyDictionary<string, string?> Overrides { get; }

    /// <summary>The default table of a source service (<c>garmin</c>, <c>strava</c>, <c>runkeeper</c>); empty for others.</summary>
    /// <param name="service">The source's <c>Service</c> name.</param>
    public static IReadOnlyDictionary<string, string> DefaultsFor(string service)
    {
        ArgumentNullException.ThrowIfNull(service);
        return DefaultSportMappings.For(service) ?? ReadOnlyDictionary<string, string>.Empty;
    }

    /// <summary>A copy with more overrides (later ones win).</summary>
    /// <param name="overrides">Type (or <c>service:type</c>) to label; a <see langword="null"/> or empty label skips the type.</param>
    public SportMapping WithOverrides(IEnumerable<KeyValuePair<string, string?>> overrides)
    {
        ArgumentNullException.ThrowIfNull(overrides);
        return new SportMapping(_overrides.Concat(overrides));
    }

    /// <summary>Parses one <c>TYPE=LABEL</c> override as a command line gives it (<c>Swim=Open Water Swimming</c>, <c>strava:Swim=</c>).</summary>
    /// <param name="text">The override.</param>
    /// <exception cref="FormatException">There is no <c>=</c> or no type before it.</exception>
    public static KeyValuePair<string, string?> ParseOverride(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0 || string.IsNullOrWhiteSpace(text[..equals]))
        {
            throw new FormatException($"'{text}' is not TYPE=LABEL (e.g. 'VirtualRun=Running', or 'Swim=' to skip a type).");
        }

        var label = text[(equals + 1)..].Trim();
        return new(text[..equals].Trim(), label.Length == 0 ? null : label);
    }

    /// <summary>The target label for a source type, or <see langword="null"/> when the type is not mapped (or mapped to skip).</summary>
    /// <param name="service">The source's <c>Service</c> name.</param>
    /// <param name="sourceType">The activity's type as the source reports it (<see cref="Core.Activities.ActivitySummary.Sport"/>).</param>
    public string? Resolve(string service, string? sourceType)
    {
        ArgumentNullException.ThrowIfNull(service);
        if (string.IsNullOrWhiteSpace(sourceType))
        {
            return null;
        }

        var type = sourceType.Trim();
        if (_overrides.TryGetValue(service + ":" + type, out var specific))
        {
            return specific;
        }

        if (_overrides.TryGetValue(type, out var general))
        {
            return general;
        }

        if (DefaultSportMappings.For(service) is { } table && table.TryGetValue(type, out var mapped))
        {
            return mapped;
        }

        return DefaultSportMappings.FitTrackeeLabels.FirstOrDefault(label => string.Equals(label, type, StringComparison.OrdinalIgnoreCase));
    }
}
