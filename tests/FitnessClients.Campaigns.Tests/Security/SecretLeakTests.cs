using FitnessClients.Backup;
using FitnessClients.Campaigns.Tests.Support;
using FitnessClients.Core.Activities;
using FitnessClients.Core.RateLimiting;
using FitnessClients.Core.Tokens;
using FitnessClients.GarminConnect;
using FitnessClients.GarminConnect.Auth;
using FitnessClients.Strava;
using FitnessClients.Strava.Auth;
using FitnessClients.Testing;
using Microsoft.Extensions.Logging;

namespace FitnessClients.Campaigns.Tests.Security;

/// <summary>
/// Whole sign-in and backup runs logged at Trace, with failed sign-ins, refreshes and a revoked grant on the way: no
/// secret the emulators saw on the wire (tokens, refresh tokens, tickets, password, MFA code, client secret, cookies,
/// authorization codes) appears in any log line or exception text.
/// </summary>
[Category("Campaign")]
public class SecretLeakTests
{
    private readonly List<Exception> _exceptions = [];

    [Test]
    public async Task Garmin_sign_in_with_mfa_backup_refresh_and_revocation_leak_no_secret()
    {
        using var temp = new TempFolder();
        using var logs = new CapturingLoggerProvider();
        using var factory = logs.CreateFactory();
        var secrets = new SecretHarvest();
        var clock = new TimerTrackingTimeProvider(new DateTimeOffset(2026, 7, 1, 8, 0, 0, TimeSpan.Zero));
        var emulator = new GarminConnectEmulator(clock, new GarminConnectEmulatorOptions { ActivityCount = 8, MfaEnabled = true, Password = "hunter2-very-secret-password" });
        using var handler = emulator.CreateHandler();
        var store = new InMemoryTokenStore();
        var options = new GarminConnectClientOptions
        {
            TokenStore = store,
            TokenKey = "garmin",
            TimeProvider = clock,
            PrimaryHandler = handler,
            LoggerFactory = factory,
            RateLimitPolicy = new TokenBucketRateLimitPolicy(100_000, 100_000, TimeSpan.FromSeconds(1), clock),
        };
        secrets.Add(emulator.Sso.Password);

        using (var auth = new GarminAuthenticator(options))
        {
            await ExpectFailureAsync(() => auth.StartLoginAsync(emulator.Sso.Email, "wrong-password-also-secret"));
            secrets.Add("wrong-password-also-secret");
            using var challenge = (await auth.StartLoginAsync(emulator.Sso.Email, emulator.Sso.Password)).MfaChallenge!;
            var code = emulator.Sso.LastMfaCode!;
            var wrong = code == "987654" ? "123456" : "987654";
            await ExpectFailureAsync(() => auth.CompleteMfaAsync(challenge, wrong));
            secrets.Add(wrong);
            secrets.Add(code);
            secrets.Add(await auth.CompleteMfaAsync(challenge, code));
        }

        using (var client = GarminConnectClient.Create(options))
        {
            var engine = new BackupEngine(new GarminActivitySource(client), clock, factory.CreateLogger<BackupEngine>());
            var first = await engine.RunAsync(new BackupOptions { BackupDirectory = temp.Sub("backup"), Formats = [ActivityFormat.Original, ActivityFormat.Gpx, ActivityFormat.SummaryJson] });
            _exceptions.AddRange(first.Errors.Select(e => new InvalidOperationException(e.Message)));

            clock.Advance(TimeSpan.FromHours(25)); // the access token expired: the next call refreshes (and rotates) it
            emulator.AddActivity(clock.GetUtcNow().AddHours(-1), "running", "After the refresh");
            await engine.RunAsync(new BackupOptions { BackupDirectory = temp.Sub("backup"), Formats = [ActivityFormat.Original] });
            secrets.Add(await store.LoadAsync("garmin"));

            // A refresh token Garmin no longer honours: a typed error that must not quote it.
            var current = (await store.LoadAsync("garmin"))!;
            await store.SaveAsync("garmin", current with { ExpiresAt = clock.GetUtcNow().AddMinutes(-1), RefreshToken = "revoked-refresh-token-0123456789" });
            secrets.Add("revoked-refresh-token-0123456789");
            await ExpectFailureAsync(() => client.Profile.GetSocialProfileAsync());
        }

        secrets.AddFrom(emulator.Requests);
        AssertNoSecretIn(logs, secrets, "garmin");
    }

