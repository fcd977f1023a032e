namespace FitnessClients.Cli;

/// <summary>The process exit codes of <c>fitness</c>; scripts can branch on them, so they never change meaning.</summary>
public static class ExitCodes
{
    /// <summary>Everything asked for was done.</summary>
    public const int Ok = 0;

    /// <summary>An unexpected error (a bug, or a failure the CLI does not know); the message says what.</summary>
    public const int Unexpected = 1;

    /// <summary>Bad usage: unknown command or option, a missing or malformed value.</summary>
    public const int BadUsage = 2;

    /// <summary>No usable token: sign in with <c>fitness garmin login</c> (or use <c>--demo</c>).</summary>
    public const int AuthenticationRequired = 3;

    /// <summary>The service is throttling; the message says when to try again.</summary>
    public const int RateLimited = 4;

    /// <summary>The network or the service failed (timeouts, 5xx after retries, refused connections).</summary>
    public const int ServiceFailure = 5;

    /// <summary>The run finished but some activities failed; rerun to retry them.</summary>
    public const int PartialSuccess = 6;

    /// <summary><c>get-activity</c>: the service has no file in that format for that activity (e.g. no GPS track).</summary>
    public const int NotAvailable = 7;

    /// <summary>Another backup or sync holds the folder's lock (the message names the process, host and start time); a lock left by a dead process is taken over by itself, so waiting and retrying is enough.</summary>
    public const int Busy = 8;

    /// <summary>A state file (the backup manifest or a sync record) is damaged; the message names it and how to rebuild it; the file is left as it is.</summary>
    public const int CorruptState = 9;

    /// <summary>Interrupted (Ctrl-C); a backup resumes where it stopped on the next run.</summary>
    public const int Cancelled = 130;
}
