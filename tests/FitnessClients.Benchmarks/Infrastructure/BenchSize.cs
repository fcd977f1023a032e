namespace FitnessClients.Benchmarks.Infrastructure;

/// <summary>How big the workloads are: the numbers, a quicker run, or a few seconds that only prove the code still works.</summary>
internal enum BenchSize
{
    Smoke,
    Small,
    Full,
}
