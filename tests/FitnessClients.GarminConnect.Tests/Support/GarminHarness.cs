using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Net;
using System.Text;
using FitnessClients.Core.RateLimiting;
using FitnessClients.Core.Tokens;
using FitnessClients.GarminConnect.Auth;
using FitnessClients.Testing;
using RichardSzalay.MockHttp;

namespace FitnessClients.GarminConnect.Tests.Support;

/// <summary>
/// A <see cref="GarminConnectClient"/> made with <c>Create</c> over MockHttp, a fake clock and an in-memory token
/// store holding a valid token, plus a log of every request the mock answered.
/// </summary>
internal sealed class GarminHarness : IDisposable
{
    public const string Api = "https://connectapi.garmin.com/";
    public const string AccessToken = "test-access-token-1";

    private GarminHarness(Action<GarminConnectClientOptions>? configure)
    {
        Clock = new TimerTrackingTimeProvider();
        Store = new InMemoryTokenStore();
        Token = new OAuthToken
        {
            AccessToken = AccessToken,
            RefreshToken = "test-refresh-token-1",
            ExpiresAt = Clock.GetUtcNow().AddHours(20),
            Extras = ImmutableDictionary<string, string>.Empty.Add(GarminTokenExtras.DiClientId, "GARMIN_CONNECT_MOBILE_ANDROID_DI_2025Q2"),
        };
        Options = new GarminConnectClientOptions
        {
            TokenStore = Store,
            TokenKey = "garmin-test",
            TimeProvider = Clock,
            PrimaryHandler = Mock,
            // No waiting in request-shape tests; the rate-limit tests install their own policy.
            RateLimitPolicy = new TokenBucketRateLimitPolicy(capacity: 10_000, tokensPerPeriod: 10_000, period: TimeSpan.FromSeconds(1), Clock),
        };
        configure?.Invoke(Options);
    }

    public TimerTrackingTimeProvider Clock { get; }

    public MockHttpMessageHandler Mock { get; } = new();

    public InMemoryTokenStore Store { get; }

    public OAuthToken Token { get; }

    public GarminConnectClientOptions Options { get; }

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public GarminConnectClient Client { get; private set; } = null!;

    public static async Task<GarminHarness> CreateAsync(Action<GarminConnectClientOptions>? configure = null)
    {
        var harness = new GarminHarness(configure);
        await harness.Store.SaveAsync(harness.Options.TokenKey, harness.Token);
        harness.Client = GarminConnectClient.Create(harness.Options);
        return harness;
    }

    /// <summary>Answers requests to <paramref name="pathAndQuery"/> (relative to the API root; a query is matched exactly when given) and records them.</summary>
    public MockedRequest On(string pathAndQuery, Func<HttpRequestMessage, HttpResponseMessage> respond, HttpMethod? method = null)
    {
        var parts = pathAndQuery.Split('?', 2);
        var mocked = Mock.When(method ?? HttpMethod.Get, Api + parts[0]);
        if (parts.Length == 2)
        {
            mocked = mocked.WithExactQueryString(parts[1]);
        }

        mocked.Respond(async request =>
        {
            Requests.Enqueue(await RecordedRequest.CaptureAsync(request));
            return respond(request);
        });
        return mocked;
    }

    public MockedRequest OnJson(string pathAndQuery, string json, HttpStatusCode status = HttpStatusCode.OK, HttpMethod? method = null) =>
        On(pathAndQuery, _ => Json(json, status), method);

    public static HttpResponseMessage Json(string json, HttpStatusCode status = HttpStatusCode.OK) =>
        new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    public static HttpResponseMessage Bytes(byte[] bytes, string mediaType = "application/octet-stream", HttpStatusCode status = HttpStatusCode.OK)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(mediaType);
        return new HttpResponseMessage(status) { Content = content };
    }

    public RecordedRequest Single(string path) => Requests.Single(r => r.Path == "/" + path);

    public void Dispose()
    {
        Client.Dispose();
        Mock.Dispose();
    }
}
