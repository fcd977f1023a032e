namespace FitnessClients.Core.Json;

/// <summary>
/// Reads an optional <see cref="Int32"/>: like <see cref="FlexibleInt32Converter"/>, and <c>null</c> or <c>""</c> give
/// <see langword="null"/>; see <see cref="FlexibleNullableIntegerConverter{T}"/>.
/// </summary>
public sealed class FlexibleNullableInt32Converter : FlexibleNullableIntegerConverter<int>
{
}
