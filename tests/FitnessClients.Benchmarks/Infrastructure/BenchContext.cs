using System.Diagnostics;

namespace FitnessClients.Benchmarks.Infrastructure;

/// <summary>What a scenario gets: the workload, a scratch folder, progress output and a way to measure in a child process.</summary>
internal sealed class BenchContext(BenchSize size, string scratchRoot, TextWriter log)
{
    public BenchSize Size { get; } = size;

    public Workload Workload { get; } = Workload.For(size);

    /// <summary>Progress and explanations; stderr, so stdout carries only figures.</summary>
    public TextWriter Log { get; } = log;

    /// <summary>A fresh, empty folder under the run's scratch root, deleted when the run ends.</summary>
    public string NewFolder(string name)
    {
        var path = Path.Combine(scratchRoot, name + "-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(path);
        return path;
    }

    public void Info(string message) => Log.WriteLine($"[{DateTime.UtcNow:HH:mm:ss}] {message}");

    /// <summary>Runs <paramref name="work"/> and returns its result with the real time it took.</summary>
    public static async Task<(T Result, TimeSpan Elapsed)> TimeAsync<T>(Func<Task<T>> work)
    {
        var watch = Stopwatch.StartNew();
        var result = await work();
        return (result, watch.Elapsed);
    }
}
