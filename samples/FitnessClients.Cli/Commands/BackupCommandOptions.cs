using System.CommandLine;
using FitnessClients.Backup;
using FitnessClients.Cli.Configuration;
using FitnessClients.Core.Activities;

namespace FitnessClients.Cli.Commands;

/// <summary>
/// The options every service's <c>backup</c> command shares (garmin-connect-export's names: filters, layout, CSV,
/// concurrency) and how they become <see cref="BackupOptions"/>, so a new option or rule lands in every service at once.
/// </summary>
internal sealed class BackupCommandOptions
{
    /// <summary>Creates the options with the service's wording.</summary>
    /// <param name="service">The service's display name, e.g. "Garmin".</param>
    /// <param name="typeExamples">Examples of the service's activity types for <c>--type</c>.</param>
    /// <param name="retryHint">An optional example for <c>--retry-not-available</c>.</param>
    public BackupCommandOptions(string service, string typeExamples, string? retryHint = null)
    {
        Type = new Option<string[]>("--type", "-t") { Description = $"Only these activity types ({typeExamples}, ...), comma-separated or repeated", AllowMultipleArgumentsPerToken = true };
        RetryNotAvailable = new Option<bool>("--retry-not-available") { Description = $"Ask again for formats {service} did not have last time{(retryHint is null ? "" : $" ({retryHint})")}" };
    }

    public Option<string?> Count { get; } = new("--count", "-c") { Description = "The newest N activities, or 'all' (default: all)" };

    public Option<DateOnly?> StartDate { get; } = DateOption.Create("--start-date", ["--since"], "Only activities on or after this local date (yyyy-MM-dd)");

    public Option<DateOnly?> EndDate { get; } = DateOption.Create("--end-date", ["--until"], "Only activities on or before this local date (yyyy-MM-dd)");

    public Option<string[]> Type { get; }

    public Option<string?> Exclude { get; } = new("--exclude") { Description = "A JSON file {\"ids\": [...]} of activities to leave out" };

    public Option<int> SkipNewest { get; } = new("--skip-newest") { Description = "Leave out the newest N activities (e.g. still being edited)" };

    public Option<string?> Subdir { get; } = new("--subdir") { Description = "Sub-folder template, e.g. '{YYYY}/{MM}'" };

    public Option<bool> LocalPrefix { get; } = new("--local-prefix") { Description = "Prefix file names with the local start time" };

    public Option<bool> AppendName { get; } = new("--append-name") { Description = "Append the activity name to file names" };

    public Option<bool> AppendDesc { get; } = new("--append-desc") { Description = "Append the activity description to file names" };

    public Option<bool> FullScan { get; } = new("--full-scan") { Description = "List everything again (catches activities uploaded late with old dates)" };

    public Option<bool> RetryNotAvailable { get; }

    public Option<int?> Concurrency { get; } = new("--concurrency") { Description = "Parallel downloads (default 4); rate limits pace them anyway" };

    public Option<string?> CsvTemplate { get; } = new("--csv-template") { Description = "activities.csv columns: 'default', 'all', or the path of a .properties template" };

    public Option<bool> NoCsv { get; } = new("--no-csv") { Description = "Do not write activities.csv" };

    /// <summary>Adds every shared option to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        foreach (Option option in (Option[])[Count, StartDate, EndDate, Type, Exclude, SkipNewest, Subdir, LocalPrefix, AppendName, AppendDesc, FullScan, RetryNotAvailable, Concurrency, CsvTemplate, NoCsv])
        {
            command.Add(option);
        }
    }

    /// <summary>Builds the engine's options; refuses contradictory options with <see cref="CliUsageException"/>.</summary>
    /// <param name="parseResult">The parsed command line.</param>
    /// <param name="folder">The backup folder, already resolved.</param>
    /// <param name="formats">The formats to keep.</param>
    /// <param name="configuredConcurrency">The service's <c>concurrency</c> from config.json.</param>
    /// <param name="requestCounter">Counts the requests made (demo mode), else <see langword="null"/>.</param>
    /// <param name="environment">The process's surroundings, for paths under <c>~</c>.</param>
    public BackupOptions CreateBackupOptions(
        ParseResult parseResult,
        string folder,
        IReadOnlyList<ActivityFormat> formats,
        int? configuredConcurrency,
        Func<long>? requestCounter,
        CliEnvironment environment)
    {
        if (parseResult.GetValue(AppendName) && parseResult.GetValue(AppendDesc))
        {
            throw new CliUsageException("--append-name and --append-desc exclude each other");
        }

        if (parseResult.GetValue(NoCsv) && parseResult.GetValue(CsvTemplate) is not null)
        {
            throw new CliUsageException("--no-csv and --csv-template exclude each other");
        }

        if (parseResult.GetValue(StartDate) is { } start && parseResult.GetValue(EndDate) is { } end && start > end)
        {
            throw new CliUsageException($"--start-date {start:yyyy-MM-dd} is after --end-date {end:yyyy-MM-dd}: no activity can match (swap them?)");
        }

        var options = new BackupOptions
        {
            BackupDirectory = folder,
            Formats = formats,
            Filter = new BackupFilter
            {
                Count = BackupCommandHelpers.ParseCount(parseResult.GetValue(Count)),
                StartDate = parseResult.GetValue(StartDate),
                EndDate = parseResult.GetValue(EndDate),
                ActivityTypes = BackupCommandHelpers.Split(parseResult.GetValue(Type)),
                ExcludeIds = parseResult.GetValue(Exclude) is { } file ? BackupCommandHelpers.ReadExclude(ConfigPaths.ExpandHome(file, environment)) : [],
                SkipNewest = parseResult.GetValue(SkipNewest),
            },
            Layout = new BackupLayout
            {
                SubfolderTemplate = parseResult.GetValue(Subdir),
                LocalTimePrefix = parseResult.GetValue(LocalPrefix),
                NameSuffix = parseResult.GetValue(AppendName) ? BackupNameSuffix.ActivityName
                    : parseResult.GetValue(AppendDesc) ? BackupNameSuffix.Description : BackupNameSuffix.None,
            },
            FullScan = parseResult.GetValue(FullScan),
            RetryNotAvailable = parseResult.GetValue(RetryNotAvailable),
            WriteCsv = !parseResult.GetValue(NoCsv),
            CsvTemplate = BackupCommandHelpers.ReadCsvTemplate(parseResult.GetValue(CsvTemplate), environment),
            MaxConcurrency = parseResult.GetValue(Concurrency) ?? configuredConcurrency ?? 4,
            RequestCounter = requestCounter,
        };
        return options.MaxConcurrency < 1 ? throw new CliUsageException("--concurrency must be at least 1") : options;
    }
}
