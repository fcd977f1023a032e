using FitnessClients.GarminConnect.Auth;

namespace FitnessClients.GarminConnect.Tests.Auth;

/// <summary>The signer against the published examples of RFC 5849 and OAuth Core 1.0.</summary>
public class OAuth1SignerTests
{
    [Test]
    public void Signature_base_string_matches_rfc_5849_section_3_4_1_1()
    {
        // RFC 5849 §3.4.1: query parameters (one encoded twice, one with an encoded name, one with a space), form
        // body parameters (one without a value, one with '+' for a space) and the protocol parameters.
        var uri = new Uri("http://example.com/request?b5=%3D%253D&a3=a&c%40=&a2=r%20b");
        var parameters = new List<KeyValuePair<string, string>>
        {
            new("oauth_consumer_key", "9djdj82h48djs9d2"),
            new("oauth_token", "kkk9d7dh3k39sjv7"),
            new("oauth_signature_method", "HMAC-SHA1"),
            new("oauth_timestamp", "137131201"),
            new("oauth_nonce", "7d8f3e4a"),
            new("c2", string.Empty),
            new("a3", "2 q"),
        };

        var baseString = OAuth1Signer.BuildSignatureBaseString(HttpMethod.Post, uri, parameters);

        Assert.That(baseString, Is.EqualTo(
            "POST&http%3A%2F%2Fexample.com%2Frequest&a2%3Dr%2520b%26a3%3D2%2520q" +
            "%26a3%3Da%26b5%3D%253D%25253D%26c%2540%3D%26c2%3D%26oauth_consumer_" +
            "key%3D9djdj82h48djs9d2%26oauth_nonce%3D7d8f3e4a%26oauth_signature_m" +
            "ethod%3DHMAC-SHA1%26oauth_timestamp%3D137131201%26oauth_token%3Dkkk" +
            "9d7dh3k39sjv7"));
    }

    [Test]
    public void Authorization_matches_the_signed_request_of_rfc_5849_section_1_2()
    {
        // RFC 5849 §1.2: the photo-sharing example, consumer dpf43f3p2l4k3l03 / kd94hf93k423kf44, token
        // nnch734d00sl2jdk / pfkkdhi9sl3r4s00, without oauth_version.
        var parameters = OAuth1Signer.CreateAuthorizationParameters(
            HttpMethod.Get,
            new Uri("http://photos.example.net/photos?file=vacation.jpg&size=original"),
            [],
            "dpf43f3p2l4k3l03",
            "kd94hf93k423kf44",
            "nnch734d00sl2jdk",
            "pfkkdhi9sl3r4s00",
            "chapoH",
            137131202,
            includeVersion: false);

        Assert.That(Parse(parameters)["oauth_signature"], Is.EqualTo("MdpQcU8iPSUjWoN%2FUDMsK2sui9I%3D"));
    }

    [Test]
    public void Signature_matches_the_oauth_core_1_0_appendix_a_example_with_oauth_version()
    {
        var parameters = OAuth1Signer.CreateAuthorizationParameters(
            HttpMethod.Get,
            new Uri("http://photos.example.net/photos?file=vacation.jpg&size=original"),
            [],
            "dpf43f3p2l4k3l03",
            "kd94hf93k423kf44",
            "nnch734d00sl2jdk",
            "pfkkdhi9sl3r4s00",
            "kllo9940pd9333jh",
            1191242096);

        var fields = Parse(parameters);
        Assert.That(fields["oauth_signature"], Is.EqualTo(OAuth1Signer.PercentEncode("tR3+Ty81lMeYAr/Fid0kMTYa/WM=")));
        Assert.That(fields["oauth_version"], Is.EqualTo("1.0"));
    }

    [Test]
    public void Authorization_parameters_are_quoted_comma_separated_and_have_no_realm()
    {
        var parameters = OAuth1Signer.CreateAuthorizationParameters(
            HttpMethod.Post, new Uri("https://connectapi.garmin.com/x"), [new("mfa_token", "m")], "key", "secret", "tok", "toksecret", "n0nce", 1700000000);

        Assert.That(parameters, Does.Match("^(oauth_[a-z_]+=\"[^\"]*\", )*oauth_[a-z_]+=\"[^\"]*\"$"));
        Assert.That(Parse(parameters).Keys, Is.EquivalentTo(new[]
        {
            "oauth_consumer_key", "oauth_nonce", "oauth_signature_method", "oauth_timestamp", "oauth_token", "oauth_version", "oauth_signature",
        }));
        Assert.That(parameters, Does.Not.Contain("realm").And.Not.Contain("secret").And.Not.Contain("mfa_token"));
    }

    [Test]
    public void Consumer_only_requests_leave_oauth_token_out_and_sign_with_an_empty_token_secret()
    {
        var parameters = OAuth1Signer.CreateAuthorizationParameters(
            HttpMethod.Get, new Uri("https://connectapi.garmin.com/oauth-service/oauth/preauthorized?ticket=x"), [], "key", "secret", null, null, "n", 1);

        Assert.That(Parse(parameters).ContainsKey("oauth_token"), Is.False);
        var baseString = OAuth1Signer.BuildSignatureBaseString(HttpMethod.Get, new Uri("https://connectapi.garmin.com/oauth-service/oauth/preauthorized?ticket=x"), new List<KeyValuePair<string, string>>
        {
            new("oauth_consumer_key", "key"), new("oauth_nonce", "n"), new("oauth_signature_method", "HMAC-SHA1"), new("oauth_timestamp", "1"), new("oauth_version", "1.0"),
        });
        Assert.That(Uri.UnescapeDataString(Parse(parameters)["oauth_signature"]), Is.EqualTo(OAuth1Signer.Sign(baseString, "secret", string.Empty)));
    }

    [TestCase("abcXYZ019-._~", "abcXYZ019-._~")]
    [TestCase("a b", "a%20b")]
    [TestCase("a+b", "a%2Bb")]
    [TestCase("!*'()", "%21%2A%27%28%29")]
    [TestCase("=&%/:", "%3D%26%25%2F%3A")]
    [TestCase("é", "%C3%A9")]
    [TestCase("😀", "%F0%9F%98%80")]
    public void Percent_encoding_follows_rfc_5849_section_3_6(string value, string expected) =>
        Assert.That(OAuth1Signer.PercentEncode(value), Is.EqualTo(expected));

    [Test]
    public void Base_string_uri_lowercases_scheme_and_host_and_drops_default_ports_only()
    {
        var parameters = new List<KeyValuePair<string, string>>();
        Assert.That(OAuth1Signer.BuildSignatureBaseString(HttpMethod.Get, new Uri("HTTPS://Connectapi.Garmin.COM:443/a/B"), parameters), Is.EqualTo("GET&https%3A%2F%2Fconnectapi.garmin.com%2Fa%2FB&"));
        Assert.That(OAuth1Signer.BuildSignatureBaseString(HttpMethod.Get, new Uri("http://example.com:8080"), parameters), Is.EqualTo("GET&http%3A%2F%2Fexample.com%3A8080%2F&"));
    }

    [Test]
    public void Nonces_are_fresh_each_time() =>
        Assert.That(Enumerable.Range(0, 20).Select(_ => OAuth1Signer.CreateNonce()).Distinct().Count(), Is.EqualTo(20));

    internal static Dictionary<string, string> Parse(string parameters) =>
        parameters.Split(", ")
            .Select(p => p.Split('=', 2))
            .ToDictionary(p => p[0], p => p[1].Trim('"'), StringComparer.Ordinal);
}
