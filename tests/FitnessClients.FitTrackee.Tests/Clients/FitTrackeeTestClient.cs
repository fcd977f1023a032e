using FitnessClients.Core.Tokens;
using FitnessClients.Testing;
using RichardSzalay.MockHttp;

namespace FitnessClients.FitTrackee.Tests.Clients;

/// <summary>A <see cref="FitTrackeeClient"/> built by <see cref="FitTrackeeClient.Create"/> over MockHttp, with a stored token.</summary>
internal static class FitTrackeeTestClient
{
    public const string Root = "https://fittrackee.test/";

    // Built at run time: no token-looking literal in the repository.
    public static readonly string AccessToken = string.Concat("test-access-", Guid.NewGuid().ToString("N"));

    public static readonly string ClientSecret = string.Concat("secret-", Guid.NewGuid().ToString("N"));

    public static FitTrackeeClientOptions Options(MockHttpMessageHandler mock, FakeTimeProvider clock, ITokenStore store)
    {
        var options = new FitTrackeeClientOptions
        {
            BaseAddress = new Uri(Root),
            ClientId = "client-id-1",
            ClientSecret = ClientSecret,
            TokenStore = store,
            TokenKey = "fittrackee",
            PrimaryHandler = mock,
            TimeProvider = clock,
            RedirectUri = new Uri("http://127.0.0.1:48123/callback"),
        };
        options.Resilience.Enabled = false;
        return options;
    }

    public static async Task<InMemoryTokenStore> StoreWithTokenAsync(FakeTimeProvider clock, TimeSpan? validFor = null)
    {
        var store = new InMemoryTokenStore();
        await store.SaveAsync("fittrackee", new OAuthToken
        {
            AccessToken = AccessToken,
            RefreshToken = string.Concat("test-refresh-", Guid.NewGuid().ToString("N")),
            ExpiresAt = clock.GetUtcNow() + (validFor ?? TimeSpan.FromDays(9)),
            Scopes = ["workouts:read", "workouts:write", "profile:read"],
        });
        return store;
    }

    public static async Task<FitTrackeeClient> CreateAsync(MockHttpMessageHandler mock, FakeTimeProvider clock) =>
        FitTrackeeClient.Create(Options(mock, clock, await StoreWithTokenAsync(clock)));
}
