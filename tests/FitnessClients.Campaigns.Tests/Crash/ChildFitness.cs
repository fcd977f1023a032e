using System.Diagnostics;
using FitnessClients.Cli;

namespace FitnessClients.Campaigns.Tests.Crash;

/// <summary>
/// Starts the built <c>fitness</c> CLI as a child process (the approach of the CLI tests' killed-backup test, copied
/// here because test projects do not share code).
/// </summary>
internal static class ChildFitness
{
    public static Process Start(IEnumerable<string> args, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(FitnessDll());
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        return Process.Start(start) ?? throw new InvalidOperationException("could not start the fitness process");
    }

    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    /// <summary>fitness.dll next to the test assembly (the project reference copies it), else the CLI's own output of the same configuration.</summary>
    private static string FitnessDll()
    {
        var here = Path.GetDirectoryName(typeof(CliApp).Assembly.Location)!;
        var candidates = new List<string> { Path.Combine(here, "fitness.dll") };
        var testDir = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = testDir.Parent?.Name;   // bin/<configuration>/net10.0
        var repo = testDir;
        while (repo is not null && !File.Exists(Path.Combine(repo.FullName, "FitnessClients.sln")))
        {
            repo = repo.Parent;
        }

        if (repo is not null && configuration is not null)
        {
            candidates.Add(Path.Combine(repo.FullName, "samples", "FitnessClients.Cli", "bin", configuration, testDir.Name, "fitness.dll"));
        }

        return candidates.FirstOrDefault(c => File.Exists(c) && File.Exists(Path.ChangeExtension(c, ".runtimeconfig.json")))
            ?? throw new FileNotFoundException("fitness.dll (with its runtimeconfig) was not found: " + string.Join(", ", candidates));
    }
}
