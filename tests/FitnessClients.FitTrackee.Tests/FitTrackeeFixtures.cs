namespace FitnessClients.FitTrackee.Tests;

/// <summary>Finds the recorded FitTrackee responses and files kept outside the repository (never copied into it).</summary>
internal static class FitTrackeeFixtures
{
    public static string? FindFolder()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "reference", "fixtures", "fittrackee");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    public static string RequireFolder()
    {
        var folder = FindFolder();
        if (folder is null)
        {
            Assert.Ignore("The FitTrackee fixtures are not available (shared/reference/fixtures/fittrackee not found above the test directory).");
        }

        return folder!;
    }

    public static string Path_(string name)
    {
        var path = Path.Combine(RequireFolder(), name);
        if (!File.Exists(path))
        {
            Assert.Ignore($"The FitTrackee fixture {name} is not available.");
        }

        return path;
    }
}
