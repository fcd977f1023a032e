using FitnessClients.Core.Activities;

namespace FitnessClients.Benchmarks.Services;

/// <summary>An emulated account behind its activity source; disposing it disposes the client.</summary>
/// <param name="Source">The source a backup reads.</param>
/// <param name="RequestCount">The emulator's running count of requests received (its request log).</param>
/// <param name="ListedActivities">How many activities the service lists (what a complete first backup selects).</param>
/// <param name="Owned">The client and whatever else the account holds.</param>
internal sealed record BenchAccount(IActivitySource Source, Func<long> RequestCount, int ListedActivities, IDisposable Owned) : IDisposable
{
    public void Dispose() => Owned.Dispose();
}
