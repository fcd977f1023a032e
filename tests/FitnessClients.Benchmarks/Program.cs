using System.Globalization;
using System.Text.Json;
using FitnessClients.Benchmarks.Infrastructure;

// dotnet run -c Release --project tests/FitnessClients.Benchmarks -- [scenario ...] [--out figures.json] [--size smoke|small|full]
// Figures go to stdout as "name: value unit"; progress goes to stderr. See docs/performance.md.
if (args.Length > 0 && args[0] == ChildBackup.Command)
{
    return await ChildBackup.RunAsync(args[1..]);
}

string? outPath = null;
var size = BenchSize.Full;
var selected = new List<string>();
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--out" when i + 1 < args.Length:
            outPath = args[++i];
            break;
        case "--size" when i + 1 < args.Length && Enum.TryParse<BenchSize>(args[i + 1], ignoreCase: true, out var parsed):
            size = parsed;
            i++;
            break;
        case "-h" or "--help":
            PrintUsage(Console.Out);
            return 0;
        case var name when !name.StartsWith('-') && Scenario.All.Any(s => s.Name == name):
            selected.Add(name);
            break;
        default:
            Console.Error.WriteLine($"Unknown or incomplete argument '{args[i]}'.");
            PrintUsage(Console.Error);
            return 2;
    }
}

var scenarios = selected.Count == 0 ? Scenario.All : [.. Scenario.All.Where(s => selected.Contains(s.Name))];
var scratch = Path.Combine(Path.GetTempPath(), "fitnessclients-bench-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
Directory.CreateDirectory(scratch);
var context = new BenchContext(size, scratch, Console.Error);
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

var figures = new List<Figure>();
var failures = new List<string>();
var started = DateTimeOffset.UtcNow;
try
{
    foreach (var scenario in scenarios)
    {
        context.Info($"scenario {scenario.Name} ({size}): {scenario.Description}");
        try
        {
            var (produced, elapsed) = await BenchContext.TimeAsync(() => scenario.RunAsync(context, cancel.Token));
            foreach (var figure in produced)
            {
                Console.WriteLine(figure.ToLine());
                figures.Add(figure);
            }

            context.Info($"scenario {scenario.Name} done in {elapsed.TotalSeconds:0.0} s");
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancel.IsCancellationRequested)
        {
            failures.Add($"{scenario.Name}: {exception.GetType().Name}: {exception.Message}");
            Console.Error.WriteLine($"scenario {scenario.Name} FAILED: {exception}");
        }
    }
}
finally
{
    try
    {
        Directory.Delete(scratch, recursive: true);
    }
    catch (IOException exception)
    {
        Console.Error.WriteLine($"Could not remove {scratch}: {exception.Message}");
    }
}

if (outPath is not null)
{
    var report = new
    {
        date = started.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        size = size.ToString().ToLowerInvariant(),
        machine = new { processors = Environment.ProcessorCount, os = System.Runtime.InteropServices.RuntimeInformation.OSDescription, runtime = Environment.Version.ToString() },
        figures = figures.Select(f => new { name = f.Name, value = f.Value, unit = f.Unit, goal = f.Goal, met = f.Met, note = f.Note }),
        failures,
    };
    var directory = Path.GetDirectoryName(Path.GetFullPath(outPath));
    Directory.CreateDirectory(directory!);
    await File.WriteAllTextAsync(outPath, JsonSerializer.Serialize(report, new JsonSerializerOptions { WriteIndented = true }) + "\n");
    context.Info($"figures written to {outPath}");
}

foreach (var failure in failures)
{
    Console.Error.WriteLine("FAILED " + failure);
}

return failures.Count == 0 ? 0 : 1;

static void PrintUsage(TextWriter writer)
{
    writer.WriteLine("usage: FitnessClients.Benchmarks [scenario ...] [--size smoke|small|full] [--out figures.json]");
    writer.WriteLine("  --size   full: issue 7's numbers (default); small: minutes; smoke: seconds, every code path");
    writer.WriteLine("scenarios (all when none is given):");
    foreach (var scenario in Scenario.All)
    {
        writer.WriteLine($"  {scenario.Name,-12} {scenario.Description}");
    }
}
