using System.Globalization;
using System.Text.Json.Nodes;

namespace FitnessClients.Testing;

/// <summary>
/// Writes the upload service's <c>detailedImportResult</c>: one entry in <c>successes</c> with the new activity's
/// <c>internalId</c> (202), or one in <c>failures</c> with the existing activity's id and "Duplicate Activity." (409).
/// </summary>
internal static class GarminUploadResultWriter
{
    public static JsonObject Write(long uploadId, string uploadUuid, long owner, string fileName, int fileSize, DateTimeOffset created, long activityId, bool duplicate)
    {
        var entry = new JsonObject
        {
            ["internalId"] = activityId,
            ["externalId"] = null,
            ["messages"] = duplicate
                ? new JsonArray { (JsonNode)new JsonObject { ["code"] = 202, ["content"] = "Duplicate Activity." } }
                : null,
        };
        return new JsonObject
        {
            ["detailedImportResult"] = new JsonObject
            {
                ["uploadId"] = uploadId,
                ["uploadUuid"] = new JsonObject { ["uuid"] = uploadUuid },
                ["owner"] = owner,
                ["fileSize"] = fileSize,
                ["processingTime"] = 36,
                ["creationDate"] = created.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.fff 'GMT'", CultureInfo.InvariantCulture),
                ["ipAddress"] = null,
                ["fileName"] = fileName,
                ["report"] = null,
                ["successes"] = duplicate ? new JsonArray() : new JsonArray(entry),
                ["failures"] = duplicate ? new JsonArray(entry) : new JsonArray(),
            },
        };
    }
}
