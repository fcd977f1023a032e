using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using FitnessClients.Core.Json;

namespace FitnessClients.GarminConnect.Models;

/// <summary>
/// The JSON options the client reads Garmin's answers with: the SDK's lenient conventions over the package's
/// source-generated metadata. Use them to read a stored answer, e.g. <see cref="FitnessClients.Core.Activities.ActivitySummary.Raw"/>, back into a model.
/// </summary>
/// <example>
/// <code>
/// var item = summary.Raw!.Value.Deserialize&lt;GarminActivityListItem&gt;(GarminJson.Options);
/// </code>
/// </example>
public static class GarminJson
{
    /// <summary>Shared, read-only options that know every model in this namespace.</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    /// <summary>The metadata of <typeparamref name="T"/> within <see cref="Options"/>, for the serializer overloads that need no reflection.</summary>
    /// <typeparam name="T">A model of this namespace.</typeparam>
    internal static JsonTypeInfo<T> Info<T>() => (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T));

    private static JsonSerializerOptions Create()
    {
        var options = FitnessJson.CreateOptions(GarminJsonContext.Default);
        options.MakeReadOnly();
        return options;
    }
}
