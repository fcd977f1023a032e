using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using FitnessClients.Backup;
using FitnessClients.Core.Activities;
using FitnessClients.Core.Tokens;
using FitnessClients.GarminConnect;
using FitnessClients.Strava;

namespace FitnessClients.Benchmarks.Infrastructure;

/// <summary>
/// The child process of the memory and CPU scenarios: only the SDK (client + backup engine) runs here, against an
/// emulator the parent serves on a loopback port, so the working set and processor time are the SDK's alone.
/// </summary>
/// <remarks>
/// Arguments: <c>child-backup --service garmin|strava --base URL --folder PATH --formats a,b [--concurrency N]
/// [--client-id ID] [--warm-up N]</c> (the client secret, like the token, comes in the environment); the token comes as JSON in <see cref="TokenVariable"/>, never on the command line.
/// Prints figures as <c>name: value unit</c>.
/// </remarks>
internal static class ChildBackup
{
    public const string Command = "child-backup";
    public const string TokenVariable = "FITNESSCLIENTS_BENCH_TOKEN";
    public const string ClientSecretVariable = "FITNESSCLIENTS_BENCH_CLIENT_SECRET";

    public static async Task<int> RunAsync(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            options[args[i].TrimStart('-')] = args[i + 1];
        }

        var token = JsonSerializer.Deserialize<OAuthToken>(Environment.GetEnvironmentVariable(TokenVariable) ?? throw new InvalidOperationException(TokenVariable + " is not set."))!;
        var server = new Uri(options["base"]);
        var service = options["service"];
        var concurrency = options.TryGetValue("concurrency", out var c) ? int.Parse(c, CultureInfo.InvariantCulture) : new BackupOptions { BackupDirectory = "." }.MaxConcurrency;
        IDisposable client;
        IActivitySource source;
        if (service == "garmin")
        {
            var garmin = await BenchClients.GarminAsync(token, TimeProvider.System, server: server);
            (client, source) = (garmin, new GarminActivitySource(garmin));
        }
        else
        {
            var strava = await BenchClients.StravaAsync(
                token, options["client-id"], Environment.GetEnvironmentVariable(ClientSecretVariable) ?? "", TimeProvider.System, server: server, limits: BenchClients.NoStravaLimits);
            (client, source) = (strava, new StravaActivitySource(strava));
        }

        using (client)
        {
            var formats = options["formats"].Split(',').Select(name => source.SupportedFormats.Single(f => f.Name == name)).ToList();
            if (options.TryGetValue("warm-up", out var warmUp))
            {
                // A backup of a few activities into another folder first: JIT compilation is not what the CPU figure is about.
                await new BackupEngine(source).RunAsync(new BackupOptions
                {
                    BackupDirectory = options["folder"] + "-warm-up",
                    Formats = formats,
                    Filter = new BackupFilter { Count = int.Parse(warmUp, CultureInfo.InvariantCulture) },
                });
            }

            using var sampler = new WorkingSetSampler(TimeSpan.FromMilliseconds(20));
            var process = Process.GetCurrentProcess();
            var cpuBefore = process.TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            var result = await new BackupEngine(source).RunAsync(new BackupOptions { BackupDirectory = options["folder"], Formats = formats, MaxConcurrency = concurrency });
            watch.Stop();
            process.Refresh();
            var cpu = process.TotalProcessorTime - cpuBefore;
            var peak = Math.Max(sampler.Stop(), process.PeakWorkingSet64);
            Print("listed", result.Listed, "activities");
            Print("downloaded", result.Downloaded, "files");
            Print("not_available", result.NotAvailable, "files");
            Print("failed", result.Failed, "files");
            Print("bytes_written", result.BytesWritten, "bytes");
            Print("wall_seconds", Math.Round(watch.Elapsed.TotalSeconds, 2), "s");
            Print("cpu_ms", Math.Round(cpu.TotalMilliseconds, 1), "ms");
            Print("peak_working_set_mb", Math.Round(peak / 1024.0 / 1024.0, 1), "MB");
            foreach (var error in result.Errors.Take(5))
            {
                Console.Error.WriteLine($"child: {error}");
            }
        }

        return 0;
    }

    private static void Print(string name, double value, string unit) => Console.WriteLine(new Figure(name, value, unit).ToLine());
}
