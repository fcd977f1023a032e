using System.Text.Json.Nodes;

namespace FitnessClients.Testing;

/// <summary>Writes <c>/userprofile-service/userprofile/user-settings</c> (weight in grams, height in centimetres, as Garmin sends them).</summary>
internal static class GarminUserSettingsWriter
{
    public static JsonObject Write(GarminAccount account) => new()
    {
        ["id"] = account.ProfileId,
        ["userData"] = new JsonObject
        {
            ["gender"] = "FEMALE",
            ["weight"] = 61_500.0,
            ["height"] = 168.0,
            ["timeFormat"] = "time_twenty_four_hr",
            ["birthDate"] = "1990-04-12",
            ["measurementSystem"] = "metric",
            ["activityLevel"] = null,
            ["handedness"] = "RIGHT",
            ["powerFormat"] = Format(30, "watt"),
            ["heartRateFormat"] = Format(21, "bpm"),
            ["firstDayOfWeek"] = new JsonObject { ["dayId"] = 2, ["dayName"] = "monday", ["sortOrder"] = 2, ["isPossibleFirstDay"] = true },
            ["vo2MaxRunning"] = 51.0,
            ["vo2MaxCycling"] = null,
            ["lactateThresholdSpeed"] = null,
            ["lactateThresholdHeartRate"] = null,
            ["intensityMinutesCalcMethod"] = "AUTO",
            ["moderateIntensityMinutesHrZone"] = 3,
            ["vigorousIntensityMinutesHrZone"] = 4,
            ["hydrationMeasurementUnit"] = "milliliter",
            ["golfDistanceUnit"] = "statute_us",
        },
        ["userSleep"] = new JsonObject { ["sleepTime"] = 80_400, ["defaultSleepTime"] = false, ["wakeTime"] = 23_400, ["defaultWakeTime"] = false },
        ["connectDate"] = null,
        ["sourceType"] = null,
    };

    private static JsonObject Format(int id, string key) => new()
    {
        ["formatId"] = id,
        ["formatKey"] = key,
        ["minFraction"] = 0,
        ["maxFraction"] = 0,
        ["groupingUsed"] = false,
        ["displayFormat"] = null,
    };
}
