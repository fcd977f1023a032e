using FitnessClients.GarminConnect.Models;

namespace FitnessClients.GarminConnect.Clients;

/// <summary>The devices that recorded activities.</summary>
public class GarminDevicesClient
{
    private readonly GarminClientContext? _context;

    internal GarminDevicesClient(GarminClientContext context)
    {
        _context = context;
    }

    /// <summary>For mocking frameworks; a client made this way only works where its members are overridden.</summary>
    protected GarminDevicesClient()
    {
    }

    private GarminClientContext Context => _context ?? throw new InvalidOperationException("This client was created for mocking; override the member you call.");

    /// <summary>
    /// Reads a device's product and firmware (<c>device-service/deviceservice/app-info/{id}</c>) by the id in an
    /// activity's <see cref="GarminMetadataDto.DeviceApplicationInstallationId"/>.
    /// </summary>
    /// <param name="deviceApplicationInstallationId">The id from the activity's summary.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual Task<GarminDeviceAppInfo> GetAppInfoAsync(long deviceApplicationInstallationId, CancellationToken cancellationToken = default) =>
        Context.Api.GetDeviceAppInfoAsync(deviceApplicationInstallationId, cancellationToken);

    /// <summary>Reads the device that recorded an activity, or <see langword="null"/> when the summary names none (uploaded files).</summary>
    /// <param name="summary">The activity's summary.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual async Task<GarminDeviceAppInfo?> GetForActivityAsync(GarminActivitySummary summary, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var deviceId = summary.Metadata?.DeviceMetadata?.DeviceId;
        if (summary.Metadata?.DeviceApplicationInstallationId is not { } installationId || string.IsNullOrEmpty(deviceId) || deviceId == "0")
        {
            return null;
        }

        return await GetAppInfoAsync(installationId, cancellationToken).ConfigureAwait(false);
    }
}
