using FitnessClients.Testing;

namespace FitnessClients.Testing.Tests;

/// <summary>An HttpClient to an emulator over the chosen transport; disposing it stops the loopback server.</summary>
internal sealed class EmulatorConnection : IAsyncDisposable
{
    private EmulatorConnection(HttpClient client, LoopbackEmulatorServer? server)
    {
        Client = client;
        Server = server;
    }

    public HttpClient Client { get; }

    public LoopbackEmulatorServer? Server { get; }

    public static async Task<EmulatorConnection> OpenAsync(ServiceEmulator emulator, Transport transport)
    {
        if (transport == Transport.InProcess)
        {
            return new EmulatorConnection(emulator.CreateClient(), null);
        }

        var server = await emulator.StartLoopbackAsync();
        return new EmulatorConnection(server.CreateClient(), server);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (Server is not null)
        {
            await Server.DisposeAsync();
        }
    }
}
