using FitnessClients.Core;

namespace FitnessClients.FitTrackee.Tests.Behaviour;

public class FitTrackeeEmulatorAuthTests
{
    [Test]
    public async Task The_sign_in_follows_the_authorize_page_to_the_first_registered_uri_and_stores_the_granted_scopes()
    {
        using var h = new EmulatorHarness();

        var token = await h.SignInAsync();

        Assert.That(h.Emulator.Authorizations, Is.EqualTo(1));
        Assert.That(h.Emulator.OAuth.CodeExchanges, Is.EqualTo(1));
        Assert.That(token.Scopes, Is.EquivalentTo(FitTrackeeScopes.Default));
        Assert.That(token.ExpiresAt, Is.EqualTo(EmulatorHarness.Now.AddDays(10)));
        using var client = h.CreateClient();
        Assert.That((await client.Profile.GetAsync()).Username, Is.EqualTo("sam"));
    }

    [Test]
    public async Task Two_clients_sharing_a_token_folder_refresh_once_per_rotation_and_keep_working()
    {
        using var h = new EmulatorHarness();
        var first = await h.SignInAsync();
        using var a = h.CreateClient();
        using var b = h.CreateClient();   // its own FileTokenStore on the same folder, as another process would have

        h.Clock.Advance(TimeSpan.FromDays(10) - TimeSpan.FromMinutes(1));
        await a.Sports.ListAsync(refresh: true);
        await b.Sports.ListAsync(refresh: true);
        var second = await h.Options().TokenStore!.LoadAsync("fittrackee");

        Assert.That(h.Emulator.OAuth.Refreshes, Is.EqualTo(1), "b found a's rotated token in the folder instead of spending the dead one");
        Assert.That(second!.RefreshToken, Is.Not.EqualTo(first.RefreshToken));

        h.Clock.Advance(TimeSpan.FromDays(10));
        await Task.WhenAll(a.Sports.ListAsync(refresh: true), b.Sports.ListAsync(refresh: true), a.Profile.GetAsync(), b.Profile.GetAsync());
        var third = await h.Options().TokenStore!.LoadAsync("fittrackee");

        Assert.That(h.Emulator.OAuth.Refreshes, Is.EqualTo(2));
        Assert.That(third!.RefreshToken, Is.Not.EqualTo(second.RefreshToken));
        Assert.That(h.Emulator.OAuth.RejectedRequests, Is.Zero, "no client ever sent a refresh token that rotation had killed");
    }

    [Test]
    public async Task After_20_idle_days_the_client_asks_for_a_new_sign_in_and_says_why()
    {
        using var h = new EmulatorHarness();
        await h.SignInAsync();
        using var client = h.CreateClient();

        h.Clock.Advance(TimeSpan.FromDays(21));
        var ex = Assert.ThrowsAsync<AuthenticationRequiredException>(() => client.Sports.ListAsync());

        Assert.That(ex!.Message, Does.Contain("20 days").And.Contain("21 days ago").And.Contain("fitness fittrackee login"));
        Assert.That(ex.Service, Is.EqualTo("fittrackee"));
    }

    [Test]
    public async Task Regular_use_keeps_the_sign_in_alive_beyond_20_days()
    {
        using var h = new EmulatorHarness();
        await h.SignInAsync();
        using var client = h.CreateClient();

        for (var week = 0; week < 8; week++)
        {
            h.Clock.Advance(TimeSpan.FromDays(7));
            Assert.That(await client.Sports.ListAsync(refresh: true), Is.Not.Empty);
        }

        // Weekly use of a 10-day token: refreshed in weeks 2, 4, 6 and 8, each time within the 20-day life of the last one.
        Assert.That(h.Emulator.OAuth.Refreshes, Is.EqualTo(4));
    }

    [Test]
    public async Task Revoking_ends_the_sign_in_at_the_instance_and_locally()
    {
        using var h = new EmulatorHarness();
        var token = await h.SignInAsync();
        using (var auth = new FitTrackee.Auth.FitTrackeeAuthenticator(h.Options()))
        {
            Assert.That(await auth.RevokeAsync(), Is.True);
        }

        Assert.That(h.Emulator.OAuth.IsValidAccessToken(token.AccessToken), Is.False);
        using var client = h.CreateClient();
        Assert.ThrowsAsync<AuthenticationRequiredException>(() => client.Sports.ListAsync());
    }
}
