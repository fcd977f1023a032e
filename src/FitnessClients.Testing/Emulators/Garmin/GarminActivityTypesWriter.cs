using System.Text.Json.Nodes;

namespace FitnessClients.Testing;

/// <summary>Writes <c>/activity-service/activity/activityTypes</c>: the emulator's type catalogue.</summary>
internal static class GarminActivityTypesWriter
{
    public static JsonArray Write() => [.. GarminActivityTypes.All.Select(t => (JsonNode)GarminJson.Type(t, false))];
}
