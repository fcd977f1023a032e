using FitnessClients.Core.Tokens;
using FitnessClients.Testing;

namespace FitnessClients.Strava.Tests.Auth;

internal static class AuthTestSupport
{
    public static readonly DateTimeOffset Start = new(2026, 6, 15, 8, 0, 0, TimeSpan.Zero);

    public static StravaClientOptions Options(HttpMessageHandler handler, FakeTimeProvider clock, ITokenStore? store = null) => new()
    {
        ClientId = StravaTokenEndpointFake.ClientId,
        ClientSecret = StravaTokenEndpointFake.ClientSecret,
        OAuthBaseAddress = new Uri(StravaTokenEndpointFake.OAuthRoot),
        WebBaseAddress = new Uri("https://web.test/"),
        TokenStore = store ?? new InMemoryTokenStore(),
        TokenKey = "strava-jane",
        TimeProvider = clock,
        PrimaryHandler = handler,
    };
}

internal sealed class TempFolder : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "strava-auth-" + Guid.NewGuid().ToString("N"));

    public TempFolder() => Directory.CreateDirectory(Path);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
