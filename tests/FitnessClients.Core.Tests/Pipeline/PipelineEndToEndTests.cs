using System.Net;
using FitnessClients.Core.DependencyInjection;
using FitnessClients.Core.Http;
using FitnessClients.Core.Json;
using FitnessClients.Testing;
using Microsoft.Extensions.DependencyInjection;
using Refit;

namespace FitnessClients.Core.Tests.Pipeline;

/// <summary>
/// The whole chain at once — error mapping, authentication with rotation, the rate limiter, resilience — against an
/// emulator that speaks a real-looking wire format, on the fake clock.
/// </summary>
public class PipelineEndToEndTests
{
    [Test]
    public async Task An_expired_token_is_refreshed_the_rotated_refresh_token_is_saved_and_the_call_succeeds()
    {
        using var fixture = new PipelineFixture();
        var original = await fixture.SignInAsync();
        fixture.Clock.Advance(TimeSpan.FromHours(7));

        var athlete = await fixture.Api.GetAthleteAsync();

        Assert.That(athlete.Name, Is.EqualTo("ada"));
        var stored = await fixture.Store.LoadAsync("athlete");
        Assert.That(stored!.RefreshToken, Is.Not.EqualTo(original.RefreshToken), "the rotated refresh token must be saved");
        Assert.That(stored.AccessToken, Is.Not.EqualTo(original.AccessToken));
        Assert.That(fixture.Emulator.OAuth.Refreshes, Is.EqualTo(1));
        Assert.That(fixture.Emulator.Requests.Count(HttpMethod.Get, "/api/"), Is.EqualTo(1), "no request was sent with the expired token");
    }

    [Test]
    public async Task A_revoked_access_token_gets_one_refresh_and_one_retry()
    {
        using var fixture = new PipelineFixture();
        var token = await fixture.SignInAsync();
        fixture.Emulator.OAuth.Revoke(token.AccessToken);

        var athlete = await fixture.Api.GetAthleteAsync();

        Assert.That(athlete.Id, Is.EqualTo(42));
        var calls = fixture.Emulator.Requests.Where(r => r.Path == "/api/athlete").Select(r => r.StatusCode).ToList();
        Assert.That(calls, Is.EqualTo(new HttpStatusCode?[] { HttpStatusCode.Unauthorized, HttpStatusCode.OK }));
        Assert.That(fixture.Emulator.OAuth.Refreshes, Is.EqualTo(1));
    }

    [Test]
    public async Task A_dead_refresh_token_becomes_AuthenticationRequiredException_without_secrets_in_the_message()
    {
        using var fixture = new PipelineFixture();
        var token = await fixture.SignInAsync();
        fixture.Emulator.OAuth.Revoke(token.RefreshToken!);
        fixture.Clock.Advance(TimeSpan.FromHours(7));

        var ex = Assert.ThrowsAsync<AuthenticationRequiredException>(() => fixture.Api.GetAthleteAsync());

        Assert.That(ex!.Message, Does.Not.Contain(token.RefreshToken).And.Not.Contain(token.AccessToken).And.Not.Contain(PipelineTestEmulator.ClientSecret));
        Assert.That(ex.TokenKey, Is.EqualTo("athlete"));
    }

