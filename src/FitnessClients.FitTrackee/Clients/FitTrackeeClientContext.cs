using FitnessClients.FitTrackee.Api;
using FitnessClients.FitTrackee.Http;

namespace FitnessClients.FitTrackee.Clients;

/// <summary>What the sub-clients share: the API, the options, the limits cache and the other sub-clients they consult.</summary>
internal sealed class FitTrackeeClientContext
{
    public FitTrackeeClientContext(IFitTrackeeApi api, FitTrackeeClientOptions options, FitTrackeeLimits limits)
    {
        Api = api;
        Options = options;
        Limits = limits;
    }

    public IFitTrackeeApi Api { get; }

    public FitTrackeeClientOptions Options { get; }

    public FitTrackeeLimits Limits { get; }

    public TimeProvider Clock => Options.TimeProvider;

    public FitTrackeeConfigClient Config { get; set; } = null!;

    public FitTrackeeProfileClient Profile { get; set; } = null!;
}
