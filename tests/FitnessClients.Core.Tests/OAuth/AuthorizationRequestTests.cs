using System.Web;
using FitnessClients.Core.OAuth;

namespace FitnessClients.Core.Tests.OAuth;

public class AuthorizationRequestTests
{
    [Test]
    public void Builds_stravas_documented_url_with_comma_separated_scopes()
    {
        var request = new AuthorizationRequest
        {
            AuthorizationEndpoint = new Uri("https://www.strava.com/oauth/authorize"),
            ClientId = "12345",
            RedirectUri = new Uri("http://127.0.0.1:5000/authorization"),
            Scopes = ["read", "activity:read"],
            ScopeSeparator = ",",
            State = "xyz",
            ExtraParameters = new Dictionary<string, string> { ["approval_prompt"] = "auto" },
        };

        var url = request.BuildUri().AbsoluteUri;

        Assert.That(url, Is.EqualTo(
            "https://www.strava.com/oauth/authorize?response_type=code&client_id=12345" +
            "&redirect_uri=http%3A%2F%2F127.0.0.1%3A5000%2Fauthorization&scope=read%2Cactivity%3Aread&state=xyz&approval_prompt=auto"));
    }

    [Test]
    public void Builds_a_fittrackee_url_with_space_separated_scopes_and_pkce()
    {
        var pkce = PkceCodes.Create();
        var request = new AuthorizationRequest
        {
            AuthorizationEndpoint = new Uri("https://fittrackee.example/profile/apps/authorize"),
            ClientId = "abcdefghijklmnopqrstuvwx",
            RedirectUri = new Uri("http://127.0.0.1:8123/callback"),
            Scopes = ["profile:read", "workouts:read", "workouts:write"],
            Pkce = pkce,
        };

        var uri = request.BuildUri();
        var query = HttpUtility.ParseQueryString(uri.Query);

        Assert.That(uri.AbsoluteUri, Does.Contain("scope=profile%3Aread%20workouts%3Aread%20workouts%3Awrite"));
        Assert.That(uri.GetLeftPart(UriPartial.Path), Is.EqualTo("https://fittrackee.example/profile/apps/authorize"));
        Assert.That(query["response_type"], Is.EqualTo("code"));
        Assert.That(query["client_id"], Is.EqualTo("abcdefghijklmnopqrstuvwx"));
        Assert.That(query["redirect_uri"], Is.EqualTo("http://127.0.0.1:8123/callback"));
        Assert.That(query["scope"], Is.EqualTo("profile:read workouts:read workouts:write"));
        Assert.That(query["code_challenge"], Is.EqualTo(pkce.Challenge));
        Assert.That(query["code_challenge_method"], Is.EqualTo("S256"));
        Assert.That(query["state"], Is.EqualTo(request.State));
        Assert.That(uri.AbsoluteUri, Does.Not.Contain(pkce.Verifier));
    }

    [Test]
    public void Generates_an_unguessable_state_when_none_is_given()
    {
        var first = new AuthorizationRequest { AuthorizationEndpoint = new Uri("https://a.example/auth"), ClientId = "1" };
        var second = new AuthorizationRequest { AuthorizationEndpoint = new Uri("https://a.example/auth"), ClientId = "1" };

        Assert.That(first.State, Has.Length.EqualTo(43).And.Match("^[A-Za-z0-9_-]+$"));
        Assert.That(first.State, Is.Not.EqualTo(second.State));
        Assert.That(HttpUtility.ParseQueryString(first.BuildUri().Query)["state"], Is.EqualTo(first.State));
    }

    [Test]
    public void Encodes_reserved_and_non_ascii_characters_so_they_round_trip()
    {
        const string awkward = "a b&c=d+e/f?g#h%i é 🏃";
        var request = new AuthorizationRequest
        {
            AuthorizationEndpoint = new Uri("https://a.example/auth"),
            ClientId = "client id+1",
            State = awkward,
            ExtraParameters = new Dictionary<string, string> { ["note"] = awkward },
        };

        var uri = request.BuildUri();
        var query = HttpUtility.ParseQueryString(uri.Query);

        Assert.That(query["client_id"], Is.EqualTo("client id+1"));
        Assert.That(query["state"], Is.EqualTo(awkward));
        Assert.That(query["note"], Is.EqualTo(awkward));
        Assert.That(uri.AbsoluteUri, Does.Not.Contain(" ").And.Not.Contain("#"));
    }

    [Test]
    public void Leaves_out_scope_redirect_and_pkce_when_not_given()
    {
        var request = new AuthorizationRequest { AuthorizationEndpoint = new Uri("https://a.example/auth"), ClientId = "1", State = "s" };

        Assert.That(request.BuildUri().AbsoluteUri, Is.EqualTo("https://a.example/auth?response_type=code&client_id=1&state=s"));
    }

    [Test]
    public void Keeps_a_query_already_on_the_endpoint()
    {
        var request = new AuthorizationRequest { AuthorizationEndpoint = new Uri("https://a.example/auth?tenant=x"), ClientId = "1", State = "s" };

        Assert.That(request.BuildUri().AbsoluteUri, Is.EqualTo("https://a.example/auth?tenant=x&response_type=code&client_id=1&state=s"));
    }

    [TestCase("state")]
    [TestCase("client_id")]
    [TestCase("code_challenge")]
    public void Refuses_extra_parameters_that_repeat_a_standard_one(string name)
    {
        var request = new AuthorizationRequest
        {
            AuthorizationEndpoint = new Uri("https://a.example/auth"),
            ClientId = "1",
            ExtraParameters = new Dictionary<string, string> { [name] = "x" },
        };

        var ex = Assert.Throws<InvalidOperationException>(() => request.BuildUri());
        Assert.That(ex!.Message, Does.Contain(name));
    }

    [Test]
    public void Refuses_an_empty_client_id_or_state()
    {
        Assert.Throws<InvalidOperationException>(() => new AuthorizationRequest { AuthorizationEndpoint = new Uri("https://a.example/auth"), ClientId = " " }.BuildUri());
        Assert.Throws<InvalidOperationException>(() => new AuthorizationRequest { AuthorizationEndpoint = new Uri("https://a.example/auth"), ClientId = "1", State = "" }.BuildUri());
    }
}
