namespace FitnessClients.Core.Json;

/// <summary>
/// A string "enum" that keeps values it does not know. Services add sport types, activity types and statuses
/// without notice; a C# <c>enum</c> would throw on the first new one and break a whole listing, so wire models
/// use a small struct with well-known static values instead, and any other value passes through unchanged.
/// </summary>
/// <remarks>
/// <see cref="FitnessJson"/> registers <see cref="OpenEnumJsonConverterFactory"/>, which handles every implementer.
/// For a source-generated context, put <c>[JsonConverter(typeof(OpenEnumJsonConverter&lt;SportType&gt;))]</c> on the type.
/// </remarks>
/// <example>
/// <code>
/// [JsonConverter(typeof(OpenEnumJsonConverter&lt;SportType&gt;))]
/// public readonly record struct SportType(string Value) : IOpenEnum&lt;SportType&gt;
/// {
///     public static SportType Run { get; } = new("Run");
///     public static SportType Ride { get; } = new("Ride");
///     public static SportType FromValue(string value) => new(value);
///     public override string ToString() => Value;
/// }
/// </code>
/// </example>
/// <typeparam name="TSelf">The implementing type.</typeparam>
public interface IOpenEnum<TSelf>
    where TSelf : IOpenEnum<TSelf>
{
    /// <summary>The value as the service spells it.</summary>
    string Value { get; }

    /// <summary>Wraps any value, known or not.</summary>
    /// <param name="value">The value as the service spells it.</param>
    static abstract TSelf FromValue(string value);
}
