using System.Collections;
using System.Globalization;

namespace FitnessClients.Core.Diagnostics;

/// <summary>
/// Log state with scrubbed values: strings and other objects pass through <see cref="SecretScrubber"/>, URIs through
/// <see cref="SecretScrubber.ScrubUri"/>; numbers, dates and the like stay typed. <c>ToString()</c> is the scrubbed message.
/// </summary>
internal sealed class ScrubbedLogState : IReadOnlyList<KeyValuePair<string, object?>>
{
    private const string OriginalFormatKey = "{OriginalFormat}";
    private readonly List<KeyValuePair<string, object?>> _values;

    public ScrubbedLogState(string message, IReadOnlyList<KeyValuePair<string, object?>>? values)
    {
        Message = message;
        _values = values is null
            ? []
            : values.Select(pair => new KeyValuePair<string, object?>(
                pair.Key,
                pair.Key == OriginalFormatKey ? pair.Value : ScrubValue(pair.Value))).ToList();
    }

    public string Message { get; }

    public int Count => _values.Count;

    public KeyValuePair<string, object?> this[int index] => _values[index];

    public static object? ScrubScope(object? scope) => scope switch
    {
        null => null,
        IReadOnlyList<KeyValuePair<string, object?>> values => new ScrubbedLogState(SecretScrubber.Scrub(scope.ToString()), values),
        _ => ScrubValue(scope),
    };

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => _values.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => Message;

    private static object? ScrubValue(object? value) => value switch
    {
        null => null,
        string text => SecretScrubber.Scrub(text),
        Uri uri => SecretScrubber.ScrubUri(uri),
        bool or char or byte or sbyte or short or ushort or int or uint or long or ulong or float or double or decimal
            or DateTime or DateTimeOffset or TimeSpan or Guid or Enum => value,
        _ => SecretScrubber.Scrub(Convert.ToString(value, CultureInfo.InvariantCulture)),
    };
}
