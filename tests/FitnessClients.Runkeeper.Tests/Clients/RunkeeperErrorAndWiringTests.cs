using System.Net;
using FitnessClients.Core;
using FitnessClients.Core.Tokens;
using FitnessClients.Runkeeper.Clients;
using FitnessClients.Runkeeper.Http;
using FitnessClients.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FitnessClients.Runkeeper.Tests.Clients;

/// <summary>Error mapping, link resolution, and the DI registration.</summary>
public class RunkeeperErrorAndWiringTests
{
    private static ErrorResponseInfo Info(string body, DateTimeOffset now) => new()
    {
        Service = "runkeeper",
        StatusCode = HttpStatusCode.TooManyRequests,
        RequestMethod = "GET",
        Now = now,
        Body = body,
        ResponseExcerpt = body,
    };

    [Test]
    public void A_quarter_hour_429_resumes_at_the_next_boundary_and_a_daily_one_at_utc_midnight()
    {
        var now = new DateTimeOffset(2017, 10, 4, 13, 7, 30, TimeSpan.Zero);

        var quarter = (RateLimitExceededException)RunkeeperErrorMapping.MapRateLimit(Info("""{"reason":"Rate-limit exceeded. rate limit is 5000 calls per 15 minutes"}""", now))!;
        var daily = (RateLimitExceededException)RunkeeperErrorMapping.MapRateLimit(Info("""{"reason":"Rate-limit exceeded. rate limit is 300000 calls per days1"}""", now))!;

        Assert.That(quarter.ResumeAt, Is.EqualTo(new DateTimeOffset(2017, 10, 4, 13, 15, 0, TimeSpan.Zero)));
        Assert.That(daily.ResumeAt, Is.EqualTo(new DateTimeOffset(2017, 10, 5, 0, 0, 0, TimeSpan.Zero)));
        Assert.That(daily.Window, Is.EqualTo("daily"));
    }

    [TestCase("/fitnessActivities?page=1&pageSize=2", "https://api.runkeeper.com/", "fitnessActivities?page=1&pageSize=2")]
    [TestCase("/fitnessActivities/5", "https://proxy.example/rk/", "fitnessActivities/5")]
    [TestCase("https://api.runkeeper.com/fitnessActivities?page=3", "https://api.runkeeper.com/", "fitnessActivities?page=3")]
    public void Links_become_paths_under_the_api_root(string link, string root, string expected) =>
        Assert.That(RunkeeperLinks.ToRelativePath(link, new Uri(root)), Is.EqualTo(expected));

    [TestCase("https://evil.example/fitnessActivities")]
    [TestCase("//evil.example/fitnessActivities")]
    [TestCase("/fitnessActivities/../../admin")]
    [TestCase("")]
    public void Links_that_leave_the_api_are_refused(string link) =>
        Assert.Throws<FitnessApiException>(() => RunkeeperLinks.ToRelativePath(link, new Uri("https://api.runkeeper.com/")));

    [Test]
    public async Task AddRunkeeperClient_builds_a_working_client_over_the_configured_handler()
    {
        var clock = new FakeTimeProvider(FakeTimeDefaults.Start);
        var emulator = new RunkeeperEmulator(clock, new RunkeeperEmulatorOptions { ActivityCount = 2 });
        var store = new InMemoryTokenStore();
        await store.SaveAsync("default", new OAuthToken { AccessToken = emulator.IssueAccessToken() });
        var handler = emulator.CreateHandler();
        var services = new ServiceCollection();
        services.AddRunkeeperClient(o =>
        {
            o.TokenStore = store;
            o.PrimaryHandler = handler;
            o.TimeProvider = clock;
            o.Resilience.Enabled = false;
        });
        await using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<RunkeeperClient>();

        Assert.That((await client.User.GetAsync()).UserId, Is.EqualTo(emulator.UserId));
        Assert.That(emulator.Requests.Last!.GetHeader("Authorization"), Does.StartWith("Bearer "));
    }

    [Test]
    public void Create_without_a_token_store_says_how_to_get_one() =>
        Assert.That(() => RunkeeperClient.Create(new RunkeeperClientOptions()), Throws.ArgumentException.With.Message.Contains("TokenStore"));
}
