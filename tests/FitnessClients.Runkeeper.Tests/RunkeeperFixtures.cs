namespace FitnessClients.Runkeeper.Tests;

/// <summary>Finds the recorded Runkeeper responses kept outside the repository (never copied into it).</summary>
internal static class RunkeeperFixtures
{
    public static string? FindFolder()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "reference", "fixtures", "runkeeper");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    public static string Read(string name)
    {
        var folder = FindFolder();
        if (folder is null || !File.Exists(Path.Combine(folder, name)))
        {
            Assert.Ignore($"The Runkeeper fixture {name} is not available (shared/reference/fixtures/runkeeper not found above the test directory).");
        }

        return File.ReadAllText(Path.Combine(folder!, name));
    }
}
