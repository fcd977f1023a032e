using System.Text.Json.Nodes;
using FitnessClients.Backup;

namespace FitnessClients.Campaigns.Tests.Support;

/// <summary>Reads the manifest as JSON for assertions.</summary>
internal static class ManifestText
{
    public static JsonObject Read(string folder) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(folder, BackupEngine.ManifestFileName)))!.AsObject();

    /// <summary>The manifest without its run history, which differs between runs by design.</summary>
    public static string WithoutRuns(string folder)
    {
        var manifest = Read(folder);
        manifest.Remove("runs");
        return manifest.ToJsonString();
    }
}
