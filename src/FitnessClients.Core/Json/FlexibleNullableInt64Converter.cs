namespace FitnessClients.Core.Json;

/// <summary>
/// Reads an optional <see cref="Int64"/>: like <see cref="FlexibleInt64Converter"/>, and <c>null</c> or <c>""</c> give
/// <see langword="null"/>; see <see cref="FlexibleNullableIntegerConverter{T}"/>.
/// </summary>
public sealed class FlexibleNullableInt64Converter : FlexibleNullableIntegerConverter<long>
{
}
