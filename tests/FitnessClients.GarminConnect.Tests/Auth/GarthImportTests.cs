using System.Net;
using System.Text.Json.Nodes;
using FitnessClients.Core;
using FitnessClients.Core.Tokens;
using FitnessClients.GarminConnect.Auth;

namespace FitnessClients.GarminConnect.Tests.Auth;

/// <summary>Importing garth sessions: the folder with oauth1/oauth2 files and the GARTH_TOKEN value.</summary>
public class GarthImportTests
{
    [Test]
    public async Task A_session_folder_gives_the_oauth2_token_with_the_oauth1_credentials_in_the_extras()
    {
        using var h = new AuthHarness();
        using var folder = new TempFolder();
        var garth = new GarthFixtures(h.Clock.GetUtcNow());
        garth.WriteTo(folder);

        var token = await h.Authenticator().ImportGarthSessionAsync(folder.Path);

        Assert.That(token.AccessToken, Is.EqualTo(garth.AccessToken));
        Assert.That(token.RefreshToken, Is.EqualTo(garth.RefreshToken));
        Assert.That(token.ExpiresAt, Is.EqualTo(DateTimeOffset.FromUnixTimeSeconds(garth.ExpiresAt.ToUnixTimeSeconds())));
        Assert.That(token.Scopes, Is.EqualTo(new[] { "CONNECT_READ", "CONNECT_WRITE" }));
        Assert.That(token.Extras[GarminTokenExtras.GarthOAuth1Token], Is.EqualTo(garth.OAuth1Token));
        Assert.That(token.Extras[GarminTokenExtras.GarthOAuth1TokenSecret], Is.EqualTo(garth.OAuth1Secret));
        Assert.That(token.Extras[GarminTokenExtras.GarthMfaToken], Is.EqualTo(garth.MfaToken));
        Assert.That(token.Extras[GarminTokenExtras.GarthMfaExpiration], Is.EqualTo("2027-03-18T05:33:02"));
        Assert.That(token.Extras[GarminTokenExtras.Domain], Is.EqualTo("garmin.com"));
        Assert.That(token.Extras[GarminTokenExtras.Source], Is.EqualTo("garth_import"));
        Assert.That(token.Extras.ContainsKey(GarminTokenExtras.DiClientId), Is.False);
        Assert.That(await h.StoredTokenAsync(), Is.EqualTo(token));
        Assert.That(h.Requests, Is.Empty);
    }

    [TestCase(false, true)]
    [TestCase(true, true)]
    [TestCase(false, false)]
    [TestCase(true, false)]
    public async Task The_garth_token_value_is_imported_in_standard_or_url_safe_base64_with_or_without_padding(bool urlSafe, bool padding)
    {
        using var h = new AuthHarness();
        var garth = new GarthFixtures(h.Clock.GetUtcNow(), withMfa: false);

        var token = await h.Authenticator().ImportGarthSessionAsync(garth.GarthToken(urlSafe, padding));

        Assert.That(token.AccessToken, Is.EqualTo(garth.AccessToken));
        Assert.That(token.Extras[GarminTokenExtras.GarthOAuth1Token], Is.EqualTo(garth.OAuth1Token));
        Assert.That(token.Extras.ContainsKey(GarminTokenExtras.GarthMfaToken), Is.False);
    }

    [Test]
    public void An_expired_session_without_consumer_credentials_explains_the_options()
    {
        using var h = new AuthHarness();
        var garth = new GarthFixtures(h.Clock.GetUtcNow(), expired: true);

        var ex = Assert.ThrowsAsync<AuthenticationRequiredException>(() => h.Authenticator().ImportGarthSessionAsync(garth.GarthToken()));

        Assert.That(ex!.Message, Does.Contain("consumer key and secret").And.Contain("service ticket"));
        Assert.That(h.Requests, Is.Empty);
    }

    [Test]
    public async Task An_expired_session_is_re_exchanged_with_the_consumer_credentials_before_it_is_stored()
    {
        using var h = new AuthHarness();
        var garth = new GarthFixtures(h.Clock.GetUtcNow(), expired: true);
        var newAccess = TestSecrets.Opaque("fresh-access");
        h.On(HttpMethod.Post, AuthHarness.ExchangeUrl, _ => AuthHarness.Json(HttpStatusCode.OK, new JsonObject
        {
            ["scope"] = "CONNECT_READ",
            ["access_token"] = newAccess,
            ["token_type"] = "bearer",
            ["refresh_token"] = "r2",
            ["expires_in"] = 65481,
            ["refresh_token_expires_in"] = 2591999,
        }));

        var token = await h.Authenticator(o => o.OAuth1Consumer = new GarminOAuth1Consumer("consumer-key", "consumer-secret")).ImportGarthSessionAsync(garth.GarthToken());

        var request = h.Requests.Single();
        Assert.That(request.Form, Is.EquivalentTo(new Dictionary<string, string> { ["mfa_token"] = garth.MfaToken! }));
        Assert.That(request.Header("Authorization"), Does.StartWith("OAuth ").And.Contain($"oauth_token=\"{garth.OAuth1Token}\""));
        Assert.That(token.AccessToken, Is.EqualTo(newAccess));
        Assert.That(token.ExpiresAt, Is.EqualTo(h.Clock.GetUtcNow().AddSeconds(65481)));
        Assert.That(token.Extras[GarminTokenExtras.GarthOAuth1Token], Is.EqualTo(garth.OAuth1Token));
        Assert.That((await h.StoredTokenAsync())!.AccessToken, Is.EqualTo(newAccess));
    }

