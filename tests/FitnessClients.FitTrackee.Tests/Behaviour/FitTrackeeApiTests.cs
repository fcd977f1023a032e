using FitnessClients.Core;
using FitnessClients.FitTrackee.Api;
using FitnessClients.FitTrackee.Models;
using Microsoft.Extensions.DependencyInjection;

namespace FitnessClients.FitTrackee.Tests.Behaviour;

/// <summary>The typed Refit interface registered by <c>AddFitTrackeeApi</c>, over the whole pipeline against the emulator.</summary>
public class FitTrackeeApiTests
{
    private static ServiceProvider Provider(EmulatorHarness h, Action<IServiceCollection>? more = null)
    {
        var services = new ServiceCollection();
        var template = h.Options();
        services.AddFitTrackeeApi(o =>
        {
            o.BaseAddress = template.BaseAddress;
            o.ClientId = template.ClientId;
            o.ClientSecret = template.ClientSecret;
            o.TokenStore = template.TokenStore;
            o.TokenKey = template.TokenKey;
            o.PrimaryHandler = template.PrimaryHandler;
            o.TimeProvider = h.Clock;
            o.Resilience.Enabled = false;
        });
        more?.Invoke(services);
        return services.BuildServiceProvider();
    }

    [Test]
    public async Task The_api_lists_pages_reads_a_workout_and_downloads_its_gpx_with_the_stored_token()
    {
        using var h = new EmulatorHarness(workoutCount: 7);
        await h.SignInAsync();
        await using var provider = Provider(h);
        var api = provider.GetRequiredService<IFitTrackeeApi>();

        var page = await api.ListWorkoutsAsync(new FitTrackeeWorkoutQuery { PerPage = 5 }.ToQueryParameters(page: 2));
        var workouts = page.Data!.ToWorkouts();
        var withFile = h.Emulator.Workouts.First(w => w.WithFile);
        var single = await api.GetWorkoutAsync(withFile.Id);
        using var gpx = await api.DownloadGpxAsync(withFile.Id);
        using var reader = new StreamReader(gpx.Content!);

        Assert.That(page.Pagination!.Page, Is.EqualTo(2));
        Assert.That(page.Pagination.Total, Is.EqualTo(7));
        Assert.That(workouts, Has.Count.EqualTo(2));
        Assert.That(workouts.All(w => w.Raw is not null), Is.True, "each workout keeps the JSON it came in");
        Assert.That(single.Data!.ToWorkouts().Single().Id, Is.EqualTo(withFile.Id));
        Assert.That(gpx.ContentHeaders!.ContentDisposition!.FileName, Does.EndWith(".gpx\"").Or.EndWith(".gpx"));
        Assert.That(await reader.ReadToEndAsync(), Does.Contain("<gpx"));
    }

    [Test]
    public async Task A_revoked_access_token_is_refreshed_once_and_the_call_sent_again()
    {
        using var h = new EmulatorHarness(workoutCount: 3);
        var signedIn = await h.SignInAsync();
        await using var provider = Provider(h);
        var api = provider.GetRequiredService<IFitTrackeeApi>();
        h.Emulator.OAuth.Revoke(signedIn.AccessToken);

        var sports = await api.GetSportsAsync();

        Assert.That(sports.Data!.Sports, Is.Not.Empty);
        Assert.That(h.Emulator.OAuth.Refreshes, Is.EqualTo(1), "the 401 led to one refresh, then the request was sent again");
        var stored = await h.Options().TokenStore!.LoadAsync("fittrackee");
        Assert.That(stored!.AccessToken, Is.Not.EqualTo(signedIn.AccessToken), "the rotated token was saved");
    }

    [Test]
    public async Task A_missing_workout_is_the_sdks_not_found_exception_not_a_refit_one()
    {
        using var h = new EmulatorHarness(workoutCount: 1);
        await h.SignInAsync();
        await using var provider = Provider(h);
        var api = provider.GetRequiredService<IFitTrackeeApi>();
        var gone = h.Emulator.Workouts.Single().Id;
        await api.DeleteWorkoutAsync(gone);

        var ex = Assert.ThrowsAsync<ResourceNotFoundException>(() => api.GetWorkoutAsync(gone));
        Assert.That(ex!.Service, Is.EqualTo("fittrackee"));
        Assert.ThrowsAsync<ResourceNotFoundException>(() => api.DeleteWorkoutAsync(gone));
        Assert.That(h.Emulator.Workouts, Is.Empty);
    }

    [Test]
    public async Task Registering_the_api_and_the_facade_shares_one_token_manager()
    {
        using var h = new EmulatorHarness(workoutCount: 2);
        var signedIn = await h.SignInAsync();
        await using var provider = Provider(h, services => services.AddFitTrackeeClient());
        var api = provider.GetRequiredService<IFitTrackeeApi>();
        var client = provider.GetRequiredService<FitTrackeeClient>();
        h.Emulator.OAuth.Revoke(signedIn.AccessToken);

        await api.GetProfileAsync();
        await client.Profile.GetAsync();

        Assert.That(h.Emulator.OAuth.Refreshes, Is.EqualTo(1), "the facade used the token the api's refresh had saved");
        Assert.That(h.Emulator.OAuth.RejectedRequests, Is.Zero);
    }
}
