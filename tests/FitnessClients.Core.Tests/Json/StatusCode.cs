using System.Text.Json.Serialization;
using FitnessClients.Core.Json;

namespace FitnessClients.Core.Tests.Json;

/// <summary>An open enum declared as a class and annotated for source generation.</summary>
[JsonConverter(typeof(OpenEnumJsonConverter<StatusCode>))]
public sealed record StatusCode(string Value) : IOpenEnum<StatusCode>
{
    public static StatusCode Done { get; } = new("done");

    public static StatusCode FromValue(string value) => new(value);
}
