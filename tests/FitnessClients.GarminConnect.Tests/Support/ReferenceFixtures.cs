namespace FitnessClients.GarminConnect.Tests.Support;

/// <summary>
/// Finds the real Garmin responses kept outside the repository in <c>shared/reference/fixtures/garmin</c>, a sibling
/// of the folder holding FitnessClients.sln (or of one of its parents, for git worktrees kept one level deeper).
/// They are never copied into the repository; tests that need them are ignored when they are absent.
/// </summary>
internal static class ReferenceFixtures
{
    public static string? FindGarminFolder()
    {
        var root = FindRepositoryRoot();
        for (var ancestor = root?.Parent; ancestor is not null && root!.FullName.Length - ancestor.FullName.Length < 200; ancestor = ancestor.Parent)
        {
            var candidate = Path.Combine(ancestor.FullName, "shared", "reference", "fixtures", "garmin");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    public static string RequireGarminFolder() =>
        FindGarminFolder() ?? IgnoreAndReturn("The reference fixtures (../shared/reference/fixtures/garmin next to the repository) are not on this machine.");

    public static string Require(string fileName)
    {
        var path = Path.Combine(RequireGarminFolder(), fileName);
        return File.Exists(path) ? path : IgnoreAndReturn($"The reference fixture {fileName} is not on this machine.");
    }

    private static DirectoryInfo? FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "FitnessClients.sln")))
            {
                return directory;
            }
        }

        return null;
    }

    private static string IgnoreAndReturn(string reason)
    {
        Assert.Ignore(reason);
        return string.Empty;
    }
}
