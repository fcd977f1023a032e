namespace FitnessClients.Benchmarks.Infrastructure;

/// <summary>The numbers every scenario takes for one <see cref="BenchSize"/>; <see cref="Full"/> is issue 7's.</summary>
internal sealed record Workload
{
    /// <summary>Activities of the first backup that <c>requests_per_activity</c> counts.</summary>
    public required int FirstBackupActivities { get; init; }

    /// <summary>Activities already backed up before the no-op incremental run.</summary>
    public required int NoopActivities { get; init; }

    /// <summary>Garmin activities of the wall-clock run, and the emulated latency per request.</summary>
    public required int WallActivities { get; init; }

    public required TimeSpan WallLatency { get; init; }

    /// <summary>Strava activities of the rate-window run and the read limits it runs under.</summary>
    public required int RateActivities { get; init; }

    public required int ReadFifteenMinuteLimit { get; init; }

    public required int ReadDailyLimit { get; init; }

    /// <summary>The size of the one huge original, and the count of small activities, of the memory runs.</summary>
    public required long LargeFileBytes { get; init; }

    public required int MemoryActivities { get; init; }

    /// <summary>Activities listed and recorded for <c>cpu_ms_per_activity</c>.</summary>
    public required int CpuActivities { get; init; }

    public static Workload For(BenchSize size) => size switch
    {
        BenchSize.Full => Full,
        BenchSize.Small => Small,
        _ => Smoke,
    };

    public static Workload Full { get; } = new()
    {
        FirstBackupActivities = 1_000,
        NoopActivities = 5_000,
        WallActivities = 1_000,
        WallLatency = TimeSpan.FromMilliseconds(50),
        RateActivities = 2_000,
        ReadFifteenMinuteLimit = 100,
        ReadDailyLimit = 1_000,
        LargeFileBytes = 500L * 1024 * 1024,
        MemoryActivities = 10_000,
        CpuActivities = 10_000,
    };

    public static Workload Small { get; } = new()
    {
        FirstBackupActivities = 1_000,
        NoopActivities = 1_000,
        WallActivities = 100,
        WallLatency = TimeSpan.FromMilliseconds(50),
        RateActivities = 2_000,
        ReadFifteenMinuteLimit = 100,
        ReadDailyLimit = 1_000,
        LargeFileBytes = 100L * 1024 * 1024,
        MemoryActivities = 2_000,
        CpuActivities = 2_000,
    };

    /// <summary>Seconds in all: every code path, tiny numbers (the rate run still crosses 15-minute windows and a daily reset).</summary>
    public static Workload Smoke { get; } = new()
    {
        FirstBackupActivities = 20,
        NoopActivities = 40,
        WallActivities = 8,
        WallLatency = TimeSpan.FromMilliseconds(20),
        RateActivities = 60,
        ReadFifteenMinuteLimit = 10,
        ReadDailyLimit = 40,
        LargeFileBytes = 8L * 1024 * 1024,
        MemoryActivities = 40,
        CpuActivities = 40,
    };
}