    [Test]
    public async Task Strava_sign_in_backup_refresh_and_revocation_leak_no_secret()
    {
        using var temp = new TempFolder();
        using var logs = new CapturingLoggerProvider();
        using var factory = logs.CreateFactory();
        var secrets = new SecretHarvest();
        var clock = new TimerTrackingTimeProvider(new DateTimeOffset(2025, 11, 3, 10, 7, 0, TimeSpan.Zero));
        var emulator = new StravaEmulator(clock, new StravaEmulatorOptions { ActivityCount = 8 });
        using var handler = emulator.CreateHandler();
        var store = new InMemoryTokenStore();
        var options = new StravaClientOptions
        {
            ClientId = emulator.RegisteredClientId,
            ClientSecret = emulator.RegisteredClientSecret,
            TokenStore = store,
            TokenKey = "strava",
            TimeProvider = clock,
            PrimaryHandler = handler,
            LoggerFactory = factory,
        };
        secrets.Add(emulator.RegisteredClientSecret);

        using (var auth = new StravaAuthenticator(options))
        {
            var shown = auth.CreateHeadlessAuthorizationUrl(StravaScopes.Backup);
            using var browser = new HttpClient(handler, disposeHandler: false);
            using var redirect = await browser.GetAsync(shown);
            var pasted = redirect.Headers.Location!.AbsoluteUri;
            secrets.Add(System.Web.HttpUtility.ParseQueryString(redirect.Headers.Location.Query)["code"]);
            await ExpectFailureAsync(() => auth.LoginWithPastedUrlAsync(shown, pasted.Replace("code=", "code=x", StringComparison.Ordinal)));
            secrets.Add(await auth.LoginWithPastedUrlAsync(shown, pasted));
        }

        using (var client = StravaClient.Create(options))
        {
            var engine = new BackupEngine(new StravaActivitySource(client), clock, factory.CreateLogger<BackupEngine>());
            await clock.RunUntilCompletedAsync(engine.RunAsync(new BackupOptions { BackupDirectory = temp.Sub("backup"), Formats = [StravaActivityFormats.Gpx, StravaActivityFormats.SummaryJson] }), maxAdvance: TimeSpan.FromSeconds(20));
            clock.Advance(TimeSpan.FromHours(7));
            await clock.RunUntilCompletedAsync(engine.RunAsync(new BackupOptions { BackupDirectory = temp.Sub("backup"), Formats = [StravaActivityFormats.Gpx] }), maxAdvance: TimeSpan.FromSeconds(20));
            secrets.Add(await store.LoadAsync("strava"));

            var current = (await store.LoadAsync("strava"))!;
            await store.SaveAsync("strava", current with { ExpiresAt = clock.GetUtcNow().AddMinutes(-1), RefreshToken = "revoked-strava-refresh-0123456789" });
            secrets.Add("revoked-strava-refresh-0123456789");
            await ExpectFailureAsync(() => client.Athlete.GetAsync());
        }

        secrets.AddFrom(emulator.Requests);
        AssertNoSecretIn(logs, secrets, "strava");
    }

    private async Task ExpectFailureAsync(Func<Task> action)
    {
        try
        {
            await action();
        }
        catch (Exception exception)
        {
            _exceptions.Add(exception);
            return;
        }

        Assert.Fail("expected the call to fail");
    }

    private void AssertNoSecretIn(CapturingLoggerProvider logs, SecretHarvest secrets, string service)
    {
        var lines = logs.Lines;
        TestContext.Out.WriteLine($"{service}: {lines.Count} log lines at Trace, {_exceptions.Count} exceptions, {secrets.Values.Count} distinct secrets scanned for");
        Assert.Multiple(() =>
        {
            Assert.That(lines, Has.Count.GreaterThan(50), "the run was logged in detail");
            Assert.That(secrets.Values, Has.Count.GreaterThan(6), "the secrets that crossed the wire were collected");
            foreach (var line in lines)
            {
                Assert.That(secrets.FoundIn(line), Is.Empty, $"log line: {line}");
            }

            foreach (var exception in _exceptions)
            {
                Assert.That(secrets.FoundIn(exception.ToString()), Is.Empty, $"exception: {exception.GetType().Name}: {exception.Message}");
            }
        });
    }
}
