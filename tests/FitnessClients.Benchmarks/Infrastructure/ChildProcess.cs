using System.Diagnostics;
using System.Text.Json;
using FitnessClients.Core.Tokens;

namespace FitnessClients.Benchmarks.Infrastructure;

/// <summary>Starts this program again as a <see cref="ChildBackup"/> process and reads back the figures it prints.</summary>
internal static class ChildProcess
{
    public static async Task<IReadOnlyDictionary<string, double>> RunBackupAsync(
        BenchContext context, OAuthToken token, IReadOnlyList<string> arguments, string? clientSecret, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var self = Environment.ProcessPath ?? throw new InvalidOperationException("The benchmark cannot find its own executable.");
        start.FileName = self;
        if (Path.GetFileNameWithoutExtension(self).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            // Started as "dotnet FitnessClients.Benchmarks.dll": the child needs the assembly too.
            start.ArgumentList.Add(typeof(ChildProcess).Assembly.Location);
        }

        start.ArgumentList.Add(ChildBackup.Command);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Secrets travel in the environment, never on a command line other users can read.
        start.Environment[ChildBackup.TokenVariable] = JsonSerializer.Serialize(token);
        if (clientSecret is not null)
        {
            start.Environment[ChildBackup.ClientSecretVariable] = clientSecret;
        }

        start.Environment["DOTNET_gcServer"] = "0";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("The child process did not start.");
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        var figures = new Dictionary<string, double>(StringComparer.Ordinal);
        while (await process.StandardOutput.ReadLineAsync(cancellationToken) is { } line)
        {
            if (Figure.TryParse(line) is { } figure)
            {
                figures[figure.Name] = figure.Value;
            }
        }

        await process.WaitForExitAsync(cancellationToken);
        var errors = await stderr;
        if (!string.IsNullOrWhiteSpace(errors))
        {
            context.Log.Write(errors);
        }

        if (process.ExitCode != 0 || !figures.ContainsKey("peak_working_set_mb"))
        {
            throw new InvalidOperationException($"The child backup exited with {process.ExitCode}: {errors}");
        }

        if (figures["failed"] != 0)
        {
            throw new InvalidOperationException($"The child backup failed {figures["failed"]} files: {errors}");
        }

        return figures;
    }
}
