using System.Globalization;
using FitnessClients.Backup;
using FitnessClients.Cli.Configuration;
using Spectre.Console;

namespace FitnessClients.Cli.Commands;

/// <summary>What every service's <c>backup</c> command shares: option parsing and the summary table.</summary>
internal static class BackupCommandHelpers
{
    public static void WriteSummary(IAnsiConsole console, string folder, BackupResult result)
    {
        var table = new Table().AddColumn("Backup").AddColumn(new TableColumn("").RightAligned());
        table.AddRow("Folder", Markup.Escape(folder));
        table.AddRow("Listed", Text(result.Listed));
        table.AddRow("Downloaded", Text(result.Downloaded));
        table.AddRow("Already there", Text(result.Skipped));
        table.AddRow("Not available", Text(result.NotAvailable));
        table.AddRow("Failed", Text(result.Failed));
        table.AddRow("Requests", result.RequestsMade?.ToString(CultureInfo.InvariantCulture) ?? "-");
        table.AddRow("Bytes written", Text(result.BytesWritten));
        table.AddRow("Elapsed", result.Elapsed.ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture));
        console.Write(table);
        if (result.Downloaded == 0 && result.Failed == 0)
        {
            console.WriteLine("Nothing new.");
        }

        foreach (var error in result.Errors.Take(10))
        {
            console.WriteLine($"failed: {error.ActivityId} {error.Format}: {error.Message}");
        }
    }

    /// <summary>Creates the backup folder; a file at that path is bad usage, said as such (not the runtime's "already exists").</summary>
    public static void CreateFolder(string folder)
    {
        if (File.Exists(folder))
        {
            throw new CliUsageException($"--backup-dir {folder} is a file, not a folder: give the path of a folder (it is created when missing)");
        }

        Directory.CreateDirectory(folder);
    }

    private static string Text(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public static List<string> Split(string[]? values) =>
        [.. (values ?? []).SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))];

    public static int? ParseCount(string? value) => value switch
    {
        null => null,
        _ when value.Equals("all", StringComparison.OrdinalIgnoreCase) => null,
        _ when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 => n,
        _ => throw new CliUsageException($"--count takes a positive number or 'all', not '{value}'"),
    };

    public static CsvTemplate? ReadCsvTemplate(string? value, CliEnvironment environment)
    {
        if (value is null || value.Equals("default", StringComparison.OrdinalIgnoreCase))
        {
            return value is null ? null : CsvTemplate.Default;
        }

        if (value.Equals("all", StringComparison.OrdinalIgnoreCase))
        {
            return CsvTemplate.All;
        }

        var path = ConfigPaths.ExpandHome(value, environment);
        try
        {
            var template = CsvTemplate.Parse(File.ReadAllText(path));
            return template.Columns.Count > 0 ? template : throw new CliUsageException($"--csv-template {path}: the template has no columns");
        }
        catch (Exception ex) when (ex is IOException or FormatException or UnauthorizedAccessException)
        {
            throw new CliUsageException($"--csv-template {path}: {ex.Message} (use 'default', 'all' or a .properties file)");
        }
    }

    public static IReadOnlyList<string> ReadExclude(string path)
    {
        try
        {
            return BackupFilter.ReadExcludeIds(File.ReadAllText(path));
        }
        catch (Exception ex) when (ex is IOException or FormatException or System.Text.Json.JsonException or UnauthorizedAccessException)
        {
            throw new CliUsageException($"--exclude {path}: {ex.Message}");
        }
    }

}