    [Test]
    public async Task The_third_request_in_a_quarter_hour_of_two_waits_until_the_window_reopens_and_no_429_is_answered()
    {
        using var fixture = new PipelineFixture(requestsPerQuarterHour: 2, start: new DateTimeOffset(2026, 3, 2, 8, 14, 0, TimeSpan.Zero));
        await fixture.SignInAsync();
        await fixture.Api.GetItemAsync(1);
        await fixture.Api.GetItemAsync(2);

        var third = fixture.Api.GetItemAsync(3);
        await fixture.Clock.WaitForPendingTimersAsync();
        Assert.That(third.IsCompleted, Is.False);
        Assert.That(fixture.Clock.NextTimerDue, Is.EqualTo(new DateTimeOffset(2026, 3, 2, 8, 15, 0, TimeSpan.Zero)));

        fixture.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 2, 8, 15, 0, TimeSpan.Zero));
        var item = await third;

        Assert.That(item.Id, Is.EqualTo(3));
        Assert.That(fixture.Emulator.RateLimits!.Responses429, Is.Zero);
        Assert.That(fixture.Emulator.Requests.Last!.ReceivedAt, Is.EqualTo(new DateTimeOffset(2026, 3, 2, 8, 15, 0, TimeSpan.Zero)));
    }

    [Test]
    public async Task The_usage_headers_correct_the_local_count()
    {
        using var fixture = new PipelineFixture(requestsPerQuarterHour: 10);
        var token = await fixture.SignInAsync();
        // Another process of the same app already spent 6 of the 10 requests in this window.
        using (var other = new HttpClient(fixture.Emulator.CreateHandler()))
        {
            for (var i = 0; i < 6; i++)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, "https://pipeline.test/api/items/1");
                request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token.AccessToken);
                using var response = await other.SendAsync(request);
                Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            }
        }

        await fixture.Api.GetItemAsync(1);

        var window = fixture.Policy.GetStatus().Windows.Single(w => w.Name == "15m");
        Assert.That(window.Used, Is.EqualTo(7));
        Assert.That(window.Remaining, Is.EqualTo(3));
    }

    [Test]
    public async Task A_503_is_retried_and_a_404_becomes_ResourceNotFoundException()
    {
        using var fixture = new PipelineFixture();
        await fixture.SignInAsync();
        fixture.Emulator.Faults.Add(Fault.Status(HttpStatusCode.ServiceUnavailable), FaultTrigger.First(1), pathTemplate: "/api/items/{id}");

        var call = fixture.Api.GetItemAsync(5);
        await WaitForRetryDelayAsync(fixture.Clock);
        fixture.Clock.AdvanceToNextTimer();
        var item = await call;
        Assert.That(item.Name, Is.EqualTo("item 5"));
        Assert.That(fixture.Emulator.Requests.Count(HttpMethod.Get, "/api/items/5"), Is.EqualTo(2));

        var ex = Assert.ThrowsAsync<ResourceNotFoundException>(() => fixture.Api.GetItemAsync(404));
        Assert.That(ex!.Service, Is.EqualTo("pipeline"));
        Assert.That(ex.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(ex.ResponseExcerpt, Does.Contain("Record Not Found"));
        Assert.That(ex.RequestUri, Is.EqualTo(new Uri("https://pipeline.test/api/items/404")));
    }

    [Test]
    public async Task The_default_headers_reach_the_service()
    {
        using var fixture = new PipelineFixture();
        await fixture.SignInAsync();

        await fixture.Api.GetAthleteAsync();

        Assert.That(fixture.Emulator.Requests.Last!.GetHeader("User-Agent"), Is.EqualTo("FitnessClients.Tests/1.0"));
        Assert.That(fixture.Emulator.Requests.Last!.GetHeader("Authorization"), Does.StartWith("Bearer "));
    }

    [Test]
    public async Task Clients_from_IHttpClientFactory_use_the_same_chain_and_share_one_budget()
    {
        using var fixture = new PipelineFixture(requestsPerQuarterHour: 3, start: new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero));
        await fixture.SignInAsync();
        var services = new ServiceCollection();
        services.AddHttpClient("pipeline", client => client.BaseAddress = PipelineFixture.ApiRoot)
            .ConfigurePrimaryHttpMessageHandler(() => fixture.Emulator.CreateHandler())
            .AddFitnessPipeline(_ => fixture.Settings);
        await using var provider = services.BuildServiceProvider();
        var factory = provider.GetRequiredService<IHttpClientFactory>();
        var first = RestService.ForGenerated<IPipelineTestApi>(factory.CreateClient("pipeline"), FitnessRefit.CreateSettings(FitnessJson.CreateOptions()));
        var second = RestService.ForGenerated<IPipelineTestApi>(factory.CreateClient("pipeline"), FitnessRefit.CreateSettings(FitnessJson.CreateOptions()));

        await first.GetItemAsync(1);
        await second.GetItemAsync(2);
        await fixture.Api.GetItemAsync(3);
        var fourth = second.GetItemAsync(4);
        await fixture.Clock.WaitForPendingTimersAsync();

        Assert.That(fourth.IsCompleted, Is.False, "the three clients spend one shared budget of 3");
        fixture.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 2, 8, 15, 0, TimeSpan.Zero));
        Assert.That((await fourth).Id, Is.EqualTo(4));
        Assert.That(fixture.Emulator.RateLimits!.Responses429, Is.Zero);
    }

    /// <summary>
    /// Waits (in real time, bounded) until the retry's back-off timer is scheduled: the only timer due within 30 s,
    /// since the attempt and total timeouts are 30 s and 3 min away. Firing exactly that one keeps the test
    /// independent of how fast the machine runs the first attempt.
    /// </summary>
    private static async Task WaitForRetryDelayAsync(TimerTrackingTimeProvider clock)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (clock.NextTimerDue is not { } due || due - clock.GetUtcNow() >= TimeSpan.FromSeconds(29))
        {
            Assert.That(DateTime.UtcNow, Is.LessThan(deadline), "the retry delay was never scheduled");
            await Task.Delay(5);
        }
    }
}
