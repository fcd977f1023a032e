namespace FitnessClients.Core.Json;

/// <summary>
/// Reads an <see cref="Int64"/> written as a whole number, a float with no fraction (<c>480.0</c>) or a numeric
/// string; see <see cref="FlexibleIntegerConverter{T}"/>. Named so it can be used in
/// <c>[JsonConverter(typeof(FlexibleInt64Converter))]</c> and in source-generation options.
/// </summary>
public sealed class FlexibleInt64Converter : FlexibleIntegerConverter<long>
{
}
