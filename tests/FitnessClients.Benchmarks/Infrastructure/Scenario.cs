namespace FitnessClients.Benchmarks.Infrastructure;

/// <summary>One benchmark scenario: produces one or more figures. Subclasses are found by reflection, so a new scenario is one file.</summary>
internal abstract class Scenario
{
    /// <summary>The name given on the command line.</summary>
    public abstract string Name { get; }

    /// <summary>One line for <c>--help</c>.</summary>
    public abstract string Description { get; }

    /// <summary>The order in a full run (cheap, request-counting scenarios first).</summary>
    public virtual int Order => 100;

    public abstract Task<IReadOnlyList<Figure>> RunAsync(BenchContext context, CancellationToken cancellationToken);

    public static IReadOnlyList<Scenario> All { get; } =
        [.. typeof(Scenario).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(Scenario)) && !t.IsAbstract)
            .Select(t => (Scenario)Activator.CreateInstance(t)!)
            .OrderBy(s => s.Order)
            .ThenBy(s => s.Name, StringComparer.Ordinal)];
}
