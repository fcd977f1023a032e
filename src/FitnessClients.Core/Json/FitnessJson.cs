using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace FitnessClients.Core.Json;

/// <summary>
/// The JSON conventions every package's wire models are read with: lenient where services are sloppy (property
/// case, trailing commas, comments, numbers as strings, floats in integer fields, unknown enum values) and strict
/// where guessing would corrupt data (fractions in integers, dates without an offset).
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>property names match case-insensitively; unknown properties are ignored;</item>
/// <item>trailing commas and comments are skipped (Runkeeper's feeds have trailing commas);</item>
/// <item>numbers may arrive as strings; integers may arrive as <c>480.0</c> (<see cref="FlexibleIntegerConverterFactory"/>);</item>
/// <item>a <see cref="DateTimeOffset"/> is an instant (<see cref="FlexibleDateTimeOffsetConverter"/>, refusing strings without an offset),
/// a <see cref="DateTime"/> a wall-clock reading (<see cref="LocalDateTimeConverter"/>);</item>
/// <item><see cref="IOpenEnum{TSelf}"/> types keep unknown values: with source generation through
/// <c>[JsonConverter(typeof(OpenEnumJsonConverter&lt;T&gt;))]</c> on the type, with the reflection-based options
/// through <see cref="OpenEnumJsonConverterFactory"/>;</item>
/// <item>null properties are left out when writing.</item>
/// </list>
/// Converters named with <c>[JsonConverter]</c> on a property win over these defaults.
/// </remarks>
/// <example>
/// Combine with a package's source-generated context (Core's converters are named in the context's
/// <c>[JsonSourceGenerationOptions(Converters = ...)]</c> or on the properties):
/// <code>
/// var options = FitnessJson.CreateOptions(JsonTypeInfoResolver.Combine(StravaJsonContext.Default, new DefaultJsonTypeInfoResolver()));
/// var activity = JsonSerializer.Deserialize&lt;StravaActivity&gt;(json, options);
/// </code>
/// </example>
public static class FitnessJson
{
    private const string ReflectionReason =
        "Uses the reflection-based System.Text.Json resolver. In a trimmed or Native AOT app pass a source-generated JsonSerializerContext to CreateOptions(IJsonTypeInfoResolver).";

    private static JsonSerializerOptions? _default;

    /// <summary>Shared, read-only options with the conventions and the reflection-based resolver, for code that needs no source generation.</summary>
    public static JsonSerializerOptions Default
    {
        [RequiresUnreferencedCode(ReflectionReason)]
        [RequiresDynamicCode(ReflectionReason)]
        get => LazyInitializer.EnsureInitialized(ref _default, CreateDefault);
    }

    /// <summary>New options with the conventions and the reflection-based resolver; change them freely.</summary>
    /// <remarks>Open enums are handled by <see cref="OpenEnumJsonConverterFactory"/> here, so they need no attribute.</remarks>
    [RequiresUnreferencedCode(ReflectionReason)]
    [RequiresDynamicCode(ReflectionReason)]
    public static JsonSerializerOptions CreateOptions()
    {
        var options = CreateOptions(new DefaultJsonTypeInfoResolver());
        options.Converters.Add(new OpenEnumJsonConverterFactory());
        return options;
    }

    /// <summary>New options with the conventions that take their type metadata from <paramref name="resolver"/>.</summary>
    /// <param name="resolver">
    /// Normally a package's source-generated <see cref="JsonSerializerContext"/>, or several combined with
    /// <see cref="JsonTypeInfoResolver.Combine(IJsonTypeInfoResolver?[])"/>.
    /// </param>
    public static JsonSerializerOptions CreateOptions(IJsonTypeInfoResolver resolver)
    {
        ArgumentNullException.ThrowIfNull(resolver);
        var options = new JsonSerializerOptions
        {
            PropertyNameCaseInsensitive = true,
            AllowTrailingCommas = true,
            ReadCommentHandling = JsonCommentHandling.Skip,
            NumberHandling = JsonNumberHandling.AllowReadingFromString,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            TypeInfoResolver = resolver,
        };
        AddConverters(options.Converters);
        return options;
    }

    /// <summary>Adds the SDK's converters to <paramref name="converters"/>, for options built elsewhere.</summary>
    /// <remarks>
    /// Open enums are not among them, since finding them takes reflection: name <see cref="OpenEnumJsonConverter{T}"/>
    /// on the type, or add <see cref="OpenEnumJsonConverterFactory"/> to reflection-based options.
    /// </remarks>
    /// <param name="converters">The converter list of options that are not yet in use.</param>
    public static void AddConverters(IList<JsonConverter> converters)
    {
        ArgumentNullException.ThrowIfNull(converters);
        converters.Add(new FlexibleIntegerConverterFactory());
        converters.Add(new FlexibleDateTimeOffsetConverter());
        converters.Add(new LocalDateTimeConverter());
    }

    [RequiresUnreferencedCode(ReflectionReason)]
    [RequiresDynamicCode(ReflectionReason)]
    private static JsonSerializerOptions CreateDefault()
    {
        var options = CreateOptions();
        options.MakeReadOnly();
        return options;
    }
}
