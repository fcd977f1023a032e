namespace FitnessClients.Testing.Tests.Garmin;

/// <summary>
/// Finds real Garmin files in <c>shared/reference/fixtures/garmin</c> above the test directory, wherever the checkout
/// lives (a worktree, CI, another machine); they are read in place, never copied, and tests needing them are ignored
/// when they are absent.
/// </summary>
internal static class GarminReferenceFixtures
{
    public static string? Folder()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "reference", "fixtures", "garmin");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>The path of one fixture; ignores the calling test when it is not on this machine.</summary>
    public static string Require(string name)
    {
        var path = Folder() is { } folder ? Path.Combine(folder, name) : null;
        if (path is null || !File.Exists(path))
        {
            Assert.Ignore($"The Garmin reference fixture {name} is not on this machine (shared/reference/fixtures/garmin not found above the test directory).");
        }

        return path!;
    }
}
