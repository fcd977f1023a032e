namespace FitnessClients.Testing;

/// <summary>
/// Why a few kit helpers that take any object are marked as needing reflection: they are conveniences for tests
/// (anonymous objects, records without a JSON context), which never run trimmed. The emulators themselves build their
/// bodies as <see cref="System.Text.Json.Nodes.JsonNode"/> trees, so the kit stays usable from a trimmed or native app.
/// </summary>
internal static class ReflectionJson
{
    public const string Reason =
        "Serialises with reflection-based System.Text.Json. In a trimmed or Native AOT app use the JsonNode or JsonTypeInfo overload.";
}
