// A throwaway consumer that installs the packed packages from a local folder feed and uses them the way a
// user's app would: the public pipeline over an emulator built with FitnessClients.Testing, tokens in a
// FileTokenStore, the fake clock. It exits non-zero if anything is off.
using System.Net;
using FitnessClients.Core.Http;
using FitnessClients.Core.Tokens;
using FitnessClients.Testing;
using Microsoft.Extensions.Time.Testing;

var clock = new FakeTimeProvider(FakeTimeDefaults.Start);
var emulator = new ConsumerEmulator(clock);
var folder = Directory.CreateTempSubdirectory("fc-consumer-");
try
{
    var store = new FileTokenStore(folder.FullName, clock);
    var issued = emulator.OAuth.IssueTokens("consumer-app", ["read"]);
    await store.SaveAsync("me", new OAuthToken { AccessToken = issued.AccessToken, RefreshToken = issued.RefreshToken, ExpiresAt = issued.ExpiresAt });

    var tokenClient = new FitnessClients.Core.OAuth.OAuth2TokenClient(
        new HttpClient(emulator.CreateHandler()),
        new FitnessClients.Core.OAuth.OAuth2ClientCredentials("consumer-app", "consumer-secret"),
        new Uri("https://consumer.test/oauth/token"), clock);
    var tokens = new TokenManager(store, "me", new FitnessClients.Core.OAuth.OAuth2TokenRefresher(tokenClient), timeProvider: clock);
    var settings = new FitnessPipelineSettings { ServiceName = "consumer", TokenManager = tokens, TimeProvider = clock };
    using var http = FitnessPipeline.CreateHttpClient(settings, new Uri("https://consumer.test/"), emulator.CreateHandler());

    clock.Advance(TimeSpan.FromDays(1)); // the access token expires: the pipeline must refresh and save the rotation
    var body = await http.GetStringAsync("api/hello");
    var stored = await store.LoadAsync("me");
    if (body != "hello" || stored?.RefreshToken == issued.RefreshToken)
    {
        Console.Error.WriteLine($"consumer check failed: body={body}, rotated={stored?.RefreshToken != issued.RefreshToken}");
        return 1;
    }

    Console.WriteLine("consumer check passed: packages installed, pipeline refreshed and saved the rotated token");
    return 0;
}
finally
{
    folder.Delete(recursive: true);
}

internal sealed class ConsumerEmulator : ServiceEmulator
{
    public ConsumerEmulator(TimeProvider clock)
        : base(clock)
    {
        OAuth = new OAuthTokenEndpointEmulator(clock);
        OAuth.RegisterClient("consumer-app", "consumer-secret");
        OAuth.MapRoutes(Router, "/oauth/token", "/oauth/revoke");
        Router.MapGet("/api/hello", request => OAuth.Authenticate(request) is null
            ? EmulatorResponses.Empty(HttpStatusCode.Unauthorized)
            : EmulatorResponses.Text(HttpStatusCode.OK, "hello"));
    }

    public OAuthTokenEndpointEmulator OAuth { get; }
}
