using System.Text.Json.Nodes;

namespace FitnessClients.Testing;

/// <summary>Writes <c>/device-service/deviceservice/app-info/{deviceApplicationInstallationId}</c>.</summary>
internal static class GarminDeviceWriter
{
    public static JsonObject Write(GarminDevice device)
    {
        var version = device.VersionString.Split('.');
        return new JsonObject
        {
            ["applicationKey"] = device.ApplicationKey,
            ["partNumber"] = device.PartNumber,
            ["productDisplayName"] = device.ProductDisplayName,
            ["productSku"] = device.ProductSku,
            ["imageUrl"] = $"https://static.garmincdn.com/com.garmin.connect/content/images/device-images/{device.ApplicationKey}.png",
            ["deviceEmbedVideoLink"] = null,
            ["deviceVideoPageLink"] = null,
            ["wifi"] = true,
            ["bluetoothClassicDevice"] = false,
            ["bluetoothLowEnergyDevice"] = true,
            ["wellness"] = device.ApplicationKey.StartsWith("fr", StringComparison.Ordinal),
            ["primary"] = true,
            ["hasOpticalHeartRate"] = !device.ApplicationKey.StartsWith("edge", StringComparison.Ordinal),
            ["unitId"] = null,
            ["deviceCategories"] = new JsonArray(),
            ["versionMajor"] = version[0],
            ["versionMinor"] = version.Length > 1 ? version[1] : "0",
            ["buildMajor"] = "0",
            ["buildMinor"] = "0",
            ["versionString"] = device.VersionString,
            ["released"] = true,
        };
    }
}
