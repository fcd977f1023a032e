namespace FitnessClients.Testing;

/// <summary>What the emulator pipeline decided for one request: a response to send, or a connection to drop.</summary>
internal sealed class EmulatorOutcome
{
    private EmulatorOutcome(HttpResponseMessage? response) => Response = response;

    public static EmulatorOutcome Reset { get; } = new(null);

    public HttpResponseMessage? Response { get; }

    public bool ResetConnection => Response is null;

    public static EmulatorOutcome Respond(HttpResponseMessage response) => new(response);
}
