using FitnessClients.GarminConnect.Api;

namespace FitnessClients.GarminConnect.Clients;

/// <summary>What the sub-clients share: the typed API and the client's options.</summary>
internal sealed class GarminClientContext
{
    public GarminClientContext(IGarminConnectApi api, GarminConnectClientOptions options)
    {
        Api = api;
        Options = options;
    }

    public IGarminConnectApi Api { get; }

    public GarminConnectClientOptions Options { get; }
}
