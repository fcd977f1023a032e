using FitnessClients.Core;
using FitnessClients.Core.Tokens;
using FitnessClients.Strava.Auth;
using FitnessClients.Testing;

namespace FitnessClients.Strava.Tests.Auth;

public class SecretsTests
{
    [Test]
    public async Task Refreshing_and_failing_to_refresh_log_no_token_or_client_secret()
    {
        var clock = new FakeTimeProvider(AuthTestSupport.Start);
        var strava = new StravaTokenEndpointFake(clock) { AccessExpiresAt = AuthTestSupport.Start.AddMinutes(1) };
        using var _ = strava.Handler;
        var logs = new CapturingLoggerFactory();
        var options = AuthTestSupport.Options(strava.Handler, clock);
        options.LoggerFactory = logs;
        await options.TokenStore!.SaveAsync(options.TokenKey, new OAuthToken { AccessToken = "access-0", RefreshToken = "refresh-0", ExpiresAt = AuthTestSupport.Start.AddMinutes(1) });
        using var auth = new StravaAuthenticator(options);

        var fresh = await auth.CreateTokenManager().GetTokenAsync();
        clock.Advance(TimeSpan.FromHours(6));
        strava.RefreshToken = "someone-else-rotated-it";
        var ex = Assert.ThrowsAsync<AuthenticationRequiredException>(async () => await auth.CreateTokenManager().GetTokenAsync());

        Assert.That(logs.Lines, Is.Not.Empty, "the token manager logs its refreshes");
        var everything = string.Join("\n", logs.Lines) + "\n" + ex;
        foreach (var secret in new[] { "access-0", "refresh-0", fresh.AccessToken, fresh.RefreshToken!, StravaTokenEndpointFake.ClientSecret, "someone-else-rotated-it" })
        {
            Assert.That(everything, Does.Not.Contain(secret));
        }
    }
}
