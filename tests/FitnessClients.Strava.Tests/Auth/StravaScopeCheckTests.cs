using FitnessClients.Core;
using FitnessClients.Core.Tokens;
using FitnessClients.Strava.Auth;

namespace FitnessClients.Strava.Tests.Auth;

public class StravaScopeCheckTests
{
    private static OAuthToken Token(params string[] scopes) => new() { AccessToken = "secret-access-token-42", Scopes = [.. scopes] };

    [Test]
    public void A_missing_scope_names_it_and_the_command_to_sign_in_again()
    {
        var ex = Assert.Throws<AuthenticationRequiredException>(() => StravaScopeCheck.Require(Token("read", "activity:read"), StravaScopes.ActivityReadAll));

        Assert.That(ex!.Message, Does.Contain("activity:read_all"));
        Assert.That(ex.Message, Does.Contain("fitness strava login --scope activity:read_all"));
        Assert.That(ex.Message, Does.Contain("granted: read,activity:read"));
        Assert.That(ex.Message, Does.Not.Contain("secret-access-token-42"));
    }

    [Test]
    public void Several_missing_scopes_are_all_named()
    {
        var ex = Assert.Throws<AuthenticationRequiredException>(() => StravaScopeCheck.Require(Token(), StravaScopes.ActivityReadAll, StravaScopes.ProfileReadAll));
        Assert.That(ex!.Message, Does.Contain("--scope activity:read_all --scope profile:read_all"));
        Assert.That(ex.Message, Does.Contain("none recorded"));
    }

    [Test]
    public void Granted_scopes_pass_and_read_all_covers_read()
    {
        Assert.DoesNotThrow(() => StravaScopeCheck.Require(Token("read", "activity:read_all"), StravaScopes.ActivityRead, StravaScopes.ActivityReadAll, StravaScopes.Read));
        Assert.That(StravaScopeCheck.Missing(Token("read_all"), [StravaScopes.Read, StravaScopes.ActivityRead]), Is.EqualTo(new[] { "activity:read" }));
        Assert.That(StravaScopeCheck.Missing(Token("activity:read"), [StravaScopes.ActivityReadAll]), Is.EqualTo(new[] { "activity:read_all" }));
    }
}
