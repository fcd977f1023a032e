using FitnessClients.Core.Tokens;
using FitnessClients.GarminConnect.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using RichardSzalay.MockHttp;

namespace FitnessClients.GarminConnect.Tests;

/// <summary>The two ways to build a client: <c>Create</c> and <c>AddGarminConnectClient</c>.</summary>
public class CreateAndDependencyInjectionTests
{
    [Test]
    public void Create_without_a_token_store_says_what_is_missing()
    {
        var error = Assert.Throws<ArgumentException>(() => GarminConnectClient.Create(new GarminConnectClientOptions()));

        Assert.That(error!.Message, Does.Contain("TokenStore is required"));
    }

    [Test]
    public void Garmin_refreshes_tokens_15_minutes_ahead_by_default() =>
        Assert.That(new GarminConnectClientOptions().TokenRefreshMargin, Is.EqualTo(TimeSpan.FromMinutes(15)));

    [Test]
    public async Task A_primary_handler_passed_in_options_is_not_disposed_with_the_client()
    {
        var h = await GarminHarness.CreateAsync();
        h.OnJson("userprofile-service/socialProfile", """{"displayName":"a"}""");
        var second = GarminConnectClient.Create(h.Options);

        h.Client.Dispose();
        var profile = await second.Profile.GetSocialProfileAsync();

        Assert.That(profile.DisplayName, Is.EqualTo("a"), "the shared mock handler still works");
        second.Dispose();
        h.Mock.Dispose();
    }

    [Test]
    public async Task The_registered_client_sends_through_the_Garmin_pipeline()
    {
        using var mock = new MockHttpMessageHandler();
        var seen = new List<RecordedRequest>();
        mock.When("https://connectapi.garmin.com/userprofile-service/socialProfile").Respond(async request =>
        {
            seen.Add(await RecordedRequest.CaptureAsync(request));
            return GarminHarness.Json("""{"displayName":"di"}""");
        });
        var tcxCalls = 0;
        mock.When("https://connectapi.garmin.com/download-service/export/tcx/activity/9").Respond(request =>
        {
            Interlocked.Increment(ref tcxCalls);
            return Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.InternalServerError));
        });
        var store = new InMemoryTokenStore();
        await store.SaveAsync("garmin-di", new OAuthToken { AccessToken = "di-access", ExpiresAt = DateTimeOffset.UtcNow.AddHours(5) });
        var services = new ServiceCollection();
        services.AddGarminConnectClient(o =>
        {
            o.TokenStore = store;
            o.TokenKey = "garmin-di";
            o.PrimaryHandler = mock;
        });
        await using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<GarminConnectClient>();
        var profile = await client.Profile.GetSocialProfileAsync();

        Assert.That(profile.DisplayName, Is.EqualTo("di"));
        Assert.That(seen.Single().Header("Authorization"), Is.EqualTo("Bearer di-access"));
        Assert.That(seen.Single().Header("X-Garmin-Client-Platform"), Is.EqualTo("Android"));
        Assert.That(provider.GetRequiredService<GarminConnectClient>(), Is.Not.SameAs(client), "a typed client is transient");

        await using var tcx = await client.Downloads.OpenAsync(9, GarminDownloadFormat.Tcx);
        Assert.That(tcx.IsAvailable, Is.False);
        Assert.That(tcxCalls, Is.EqualTo(1), "the TCX handler sits inside the retry layer");
    }

    [Test]
    public async Task The_registered_client_without_a_token_store_fails_clearly()
    {
        var services = new ServiceCollection();
        services.AddGarminConnectClient();
        await using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<ArgumentException>(() => provider.GetRequiredService<GarminConnectClient>());

        Assert.That(error!.Message, Does.Contain("TokenStore is required"));
    }
}
