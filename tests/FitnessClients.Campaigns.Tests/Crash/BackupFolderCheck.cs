using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using FitnessClients.Backup;
using FitnessClients.Campaigns.Tests.Support;

namespace FitnessClients.Campaigns.Tests.Crash;

/// <summary>What a finished backup folder must look like after any number of kills and reruns.</summary>
internal static class BackupFolderCheck
{
    public const string LogFileName = "fitness.log";

    /// <summary>Same files and bytes as the reference (the log aside), the same manifest apart from its run history, no temporary file, every manifest entry on disk with its length and hash, a CSV row per activity, valid token files.</summary>
    public static void SameAsReference(string folder, string reference, string tokenFolder, string context)
    {
        var expected = TempFolder.Snapshot(reference, LogFileName, BackupEngine.ManifestFileName);
        var actual = TempFolder.Snapshot(folder, LogFileName, BackupEngine.ManifestFileName);
        Assert.Multiple(() =>
        {
            Assert.That(TemporaryFiles(folder), Is.Empty, $"{context}: temporary files left");
            Assert.That(actual.Keys, Is.EqualTo(expected.Keys), $"{context}: the same files");
            foreach (var (name, bytes) in expected)
            {
                if (actual.TryGetValue(name, out var got))
                {
                    Assert.That(got, Is.EqualTo(bytes), $"{context}: {name} is byte-identical");
                }
            }

            Assert.That(ManifestText.WithoutRuns(folder), Is.EqualTo(ManifestText.WithoutRuns(reference)), $"{context}: the same manifest");
            ManifestMatchesDisk(folder, context);
            TokensAreValidJson(tokenFolder, context);
        });
    }

    public static List<string> TemporaryFiles(string folder) =>
        [.. Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".partial", StringComparison.Ordinal) || f.EndsWith(".tmp", StringComparison.Ordinal))];

    /// <summary>Every file the manifest records exists with the recorded length and SHA-256; every activity has a CSV row.</summary>
    public static void ManifestMatchesDisk(string folder, string context)
    {
        var manifest = ManifestText.Read(folder);
        var files = 0;
        foreach (var record in Records(manifest))
        {
            var path = Path.Combine(folder, record["path"]!.GetValue<string>());
            Assert.That(File.Exists(path), Is.True, $"{context}: {path} recorded in the manifest exists");
            if (File.Exists(path))
            {
                var bytes = File.ReadAllBytes(path);
                Assert.That(bytes.LongLength, Is.EqualTo(record["length"]!.GetValue<long>()), $"{context}: {path} length");
                Assert.That(Convert.ToHexStringLower(SHA256.HashData(bytes)), Is.EqualTo(record["sha256"]!.GetValue<string>()), $"{context}: {path} hash");
            }

            files++;
        }

        Assert.That(files, Is.GreaterThan(0), $"{context}: the manifest records files");
        var rows = CsvRows(Path.Combine(folder, BackupEngine.CsvFileName));
        var ids = ActivityIds(manifest);
        Assert.That(rows, Has.Count.EqualTo(ids.Count), $"{context}: one CSV row per activity in the manifest");
        foreach (var id in ids)
        {
            Assert.That(rows.Any(row => row.Contains(id, StringComparer.Ordinal)), Is.True, $"{context}: activity {id} has a CSV row");
        }
    }

    public static void TokensAreValidJson(string tokenFolder, string context)
    {
        var tokens = Directory.Exists(tokenFolder) ? Directory.GetFiles(tokenFolder, "*.json") : [];
        Assert.That(tokens, Is.Not.Empty, $"{context}: a token file");
        foreach (var file in tokens)
        {
            Assert.DoesNotThrow(() => JsonDocument.Parse(File.ReadAllText(file)).Dispose(), $"{context}: {file} is valid JSON");
        }
    }

    private static List<string[]> CsvRows(string path)
    {
        using var reader = new StreamReader(path);
        using var csv = new CsvHelper.CsvReader(reader, System.Globalization.CultureInfo.InvariantCulture);
        var rows = new List<string[]>();
        csv.Read();
        csv.ReadHeader();
        while (csv.Read())
        {
            rows.Add(csv.Parser.Record ?? []);
        }

        return rows;
    }

    private static IEnumerable<JsonObject> Records(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj when obj["path"] is JsonValue && obj["sha256"] is JsonValue:
                yield return obj;
                break;
            case JsonObject obj:
                foreach (var (_, child) in obj)
                {
                    foreach (var record in Records(child))
                    {
                        yield return record;
                    }
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    foreach (var record in Records(child))
                    {
                        yield return record;
                    }
                }

                break;
        }
    }

    private static List<string> ActivityIds(JsonObject manifest) => manifest["activities"] switch
    {
        JsonObject byId => [.. byId.Select(p => p.Key)],
        JsonArray list => [.. list.Select(a => a!["id"]!.GetValue<string>())],
        _ => throw new AssertionException("the manifest has no activities"),
    };
}
