using FitnessClients.Core;

namespace FitnessClients.GarminConnect;

/// <summary>Options of <c>GarminConnectClient</c>.</summary>
public sealed class GarminConnectClientOptions : FitnessClientOptions
{
    /// <summary>Garmin's domain: <c>garmin.com</c>, or <c>garmin.cn</c> for Chinese accounts. Decides every host (connectapi, diauth, sso).</summary>
    public string Domain { get; set; } = GarminDomains.Global;
}
