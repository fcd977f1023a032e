using Microsoft.Extensions.Time.Testing;

namespace FitnessClients.Testing;

/// <summary>The start of the fake clock the emulators' tests, docs and samples use unless they name their own.</summary>
/// <remarks>
/// Microsoft's <see cref="FakeTimeProvider"/> starts at 1 January 2000 when given no time; a date this close to today keeps
/// token expiries, activity dates and rate-limit windows in a realistic range.
/// </remarks>
/// <example>
/// <code>
/// var clock = new FakeTimeProvider(FakeTimeDefaults.Start);
/// </code>
/// </example>
public static class FakeTimeDefaults
{
    /// <summary>Monday 5 January 2026, 08:00 UTC.</summary>
    public static readonly DateTimeOffset Start = new(2026, 1, 5, 8, 0, 0, TimeSpan.Zero);
}
