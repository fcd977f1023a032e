using System.Globalization;
using System.Text.Json.Nodes;

namespace FitnessClients.Testing;

/// <summary>Formats and small builders shared by the Garmin JSON writers.</summary>
internal static class GarminJson
{
    /// <summary>The list's time format: <c>2026-01-08 08:10:21</c> (a space, no offset).</summary>
    public static string ListTime(DateTime time) => time.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>The summary's time format: <c>2026-01-08T08:10:21.0</c> (a T, tenths, no offset).</summary>
    public static string SummaryTime(DateTime time) => time.ToString("yyyy-MM-dd'T'HH:mm:ss.f", CultureInfo.InvariantCulture);

    /// <summary>Milliseconds since the Unix epoch.</summary>
    public static long EpochMilliseconds(DateTimeOffset time) => time.ToUnixTimeMilliseconds();

    /// <summary>Sets <paramref name="key"/>, or leaves a null out unless the shape keeps nulls (2018/2021 responses did; 2026 ones omit them).</summary>
    public static void Put(JsonObject target, string key, JsonNode? value, bool keepNulls)
    {
        if (value is not null || keepNulls)
        {
            target[key] = value;
        }
    }

    /// <summary>Seconds as a JSON number with millisecond precision.</summary>
    public static double Seconds(TimeSpan span) => Math.Round(span.TotalSeconds, 3);

    /// <summary>An <c>activityType</c>/<c>activityTypeDTO</c> object; the old shape has <c>sortOrder</c> and no <c>trimmable</c>.</summary>
    public static JsonObject Type(GarminActivityType type, bool legacy)
    {
        var node = new JsonObject
        {
            ["typeId"] = type.TypeId,
            ["typeKey"] = type.TypeKey,
            ["parentTypeId"] = type.ParentTypeId == 0 ? null : type.ParentTypeId,
        };
        if (legacy)
        {
            node["sortOrder"] = type.TypeId;
        }

        node["isHidden"] = false;
        node["restricted"] = false;
        if (!legacy)
        {
            node["trimmable"] = type.Family is not (GarminActivityFamily.Multisport or GarminActivityFamily.Transition);
        }

        return node;
    }

    public static JsonObject EventType() => new() { ["typeId"] = 9, ["typeKey"] = "uncategorized", ["sortOrder"] = 10 };

    public static JsonObject Privacy() => new() { ["typeId"] = 2, ["typeKey"] = "private" };

    public static string ProfileImageUrl(long profileId, string size) =>
        string.Create(CultureInfo.InvariantCulture, $"https://s3.amazonaws.com/garmin-connect-prod/profile_images/emulated-{size}-{profileId}.png");

    /// <summary>A UUID drawn from <paramref name="seed"/> (version 4 layout), e.g. for <c>activityUUID</c>.</summary>
    public static string Uuid(ulong seed)
    {
        var random = new DeterministicRandom(seed ^ 0x5555AAAA5555AAAAUL);
        Span<byte> bytes = stackalloc byte[16];
        BitConverter.TryWriteBytes(bytes, random.NextUInt64());
        BitConverter.TryWriteBytes(bytes[8..], random.NextUInt64());
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes).ToString("D");
    }

    // The params constructor, not a collection expression: that compiles to JsonArray.Add<string>, which does not trim.
    public static JsonArray UserRoles() => new(
        "SCOPE_CONNECT_READ", "SCOPE_CONNECT_WRITE", "SCOPE_GOLF_API_READ", "SCOPE_ATP_READ",
        "ROLE_CONNECTUSER", "ROLE_FITNESS_USER", "ROLE_WELLNESS_USER", "ROLE_OUTDOOR_USER", "ROLE_CONNECT_2_USER");
}
