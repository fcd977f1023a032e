using FitnessClients.Tests.Shared;

namespace FitnessClients.Testing.Tests;

/// <summary>Makes every change to the package's public surface a visible diff of src/FitnessClients.Testing/PublicAPI.txt.</summary>
public class PublicApiTests
{
    [Test]
    public void Public_api_matches_the_checked_in_baseline() =>
        PublicApiListing.AssertMatchesBaseline(typeof(FitnessClients.Testing.TimerTrackingTimeProvider).Assembly, "FitnessClients.Testing");
}
