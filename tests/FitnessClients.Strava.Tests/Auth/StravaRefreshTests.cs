using System.Collections.Immutable;
using FitnessClients.Core;
using FitnessClients.Core.Tokens;
using FitnessClients.Strava.Auth;
using FitnessClients.Testing;

namespace FitnessClients.Strava.Tests.Auth;

public class StravaRefreshTests
{
    private FakeTimeProvider _clock = null!;
    private StravaTokenEndpointFake _strava = null!;

    [SetUp]
    public void SetUp()
    {
        _clock = new FakeTimeProvider(AuthTestSupport.Start);
        _strava = new StravaTokenEndpointFake(_clock);
    }

    [TearDown]
    public void TearDown() => _strava.Handler.Dispose();

    private OAuthToken Stored(TimeSpan left) => new()
    {
        AccessToken = _strava.AccessToken,
        RefreshToken = _strava.RefreshToken,
        ExpiresAt = _clock.GetUtcNow() + left,
        Scopes = ["read", "activity:read_all"],
        Extras = ImmutableDictionary<string, string>.Empty.Add(StravaTokenExtras.AthleteId, "16181809"),
    };

    [Test]
    public async Task A_token_with_more_than_an_hour_left_comes_back_unchanged_with_its_refresh_token_scopes_and_extras()
    {
        _strava.AccessExpiresAt = _clock.GetUtcNow().AddHours(2);
        var current = Stored(TimeSpan.FromHours(2));
        using var auth = new StravaAuthenticator(AuthTestSupport.Options(_strava.Handler, _clock));

        var refreshed = await auth.CreateTokenRefresher().RefreshAsync(current);

        Assert.That(refreshed.AccessToken, Is.EqualTo(current.AccessToken));
        Assert.That(refreshed.RefreshToken, Is.EqualTo(current.RefreshToken));
        Assert.That(refreshed.ExpiresAt, Is.EqualTo(current.ExpiresAt));
        Assert.That(refreshed.Scopes, Is.EqualTo(current.Scopes));
        Assert.That(refreshed.Extras[StravaTokenExtras.AthleteId], Is.EqualTo("16181809"));
        var form = _strava.Forms.Single();
        Assert.That(form["grant_type"], Is.EqualTo("refresh_token"));
        Assert.That(form["client_secret"], Is.EqualTo(StravaTokenEndpointFake.ClientSecret), "Strava wants the secret in the form body");
    }

    [Test]
    public async Task A_rotated_refresh_token_is_saved_before_the_new_access_token_is_used_and_scopes_are_kept()
    {
        _strava.AccessExpiresAt = _clock.GetUtcNow().AddMinutes(2);
        var options = AuthTestSupport.Options(_strava.Handler, _clock);
        await options.TokenStore!.SaveAsync(options.TokenKey, Stored(TimeSpan.FromMinutes(2)));
        using var auth = new StravaAuthenticator(options);

        var token = await auth.CreateTokenManager().GetTokenAsync();

        Assert.That(token.AccessToken, Is.EqualTo("access-1"));
        Assert.That(token.RefreshToken, Is.EqualTo("refresh-1"));
        Assert.That(token.Scopes, Is.EqualTo(new[] { "read", "activity:read_all" }), "Strava's refresh response has no scope; the granted ones stay");
        Assert.That(token.Extras[StravaTokenExtras.AthleteId], Is.EqualTo("16181809"));
        var saved = await options.TokenStore.LoadAsync(options.TokenKey);
        Assert.That(saved, Is.EqualTo(token));

        // The old refresh token is dead at Strava; only the saved one works for the next refresh.
        _clock.Advance(TimeSpan.FromHours(5.99));
        var next = await auth.CreateTokenManager().GetTokenAsync();
        Assert.That(next.RefreshToken, Is.EqualTo("refresh-2"));
        Assert.That(_strava.Forms.Last()["refresh_token"], Is.EqualTo("refresh-1"));
    }

    [Test]
    public async Task Strava_s_invalid_refresh_token_is_authentication_required_without_the_token_in_the_message()
    {
        var options = AuthTestSupport.Options(_strava.Handler, _clock);
        var stale = Stored(TimeSpan.FromMinutes(-1)) with { RefreshToken = "stale-refresh-token-zz" };
        await options.TokenStore!.SaveAsync(options.TokenKey, stale);
        using var auth = new StravaAuthenticator(options);

        var ex = Assert.ThrowsAsync<AuthenticationRequiredException>(async () => await auth.CreateTokenManager().GetTokenAsync());

        Assert.That(ex!.ToString(), Does.Not.Contain("stale-refresh-token-zz").And.Not.Contain(StravaTokenEndpointFake.ClientSecret).And.Not.Contain(stale.AccessToken));
        Assert.That(ex.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task Two_clients_sharing_one_file_store_refresh_once_and_both_follow_the_rotation()
    {
        using var folder = new TempFolder();
        _strava.AccessExpiresAt = _clock.GetUtcNow().AddMinutes(1);
        var seed = new FileTokenStore(folder.Path);
        await seed.SaveAsync("strava-jane", Stored(TimeSpan.FromMinutes(1)));
        using var first = new StravaAuthenticator(AuthTestSupport.Options(_strava.Handler, _clock, new FileTokenStore(folder.Path)));
        using var second = new StravaAuthenticator(AuthTestSupport.Options(_strava.Handler, _clock, new FileTokenStore(folder.Path)));

        var tokens = await Task.WhenAll(
            Task.Run(async () => await first.CreateTokenManager().GetTokenAsync()),
            Task.Run(async () => await second.CreateTokenManager().GetTokenAsync()));

        Assert.That(_strava.RefreshCalls, Is.EqualTo(1));
        Assert.That(tokens.Select(t => t.RefreshToken), Is.All.EqualTo("refresh-1"));
        Assert.That(tokens.Select(t => t.AccessToken), Is.All.EqualTo("access-1"));
        Assert.That((await seed.LoadAsync("strava-jane"))!.RefreshToken, Is.EqualTo("refresh-1"));
    }
}
