using FitnessClients.GarminConnect.Models;

namespace FitnessClients.GarminConnect.Clients;

/// <summary>Gear (shoes, bikes) linked to activities.</summary>
public class GarminGearClient
{
    private readonly GarminClientContext? _context;

    internal GarminGearClient(GarminClientContext context)
    {
        _context = context;
    }

    /// <summary>For mocking frameworks; a client made this way only works where its members are overridden.</summary>
    protected GarminGearClient()
    {
    }

    private GarminClientContext Context => _context ?? throw new InvalidOperationException("This client was created for mocking; override the member you call.");

    /// <summary>Reads the gear used for an activity (<c>gear-service/gear/filterGear?activityId=</c>); empty when none is linked.</summary>
    /// <param name="activityId">The activity.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual async Task<IReadOnlyList<GarminGear>> GetForActivityAsync(long activityId, CancellationToken cancellationToken = default) =>
        await Context.Api.GetActivityGearAsync(activityId, cancellationToken).ConfigureAwait(false) ?? [];
}
