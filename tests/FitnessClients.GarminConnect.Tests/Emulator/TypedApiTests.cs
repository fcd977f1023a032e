using System.Net;
using FitnessClients.Core;
using FitnessClients.Core.Http;
using FitnessClients.Core.RateLimiting;
using FitnessClients.GarminConnect.Api;
using FitnessClients.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FitnessClients.GarminConnect.Tests.Emulator;

/// <summary><see cref="IGarminConnectApi"/> registered with <c>AddGarminConnectApi</c>, calling the emulator through the whole Garmin pipeline.</summary>
public class TypedApiTests
{
    private const string Profile = "/userprofile-service/socialProfile";

    [Test]
    public async Task A_refused_token_is_refreshed_once_and_the_call_sent_again()
    {
        using var h = new EmulatorHarness();
        var original = await h.SeedTokensAsync();
        await using var provider = BuildProvider(services => services.AddGarminConnectApi(o => Configure(o, h)));
        var api = provider.GetRequiredService<IGarminConnectApi>();
        h.Emulator.DiAuth.Revoke(original.AccessToken);

        var profile = await api.GetSocialProfileAsync();

        var stored = await h.Store.LoadAsync(EmulatorHarness.TokenKey);
        Assert.Multiple(() =>
        {
            Assert.That(profile.DisplayName, Is.EqualTo(h.Emulator.DisplayName));
            Assert.That(h.Emulator.DiAuth.Refreshes, Is.EqualTo(1));
            Assert.That(h.Emulator.Requests.Where(r => r.Path == Profile).Select(r => r.StatusCode), Is.EqualTo(new HttpStatusCode?[] { HttpStatusCode.Unauthorized, HttpStatusCode.OK }));
            Assert.That(h.Emulator.Requests.Last(r => r.Path == Profile).GetHeader("Authorization"), Is.EqualTo("Bearer " + stored!.AccessToken));
            Assert.That(h.Emulator.Requests.Last(r => r.Path == Profile).GetHeader("X-Garmin-Client-Platform"), Is.EqualTo("Android"), "the native headers");
        });
    }

    [Test]
    public async Task Failures_are_the_SDKs_typed_exceptions_not_Refits()
    {
        using var h = new EmulatorHarness(new GarminConnectEmulatorOptions { ActivityCount = 60, ManualShare = 0.2 });
        await h.SeedTokensAsync();
        await using var provider = BuildProvider(services => services.AddGarminConnectApi(o => Configure(o, h)));
        var api = provider.GetRequiredService<IGarminConnectApi>();
        var manual = h.Emulator.ListedActivities.First(a => a.IsManual);

        var missing = Assert.ThrowsAsync<ResourceNotFoundException>(() => api.GetActivityAsync(1));
        var noOriginal = Assert.ThrowsAsync<ResourceNotFoundException>(() => api.DownloadOriginalAsync(manual.Id, TimeSpan.FromMinutes(2)));

        Assert.That(missing!.Service, Is.EqualTo("garmin"));
        Assert.That(noOriginal!.RequestUri?.AbsolutePath, Is.EqualTo($"/download-service/files/activity/{manual.Id}"), "a method returning IApiResponse throws too");
    }

    [Test]
    public async Task A_download_is_streamed_with_its_status_and_the_TCX_500_of_a_GPX_upload_is_a_204_at_once()
    {
        using var h = new EmulatorHarness(new GarminConnectEmulatorOptions { ActivityCount = 60, GpxUploadShare = 0.2 });
        await h.SeedTokensAsync();
        await using var provider = BuildProvider(services => services.AddGarminConnectApi(o => Configure(o, h)));
        var api = provider.GetRequiredService<IGarminConnectApi>();
        var device = h.Emulator.ListedActivities.First(a => a.OriginalFormat == GarminOriginalFormat.Fit && a.HasGps && !a.IsMultisportParent);
        var gpxImport = h.Emulator.ListedActivities.First(a => a.OriginalFormat == GarminOriginalFormat.Gpx);

        string gpx;
        using (var response = await api.DownloadExportAsync("gpx", device.Id, TimeSpan.FromMinutes(2)))
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            gpx = await new StreamReader(response.Content!).ReadToEndAsync();
        }

        using var tcx = await api.DownloadExportAsync("tcx", gpxImport.Id, TimeSpan.FromMinutes(2));

