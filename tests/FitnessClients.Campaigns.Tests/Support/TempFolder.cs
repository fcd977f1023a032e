namespace FitnessClients.Campaigns.Tests.Support;

/// <summary>A fresh folder under the system temp folder, deleted on dispose.</summary>
internal sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("fitness-campaign-").FullName;

    public string Sub(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>Every file under <paramref name="folder"/>, relative with forward slashes, mapped to its bytes; <paramref name="except"/> left out.</summary>
    public static SortedDictionary<string, byte[]> Snapshot(string folder, params string[] except)
    {
        var result = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            var relative = System.IO.Path.GetRelativePath(folder, file).Replace('\\', '/');
            if (!except.Contains(relative, StringComparer.Ordinal))
            {
                result[relative] = File.ReadAllBytes(file);
            }
        }

        return result;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
