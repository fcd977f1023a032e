using FitnessClients.Backup;

namespace FitnessClients.Benchmarks.Infrastructure;

/// <summary>A figure of a broken run is no figure: these stop the scenario instead.</summary>
internal static class BackupChecks
{
    public static void Complete(BackupResult result, int expectedActivities, string what)
    {
        if (result.Failed != 0)
        {
            throw new InvalidOperationException($"{what}: {result.Failed} files failed: {string.Join("; ", result.Errors.Take(5))}");
        }

        if (result.Selected != expectedActivities)
        {
            throw new InvalidOperationException($"{what}: {result.Selected} activities selected, the account has {expectedActivities}.");
        }
    }
}