        Assert.That(gpx, Does.Contain("<gpx"));
        Assert.That(tcx.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), "the Garmin export handler is in this pipeline too");
        Assert.That(h.Emulator.Requests.Count(HttpMethod.Get, $"/download-service/export/tcx/activity/{gpxImport.Id}"), Is.EqualTo(1), "not retried");
    }

    [Test]
    public async Task Facade_and_api_registered_together_spend_one_rate_budget()
    {
        using var h = new EmulatorHarness();
        await h.SeedTokensAsync();
        await using var provider = BuildProvider(services =>
        {
            services.AddGarminConnectClient(o => Configure(o, h, defaultRateLimit: true));
            services.AddGarminConnectApi(o => Configure(o, h, defaultRateLimit: true));
        });
        var api = provider.GetRequiredService<IGarminConnectApi>();
        var client = provider.GetRequiredService<GarminConnectClient>();

        var calls = Enumerable.Range(0, 4).Select(_ => api.GetActivityCountAsync())
            .Concat(Enumerable.Range(0, 3).Select(_ => client.Activities.CountAsync()))
            .ToList();
        await h.Clock.WaitForPendingTimersAsync();
        Assert.That(h.Emulator.Requests.Count, Is.EqualTo(5), "one bucket of five for both");

        await h.Clock.RunUntilCompletedAsync(Task.WhenAll(calls), maxAdvance: TimeSpan.FromSeconds(10));
        Assert.That(h.Emulator.Requests.Count, Is.EqualTo(7), "each call sent once: the pipeline is not doubled");
        Assert.That(h.Clock.GetUtcNow() - FakeTimeDefaults.Start, Is.EqualTo(TimeSpan.FromSeconds(2)));
    }

    [Test]
    public async Task The_attempt_timeout_of_a_transfer_travels_as_a_request_option()
    {
        using var h = new EmulatorHarness();
        await h.SeedTokensAsync();
        var seen = new List<(string Path, TimeSpan? Timeout)>();
        using var recorder = new RecordingHandler(h.Handler, request =>
            seen.Add((request.RequestUri!.AbsolutePath, request.Options.TryGetValue(FitnessRequestOptions.AttemptTimeout, out var t) ? t : null)));
        await using var provider = BuildProvider(services => services.AddGarminConnectApi(o =>
        {
            Configure(o, h);
            o.PrimaryHandler = recorder;
        }));
        var api = provider.GetRequiredService<IGarminConnectApi>();
        var id = h.Emulator.ListedActivities.First(a => a.HasGps && !a.IsMultisportParent).Id;

        using (await api.DownloadExportAsync("kml", id, TimeSpan.FromMinutes(9)))
        {
        }

        await api.GetActivityCountAsync();

        Assert.That(seen, Is.EqualTo(new (string, TimeSpan?)[]
        {
            ($"/download-service/export/kml/activity/{id}", TimeSpan.FromMinutes(9)),
            ("/activitylist-service/activities/count", null),
        }));
    }

    [Test]
    public async Task The_registered_api_without_a_token_store_fails_clearly()
    {
        var services = new ServiceCollection();
        services.AddGarminConnectApi();
        await using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<ArgumentException>(() => provider.GetRequiredService<IGarminConnectApi>());

        Assert.That(error!.Message, Does.Contain("TokenStore is required"));
    }

    private static ServiceProvider BuildProvider(Action<IServiceCollection> register)
    {
        var services = new ServiceCollection();
        register(services);
        return services.BuildServiceProvider();
    }

    private static void Configure(GarminConnectClientOptions options, EmulatorHarness h, bool defaultRateLimit = false)
    {
        options.TokenStore = h.Store;
        options.TokenKey = EmulatorHarness.TokenKey;
        options.TimeProvider = h.Clock;
        options.PrimaryHandler = h.Handler;
        options.RateLimitPolicy = defaultRateLimit ? null : new TokenBucketRateLimitPolicy(capacity: 100_000, tokensPerPeriod: 100_000, period: TimeSpan.FromSeconds(1), h.Clock);
    }

    /// <summary>Sees each request as the primary handler gets it, after the whole pipeline, then lets the emulator answer.</summary>
    private sealed class RecordingHandler(HttpMessageHandler emulator, Action<HttpRequestMessage> record) : DelegatingHandler(emulator)
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            record(request);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
