using System.Net;
using FitnessClients.Core;
using FitnessClients.Core.Tokens;
using FitnessClients.Strava.Auth;
using FitnessClients.Strava.Web;
using FitnessClients.Testing;

namespace FitnessClients.Strava.Tests.Auth;

/// <summary>The sign-in, refresh, deauthorization and website export against the Strava emulator end to end.</summary>
public class StravaAuthEmulatorTests
{
    private static readonly DateTimeOffset Now = new(2025, 11, 3, 10, 7, 0, TimeSpan.Zero);

    private static (StravaEmulator Emulator, FakeTimeProvider Clock, StravaClientOptions Options, HttpMessageHandler Handler) Setup(Action<StravaEmulatorOptions>? configure = null)
    {
        var clock = new FakeTimeProvider(Now);
        var emulatorOptions = new StravaEmulatorOptions { ActivityCount = 20 };
        configure?.Invoke(emulatorOptions);
        var emulator = new StravaEmulator(clock, emulatorOptions);
        var handler = emulator.CreateHandler();
        var options = new StravaClientOptions
        {
            ClientId = emulator.RegisteredClientId,
            ClientSecret = emulator.RegisteredClientSecret,
            TokenStore = new InMemoryTokenStore(),
            TokenKey = "strava-demo",
            TimeProvider = clock,
            PrimaryHandler = handler,
        };
        return (emulator, clock, options, handler);
    }

    // Plays the browser: follows Strava's authorize page to the redirect, which a headless user would copy.
    private static async Task<string> BrowserRedirectAsync(HttpMessageHandler handler, Uri authorizeUrl)
    {
        using var browser = new HttpClient(handler, disposeHandler: false);
        using var response = await browser.GetAsync(authorizeUrl);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Found).Or.EqualTo(HttpStatusCode.Redirect));
        return response.Headers.Location!.AbsoluteUri;
    }

    [Test]
    public async Task Headless_sign_in_then_refresh_with_rotation_then_deauthorize()
    {
        var (emulator, clock, options, handler) = Setup();
        using var auth = new StravaAuthenticator(options);
        var shown = auth.CreateHeadlessAuthorizationUrl(StravaScopes.Backup);

        var token = await auth.LoginWithPastedUrlAsync(shown, await BrowserRedirectAsync(handler, shown));

        Assert.That(token.Scopes, Is.EquivalentTo(StravaScopes.Backup));
        Assert.That(token.Extras[StravaTokenExtras.AthleteId], Is.EqualTo(emulator.AthleteId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        StravaScopeCheck.Require(token, StravaScopes.ActivityReadAll);

        clock.Advance(TimeSpan.FromHours(5.99));
        var refreshed = await auth.CreateTokenManager().GetTokenAsync();
        Assert.That(refreshed.AccessToken, Is.Not.EqualTo(token.AccessToken));
        Assert.That(refreshed.RefreshToken, Is.Not.EqualTo(token.RefreshToken), "the emulator rotates");
        Assert.That(refreshed.Scopes, Is.EquivalentTo(StravaScopes.Backup));
        Assert.That(await options.TokenStore!.LoadAsync(options.TokenKey), Is.EqualTo(refreshed));

        Assert.That(await auth.DeauthorizeAsync(), Is.True);
        Assert.That(emulator.Deauthorizations, Is.EqualTo(1));
        Assert.That(await options.TokenStore.LoadAsync(options.TokenKey), Is.Null);

        // The grant is gone at Strava too: the last refresh token no longer works.
        await options.TokenStore.SaveAsync(options.TokenKey, refreshed with { ExpiresAt = clock.GetUtcNow().AddMinutes(-1) });
        Assert.ThrowsAsync<AuthenticationRequiredException>(async () => await auth.CreateTokenManager().GetTokenAsync());
    }

    [Test]
    public async Task Unticked_scopes_are_what_the_token_records_and_the_scope_check_catches_them()
    {
        var (_, _, options, handler) = Setup(o => o.GrantedScopes = ["read", "activity:read"]);
        using var auth = new StravaAuthenticator(options);
        var shown = auth.CreateHeadlessAuthorizationUrl([StravaScopes.Read, StravaScopes.ActivityReadAll]);

        var token = await auth.LoginWithPastedUrlAsync(shown, await BrowserRedirectAsync(handler, shown));

        Assert.That(token.Scopes, Is.EqualTo(new[] { "read" }));
        var ex = Assert.Throws<AuthenticationRequiredException>(() => StravaScopeCheck.Require(token, StravaScopes.ActivityReadAll));
        Assert.That(ex!.Message, Does.Contain("--scope activity:read_all"));
    }

    [Test]
    public async Task The_website_exporter_downloads_originals_with_an_emulated_session_until_it_expires()
    {
        var (emulator, clock, options, _) = Setup();
        var cookie = emulator.IssueWebSessionCookie();
        using var web = new StravaWebExporter(cookie, options);
        var activity = emulator.Activities.First(a => !a.IsManual);
        var manual = emulator.Activities.FirstOrDefault(a => a.IsManual);

        await using (var content = await web.OpenOriginalAsync(activity.Id))
        {
            Assert.That(content.IsAvailable, Is.True);
            Assert.That("." + content.FileExtension, Is.EqualTo(StravaOriginalFilesExtension(activity.OriginalFormat)));
            using var copy = new MemoryStream();
            await content.Stream!.CopyToAsync(copy);
            Assert.That(copy.Length, Is.GreaterThan(0));
        }

        await using (var gpx = await web.OpenAsync(activity.Id, StravaWebExportFormat.Gpx))
        {
            Assert.That(gpx.FileExtension, Is.EqualTo("gpx"));
        }

        if (manual is not null)
        {
            await using var none = await web.OpenOriginalAsync(manual.Id);
            Assert.That(none.IsAvailable, Is.False);
        }

        Assert.That(web.ExpiresAt, Is.EqualTo(DateTimeOffset.FromUnixTimeSeconds((Now + TimeSpan.FromDays(30)).ToUnixTimeSeconds())));
        clock.Advance(TimeSpan.FromDays(31));
        var ex = Assert.ThrowsAsync<AuthenticationRequiredException>(() => web.OpenOriginalAsync(activity.Id));
        Assert.That(ex!.Message, Does.Contain("expired").And.Not.Contain(cookie));

        using var wrong = new StravaWebExporter(new StravaEmulator(clock).IssueWebSessionCookie(), options);
        var signedOut = Assert.ThrowsAsync<AuthenticationRequiredException>(() => wrong.OpenOriginalAsync(activity.Id));
        Assert.That(signedOut!.Message, Does.Contain("sign-in page"));
    }

    private static string StravaOriginalFilesExtension(StravaOriginalFormat format) => format switch
    {
        StravaOriginalFormat.Fit => ".fit",
        StravaOriginalFormat.FitGz => ".fit.gz",
        StravaOriginalFormat.Tcx => ".tcx",
        StravaOriginalFormat.Gpx => ".gpx",
        _ => ".dat",
    };
}
