using System.Globalization;

namespace FitnessClients.Testing;

/// <summary>
/// Decides which of the requests a <see cref="FaultRule"/> matches get the fault: all of them, a seeded random share, or
/// a script of match numbers ("the 2nd and 3rd matching requests").
/// </summary>
public sealed class FaultTrigger
{
    private readonly Func<long, bool> _fires;

    private FaultTrigger(string description, Func<long, bool> fires)
    {
        Description = description;
        _fires = fires;
    }

    /// <summary>Every matching request (bound it with <see cref="FaultRule.MaxCount"/>).</summary>
    public static FaultTrigger Always { get; } = new("always", _ => true);

    /// <summary>How the trigger shows in logs.</summary>
    public string Description { get; }

    /// <summary>
    /// Each matching request with probability <paramref name="probability"/>, drawn from a <see cref="Random"/> seeded with
    /// <paramref name="seed"/>: the same sequence of requests gets the same faults on every run. (With concurrent requests
    /// the draws are shared out in arrival order, which may vary.)
    /// </summary>
    /// <param name="probability">From 0 to 1.</param>
    /// <param name="seed">The random seed.</param>
    public static FaultTrigger ByRate(double probability, int seed)
    {
        if (double.IsNaN(probability) || probability < 0 || probability > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(probability), "The probability must be between 0 and 1.");
        }

#pragma warning disable CA5394 // Deterministic test faults need a seeded, not a secure, generator.
        var random = new Random(seed);
        return new FaultTrigger(string.Create(CultureInfo.InvariantCulture, $"rate {probability:0.###} seed {seed}"), _ => random.NextDouble() < probability);
#pragma warning restore CA5394
    }

    /// <summary>The matching requests with these 1-based numbers, e.g. <c>Script(2, 3)</c>: the second and third matching requests.</summary>
    /// <param name="matchNumbers">Which matches fire, counting from 1.</param>
    public static FaultTrigger Script(params int[] matchNumbers)
    {
        ArgumentNullException.ThrowIfNull(matchNumbers);
        if (matchNumbers.Any(n => n < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(matchNumbers), "Match numbers count from 1.");
        }

        var set = matchNumbers.Select(n => (long)n).ToHashSet();
        return new FaultTrigger("requests " + string.Join(", ", matchNumbers.Order()), set.Contains);
    }

    /// <summary>The first <paramref name="count"/> matching requests (e.g. a service that is down, then recovers).</summary>
    /// <param name="count">How many.</param>
    public static FaultTrigger First(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return new FaultTrigger(string.Create(CultureInfo.InvariantCulture, $"first {count}"), n => n <= count);
    }

    /// <inheritdoc />
    public override string ToString() => Description;

    // Called under the injector's lock with the rule's 1-based match number.
    internal bool Fires(long matchNumber) => _fires(matchNumber);
}
