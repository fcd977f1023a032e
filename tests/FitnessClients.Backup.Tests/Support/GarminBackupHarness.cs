using System.Collections.Immutable;
using FitnessClients.Core.RateLimiting;
using FitnessClients.Core.Tokens;
using FitnessClients.GarminConnect;
using FitnessClients.GarminConnect.Auth;
using FitnessClients.Testing;

namespace FitnessClients.Backup.Tests.Support;

/// <summary>A <see cref="GarminActivitySource"/> over an in-process <see cref="GarminConnectEmulator"/>, signed in with emulator-issued tokens.</summary>
internal sealed class GarminBackupHarness : IDisposable
{
    private const string TokenKey = "garmin-backup-tests";

    private GarminBackupHarness(GarminConnectEmulatorOptions options)
    {
        Clock = new FakeTimeProvider(new DateTimeOffset(2026, 7, 1, 0, 0, 0, TimeSpan.Zero));
        Emulator = new GarminConnectEmulator(Clock, options);
        Handler = new CancellingHandler(Emulator.CreateHandler());
    }

    public FakeTimeProvider Clock { get; }

    public GarminConnectEmulator Emulator { get; }

    public CancellingHandler Handler { get; }

    public GarminConnectClient Client { get; private set; } = null!;

    public GarminActivitySource Source { get; private set; } = null!;

    public static async Task<GarminBackupHarness> CreateAsync(int activityCount = 30, double? multisportShare = null, bool expandMultisport = false)
    {
        var emulatorOptions = new GarminConnectEmulatorOptions { ActivityCount = activityCount, IncludeEdgeCases = false };
        if (multisportShare is { } share)
        {
            emulatorOptions.MultisportShare = share;
        }

        var harness = new GarminBackupHarness(emulatorOptions);
        var store = new InMemoryTokenStore();
        var issued = harness.Emulator.IssueTokens();
        await store.SaveAsync(TokenKey, new OAuthToken
        {
            AccessToken = issued.AccessToken,
            RefreshToken = issued.RefreshToken,
            ExpiresAt = issued.ExpiresAt,
            Scopes = [.. issued.Scopes],
            Extras = ImmutableDictionary<string, string>.Empty.Add(GarminTokenExtras.DiClientId, issued.ClientId),
        });
        harness.Client = GarminConnectClient.Create(new GarminConnectClientOptions
        {
            TokenStore = store,
            TokenKey = TokenKey,
            TimeProvider = harness.Clock,
            PrimaryHandler = harness.Handler,
            RateLimitPolicy = new TokenBucketRateLimitPolicy(capacity: 100_000, tokensPerPeriod: 100_000, period: TimeSpan.FromSeconds(1), harness.Clock),
            ExpandMultisport = expandMultisport,
        });
        harness.Source = new GarminActivitySource(harness.Client);
        return harness;
    }

    /// <summary>Counts requests and cancels a token once a given number has been sent.</summary>
    internal sealed class CancellingHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        private int _sent;

        public int CancelAfter { get; set; } = int.MaxValue;

        public CancellationTokenSource? ToCancel { get; set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            if (Interlocked.Increment(ref _sent) >= CancelAfter)
            {
                await ToCancel!.CancelAsync();
            }

            return response;
        }
    }

    public void Dispose()
    {
        Client.Dispose();
        Handler.Dispose();
    }
}
