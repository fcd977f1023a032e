using System.Net;
using System.Text;
using System.Text.Json;
using FitnessClients.Core;
using FitnessClients.Core.RateLimiting;
using FitnessClients.Core.Tokens;
using FitnessClients.Runkeeper.Api;
using FitnessClients.Runkeeper.Models;
using FitnessClients.Runkeeper.RateLimits;
using FitnessClients.Testing;
using Microsoft.Extensions.DependencyInjection;
using RichardSzalay.MockHttp;

namespace FitnessClients.Runkeeper.Tests.Clients;

/// <summary>The typed Refit interface registered by <c>AddRunkeeperApi</c>, and the facade's reading of what it returns.</summary>
public class RunkeeperApiTests
{
    private static async Task<ServiceProvider> ProviderAsync(RunkeeperEmulator emulator, FakeTimeProvider clock, string? token = null, Action<IServiceCollection>? more = null)
    {
        var store = new InMemoryTokenStore();
        await store.SaveAsync("default", new OAuthToken { AccessToken = token ?? emulator.IssueAccessToken() });
        var handler = emulator.CreateHandler();
        var services = new ServiceCollection();
        services.AddRunkeeperApi(o =>
        {
            o.TokenStore = store;
            o.PrimaryHandler = handler;
            o.TimeProvider = clock;
            o.Resilience.Enabled = false;
        });
        more?.Invoke(services);
        return services.BuildServiceProvider();
    }

    [Test]
    public async Task The_api_reads_the_user_a_feed_page_the_next_page_and_an_activity_through_the_pipeline()
    {
        var clock = new FakeTimeProvider(FakeTimeDefaults.Start);
        var emulator = new RunkeeperEmulator(clock, new RunkeeperEmulatorOptions { ActivityCount = 3, StrictMediaTypes = true });
        await using var provider = await ProviderAsync(emulator, clock);
        var api = provider.GetRequiredService<IRunkeeperApi>();

        var user = await api.GetUserAsync();
        RunkeeperFeedPage? first, second;
        using (var response = await api.GetFitnessActivityFeedAsync(user.FitnessActivities!, pageSize: 2))
        {
            first = await JsonSerializer.DeserializeAsync(response.Content!, RunkeeperJson.Info<RunkeeperFeedPage>());
        }

        using (var response = await api.GetFitnessActivityFeedPageAsync(first!.Next!))
        {
            second = await JsonSerializer.DeserializeAsync(response.Content!, RunkeeperJson.Info<RunkeeperFeedPage>());
        }

        using var activity = await api.GetFitnessActivityAsync(second!.Items!.Single()!.Uri!);
        var full = await JsonSerializer.DeserializeAsync(activity.Content!, RunkeeperJson.Info<RunkeeperFitnessActivity>());

        Assert.That(user.UserId, Is.EqualTo(emulator.UserId));
        Assert.That(first.Items, Has.Count.EqualTo(2));
        Assert.That(full!.Uri, Is.EqualTo(second.Items!.Single()!.Uri));
        Assert.That(emulator.Requests.Where(r => r.StatusCode != HttpStatusCode.OK), Is.Empty, "strict media types: every Accept was right");
        Assert.That(emulator.Requests.All(r => r.GetHeader("Authorization")?.StartsWith("Bearer ", StringComparison.Ordinal) == true), Is.True);
    }

    [Test]
    public async Task An_unknown_token_is_the_sdks_sign_in_exception_and_an_unknown_activity_its_not_found_exception()
    {
        var clock = new FakeTimeProvider(FakeTimeDefaults.Start);
        var emulator = new RunkeeperEmulator(clock, new RunkeeperEmulatorOptions { ActivityCount = 1 });
        await using var signedOut = await ProviderAsync(emulator, clock, token: "rk-unknown-" + Guid.NewGuid().ToString("N"));
        await using var signedIn = await ProviderAsync(emulator, clock);

        var unauthorized = Assert.ThrowsAsync<AuthenticationRequiredException>(() => signedOut.GetRequiredService<IRunkeeperApi>().GetUserAsync());
        var missing = Assert.ThrowsAsync<ResourceNotFoundException>(() => signedIn.GetRequiredService<IRunkeeperApi>().GetFitnessActivityAsync("/fitnessActivities/1"));

        Assert.That(unauthorized!.Message, Does.Contain("fitness runkeeper login"));
        Assert.That(missing!.Service, Is.EqualTo("runkeeper"));
    }

    [Test]
    public async Task The_api_and_the_facade_registered_together_spend_one_budget_each_request_counted_once()
    {
        var clock = new FakeTimeProvider(FakeTimeDefaults.Start);
        var emulator = new RunkeeperEmulator(clock, new RunkeeperEmulatorOptions { ActivityCount = 1 });
        var budget = RunkeeperRateLimits.CreatePolicy(clock, requestsPerQuarterHour: 2, RateLimitExhaustionBehavior.Throw);
        await using var provider = await ProviderAsync(emulator, clock, more: services => services.AddRunkeeperClient(o => o.RateLimitPolicy = budget));
        var api = provider.GetRequiredService<IRunkeeperApi>();
        var client = provider.GetRequiredService<RunkeeperClient>();

        var fromApi = await api.GetUserAsync();
        var fromClient = await client.User.GetAsync();

        Assert.That(fromApi.UserId, Is.EqualTo(fromClient.UserId));
        Assert.ThrowsAsync<RateLimitExceededException>(() => api.GetUserAsync(), "the two requests spent the quarter hour's budget of two");
        Assert.That(emulator.Requests.Count(HttpMethod.Get, "/user"), Is.EqualTo(2));
    }

    [TestCase("", "empty body or null")]
    [TestCase("{\"userID\": ", "could not be read")]
    [TestCase("null", "empty body or null")]
    public async Task A_user_body_that_cannot_be_read_is_a_fitness_api_exception_not_a_json_or_refit_one(string body, string message)
    {
        using var mock = new MockHttpMessageHandler();
        mock.Expect(HttpMethod.Get, RunkeeperTestClient.Api + "user")
            .Respond(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, RunkeeperMediaTypes.User) });
        var (client, _) = await RunkeeperTestClient.CreateAsync(mock, new FakeTimeProvider(FakeTimeDefaults.Start), RunkeeperTestClient.NewToken());
        using var _ = client;

        var ex = Assert.ThrowsAsync<FitnessApiException>(() => client.User.GetAsync());

        Assert.That(ex!.Message, Does.Contain(message));
        Assert.That(ex.Service, Is.EqualTo("runkeeper"));
    }

    [Test]
    public async Task An_activity_with_an_empty_body_says_so_with_the_status()
    {
        using var mock = new MockHttpMessageHandler();
        mock.Expect(HttpMethod.Get, RunkeeperTestClient.Api + "fitnessActivities/5").Respond(HttpStatusCode.NoContent);
        var (client, _) = await RunkeeperTestClient.CreateAsync(mock, new FakeTimeProvider(FakeTimeDefaults.Start), RunkeeperTestClient.NewToken());
        using var _ = client;

        var ex = Assert.ThrowsAsync<FitnessApiException>(() => client.FitnessActivities.GetAsync("/fitnessActivities/5"));

        Assert.That(ex!.Message, Does.Contain("empty body"));
        Assert.That(ex.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
    }
}
