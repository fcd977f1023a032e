using FitnessClients.Testing;

namespace FitnessClients.Testing.Tests;

/// <summary>Builds EmulatorRequests directly, for unit tests of the kit's parts.</summary>
internal static class TestRequests
{
    public static EmulatorRequest Create(HttpMethod method, string url, HttpContent? content = null, string basePath = "/", long sequence = 1)
    {
        var message = new HttpRequestMessage(method, url) { Content = content };
        var body = content?.ReadAsByteArrayAsync().GetAwaiter().GetResult() ?? [];
        return new EmulatorRequest(message, body, basePath, sequence, FakeTimeDefaults.Start);
    }
}