    [Test]
    public async Task A_folder_without_the_oauth2_file_is_exchanged_when_consumer_credentials_are_given()
    {
        using var h = new AuthHarness();
        using var folder = new TempFolder();
        var garth = new GarthFixtures(h.Clock.GetUtcNow());
        folder.Write("oauth1_token.json", garth.OAuth1.ToJsonString());
        h.On(HttpMethod.Post, AuthHarness.ExchangeUrl, _ => AuthHarness.Json(HttpStatusCode.OK, new JsonObject { ["access_token"] = "a", ["expires_in"] = 100 }));

        var token = await h.Authenticator(o => o.OAuth1Consumer = new GarminOAuth1Consumer("k", "s")).ImportGarthSessionAsync(folder.Path);

        Assert.That(token.AccessToken, Is.EqualTo("a"));
    }

    [Test]
    public void A_session_of_the_other_domain_is_refused()
    {
        using var h = new AuthHarness();
        var garth = new GarthFixtures(h.Clock.GetUtcNow(), domain: "garmin.cn");

        var ex = Assert.ThrowsAsync<ArgumentException>(() => h.Authenticator().ImportGarthSessionAsync(garth.GarthToken()));

        Assert.That(ex!.Message, Does.Contain("garmin.cn").And.Contain("Domain"));
    }

    [Test]
    public void Neither_a_folder_nor_a_garth_token_is_reported_without_repeating_the_value()
    {
        using var h = new AuthHarness();
        var value = "/no/such/garth/folder-" + Guid.NewGuid().ToString("N");

        var ex = Assert.ThrowsAsync<DirectoryNotFoundException>(() => h.Authenticator().ImportGarthSessionAsync(value));

        Assert.That(ex!.Message, Does.Contain("GARTH_TOKEN").And.Not.Contain(value));
    }

    [Test]
    public void A_folder_without_oauth1_token_json_is_not_a_session()
    {
        using var h = new AuthHarness();
        using var folder = new TempFolder();

        var ex = Assert.ThrowsAsync<FileNotFoundException>(() => h.Authenticator().ImportGarthSessionAsync(folder.Path));

        Assert.That(ex!.Message, Does.Contain("oauth1_token.json"));
    }

    [Test]
    public void Corrupt_session_files_are_reported_without_their_content()
    {
        using var h = new AuthHarness();
        using var folder = new TempFolder();
        var garth = new GarthFixtures(h.Clock.GetUtcNow());
        folder.Write("oauth1_token.json", garth.OAuth1.ToJsonString());
        var oauth2 = folder.Write("oauth2_token.json", garth.OAuth2.ToJsonString()[..40]);

        var ex = Assert.ThrowsAsync<TokenStoreException>(() => h.Authenticator().ImportGarthSessionAsync(folder.Path));

        Assert.That(ex!.Path, Is.EqualTo(oauth2));
        Assert.That(ex.Message, Does.Contain("not valid JSON"));
        foreach (var secret in garth.Secrets)
        {
            Assert.That(ex.ToString(), Does.Not.Contain(secret));
        }
    }

    [Test]
    public void An_oauth1_file_without_its_secret_is_refused()
    {
        using var h = new AuthHarness();
        using var folder = new TempFolder();
        var garth = new GarthFixtures(h.Clock.GetUtcNow());
        garth.OAuth1.Remove("oauth_token_secret");
        garth.WriteTo(folder);

        var ex = Assert.ThrowsAsync<TokenStoreException>(() => h.Authenticator().ImportGarthSessionAsync(folder.Path));

        Assert.That(ex!.Message, Does.Contain("oauth_token_secret").And.Not.Contain(garth.OAuth1Token));
    }

    [Test]
    public void A_base64_value_that_is_not_a_garth_array_is_explained()
    {
        using var h = new AuthHarness();
        var value = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("[\"just\", \"strings\"]"));

        var ex = Assert.ThrowsAsync<TokenStoreException>(() => h.Authenticator().ImportGarthSessionAsync(value));

        Assert.That(ex!.Message, Does.Contain("OAuth1").Or.Contain("garth"));
    }
}
