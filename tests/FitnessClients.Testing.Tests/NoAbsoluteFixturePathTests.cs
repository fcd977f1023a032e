using System.Text.RegularExpressions;

namespace FitnessClients.Testing.Tests;

/// <summary>Tests find the reference fixtures relative to where they run: an absolute path works on one machine only.</summary>
public partial class NoAbsoluteFixturePathTests
{
    [GeneratedRegex("""["@]\s*(/|[A-Za-z]:\\)[^"\r\n]*shared[/\\]+reference""")]
    private static partial Regex RootedReferencePath();

    [Test]
    public void No_test_source_names_the_reference_fixtures_by_an_absolute_path()
    {
        var root = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "FitnessClients.sln")))
        {
            root = root.Parent;
        }

        Assert.That(root, Is.Not.Null, "the repository root (FitnessClients.sln) above the test directory");
        var offenders = Directory.EnumerateFiles(Path.Combine(root!.FullName, "tests"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: f, Line: i + 1, Text: line)))
            .Where(l => RootedReferencePath().IsMatch(l.Text))
            .Select(l => $"{Path.GetRelativePath(root.FullName, l.File)}:{l.Line}: {l.Text.Trim()}")
            .ToList();

        Assert.That(offenders, Is.Empty);
    }
}
