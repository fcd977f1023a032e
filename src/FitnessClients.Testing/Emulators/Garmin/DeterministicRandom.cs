namespace FitnessClients.Testing;

/// <summary>
/// A seeded SplitMix64 sequence: the same seed gives the same numbers on every runtime and platform, which
/// <see cref="Random"/> does not promise. Synthetic data is generated from it so seeded emulators are reproducible.
/// </summary>
internal sealed class DeterministicRandom(ulong seed)
{
    private ulong _state = seed;

    public ulong NextUInt64()
    {
        _state += 0x9E3779B97F4A7C15UL;
        var z = _state;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A double in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>An integer in [0, <paramref name="maxExclusive"/>).</summary>
    public int Next(int maxExclusive) => maxExclusive <= 0 ? 0 : (int)(NextUInt64() % (ulong)maxExclusive);

    /// <summary>An integer in [<paramref name="min"/>, <paramref name="maxExclusive"/>).</summary>
    public int Next(int min, int maxExclusive) => min + Next(maxExclusive - min);

    /// <summary>A double in [<paramref name="min"/>, <paramref name="max"/>).</summary>
    public double Range(double min, double max) => min + ((max - min) * NextDouble());

    public bool Chance(double probability) => NextDouble() < probability;

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];
}
