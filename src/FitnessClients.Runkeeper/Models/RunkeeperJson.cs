using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using FitnessClients.Core.Json;

namespace FitnessClients.Runkeeper.Models;

/// <summary>
/// The JSON options the Runkeeper client reads with: Core's lenient conventions (trailing commas, which the 2012 feed
/// replies end with, and Runkeeper's <c>Tue, 1 Mar 2011 07:00:00</c> wall-clock times) over <see cref="RunkeeperJsonContext"/>.
/// </summary>
public static class RunkeeperJson
{
    /// <summary>Shared, read-only options.</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    /// <summary>The metadata of <typeparamref name="T"/> under <see cref="Options"/>.</summary>
    /// <typeparam name="T">A type listed in <see cref="RunkeeperJsonContext"/>.</typeparam>
    /// <returns>The type info.</returns>
    public static JsonTypeInfo<T> Info<T>() => (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T));

    /// <summary>Document options that accept what the serializer accepts, for reading raw JSON.</summary>
    internal static JsonDocumentOptions DocumentOptions { get; } = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    private static JsonSerializerOptions Create()
    {
        var options = FitnessJson.CreateOptions(RunkeeperJsonContext.Default);
        options.MakeReadOnly();
        return options;
    }
}
