using FitnessClients.Core.Diagnostics;

namespace FitnessClients.Core.Tests.Diagnostics;

public class SecretScrubberTests
{
    private const string Secret = "S3cr3tValue_9xQ";

    [TestCase("https://example.com/cb?code=" + Secret + "&state=st-42", "code=***", "state=st-42")]
    [TestCase("https://example.com/cb?state=st-42&code=" + Secret, "code=***", "state=st-42")]
    [TestCase("/oauth/token?client_id=1234&client_secret=" + Secret + "&grant_type=refresh_token", "client_secret=***", "client_id=1234")]
    [TestCase("refresh_token=" + Secret + "&client_id=42&scope=activity:read_all", "refresh_token=***", "scope=activity:read_all")]
    [TestCase("grant_type=password&username=ann%40example.com&password=" + Secret, "password=***", "username=ann%40example.com")]
    [TestCase("mfa_code=" + Secret + "&embed=true", "mfa_code=***", "embed=true")]
    [TestCase("verificationCode=" + Secret, "verificationCode=***", "")]
    [TestCase("ticket=" + Secret + "&service=https%3A%2F%2Fconnect.garmin.com", "ticket=***", "service=https%3A%2F%2Fconnect.garmin.com")]
    [TestCase("oauth_token=" + Secret + "&oauth_token_secret=" + Secret + "&mfa_token=" + Secret, "oauth_token=***&oauth_token_secret=***&mfa_token=***", "")]
    [TestCase("Code = " + Secret, "Code = ***", "")]
    public void Masks_name_value_pairs_in_queries_and_form_bodies(string text, string expected, string kept)
    {
        var scrubbed = SecretScrubber.Scrub(text);

        Assert.That(scrubbed, Does.Not.Contain(Secret));
        Assert.That(scrubbed, Does.Contain(expected));
        Assert.That(scrubbed, Does.Contain(kept));
    }

    [TestCase("""{"access_token":"S3cr3tValue_9xQ","token_type":"Bearer","expires_in":21600}""", "\"access_token\":\"***\"", "\"token_type\":\"Bearer\"")]
    [TestCase("""{ "refresh_token": "S3cr3tValue_9xQ", "scope": "read" }""", "\"refresh_token\": \"***\"", "\"scope\": \"read\"")]
    [TestCase("""{"username":"ann","password":"pa\"ss S3cr3tValue_9xQ \\ end","remember":true}""", "\"password\":\"***\"", "\"remember\":true")]
    [TestCase("""{"mfa_code": 123456, "state": "abc"}""", "\"mfa_code\": ***", "\"state\": \"abc\"")]
    [TestCase("""{"client_id":"42","client_secret":"S3cr3tValue_9xQ"}""", "\"client_secret\":\"***\"", "\"client_id\":\"42\"")]
    [TestCase("""{"id_token":"S3cr3tValue_9xQ","oauth_token_secret":"S3cr3tValue_9xQ"}""", "\"oauth_token_secret\":\"***\"", "\"id_token\":\"***\"")]
    [TestCase("""{"message":"cut","refresh_token":"S3cr3tValue_9x""", "\"refresh_token\":\"***", "\"message\":\"cut\"")]
    public void Masks_json_values(string json, string expected, string kept)
    {
        var scrubbed = SecretScrubber.Scrub(json.Replace("S3cr3tValue_9xQ", Secret, StringComparison.Ordinal));

        Assert.That(scrubbed, Does.Not.Contain(Secret).And.Not.Contain("S3cr3tValue_9x"));
        Assert.That(scrubbed, Does.Contain(expected));
        Assert.That(scrubbed, Does.Contain(kept));
    }

    [Test]
    public void Masks_json_escaped_inside_another_string()
    {
        var text = "{\"body\":\"{\\\"access_token\\\":\\\"" + Secret + "\\\",\\\"athlete\\\":{\\\"id\\\":7}}\"}";

        var scrubbed = SecretScrubber.Scrub(text);

        Assert.That(scrubbed, Does.Not.Contain(Secret));
        Assert.That(scrubbed, Does.Contain("\\\"access_token\\\":\\\"***\\\""));
        Assert.That(scrubbed, Does.Contain("athlete"));
    }

    [Test]
    public void Masks_python_dict_reprs()
    {
        var scrubbed = SecretScrubber.Scrub("{'oauth_token': '" + Secret + "', 'mfa_token': '" + Secret + "', 'domain': 'garmin.com'}");

        Assert.That(scrubbed, Does.Not.Contain(Secret));
        Assert.That(scrubbed, Does.Contain("'domain': 'garmin.com'"));
    }

    [TestCase("Authorization: Bearer x")]
    [TestCase("authorization: Basic dXNlcjpwYXNz")]
    [TestCase("Cookie: a=b; c=d")]
    [TestCase("Set-Cookie: SESSIONID=abc; Path=/; HttpOnly")]
    [TestCase("X-Api-Key: k-12345")]
    [TestCase("Proxy-Authorization: Negotiate abc")]
    public void Masks_whole_secret_header_lines(string line)
    {
        var dump = "GET /api/v3/athlete HTTP/1.1\r\nHost: www.strava.com\r\n" + line + "\r\nAccept: application/json";

        var scrubbed = SecretScrubber.Scrub(dump);

        var name = line[..line.IndexOf(':', StringComparison.Ordinal)];
        Assert.That(scrubbed, Does.Contain(name + ": ***\r\n"));
        Assert.That(scrubbed, Does.Contain("Host: www.strava.com"));
        Assert.That(scrubbed, Does.Contain("Accept: application/json"));
    }

    [Test]
    public void Masks_each_cookie_value_when_cookies_are_listed_without_a_header()
    {
        var scrubbed = SecretScrubber.Scrub($"cookies sent: strava_remember_token={Secret}; _strava4_session={Secret}; JSESSIONID={Secret}; locale=en");

        Assert.That(scrubbed, Does.Not.Contain(Secret));
        Assert.That(scrubbed, Does.Contain("strava_remember_token=***"));
        Assert.That(scrubbed, Does.Contain("locale=en"));
    }

    [Test]
    public void Masks_oauth1_header_parameters_with_quoted_values()
    {
        var header = $"OAuth oauth_consumer_key=\"fc3e99d2\", oauth_nonce=\"n1\", oauth_signature=\"{Secret}%3D\", oauth_token=\"{Secret}\", oauth_version=\"1.0\"";

        var scrubbed = SecretScrubber.Scrub(header);

        Assert.That(scrubbed, Does.Not.Contain(Secret));
        Assert.That(scrubbed, Does.Contain("oauth_signature=\"***\""));
        Assert.That(scrubbed, Does.Contain("oauth_token=\"***\""));
        Assert.That(scrubbed, Does.Contain("oauth_nonce=\"n1\""));
    }

    [TestCase("Bearer 3f9a0c1d2e3f4a5b6c7d8e9f00112233aabbccdd")]
    [TestCase("bearer AbcdEfghIjkl")]
    [TestCase("Basic dXNlcjpwYXNz")]
    public void Masks_credentials_after_an_authorization_scheme_anywhere(string credential)
    {
        var scrubbed = SecretScrubber.Scrub($"sent ({credential}) to the API");

        Assert.That(scrubbed, Does.Not.Contain(credential[(credential.IndexOf(' ', StringComparison.Ordinal) + 1)..]));
        Assert.That(scrubbed, Does.Contain("***"));
    }

    [TestCase("Bearer token expired")]
    [TestCase("Basic authentication is not supported")]
    [TestCase("The refresh token was revoked; sign in again")]
    [TestCase("strava GET https://www.strava.com/api/v3/athlete/activities?page=2 failed: 404 Not Found: Record Not Found")]
    [TestCase("Invalid client_id 42 for scope activity:read_all, state abc")]
    public void Leaves_prose_and_non_secrets_readable(string text)
    {
        Assert.That(SecretScrubber.Scrub(text), Is.EqualTo(text));
    }

    [Test]
    public void Masks_garmin_cas_tickets_anywhere()
    {
        var scrubbed = SecretScrubber.Scrub("redirect to https://connect.garmin.com/modern?ticket%3DST-0123456-abcDEF123-cas then TGT-42-xYz9-cas");

        Assert.That(scrubbed, Does.Not.Contain("ST-0123456-abcDEF123-cas"));
        Assert.That(scrubbed, Does.Not.Contain("xYz9"));
        Assert.That(scrubbed, Does.Contain("ST-***"));
        Assert.That(scrubbed, Does.Contain("TGT-***"));
    }

    [Test]
    public void Masks_jwts_anywhere()
    {
        // Built at run time so no token-shaped literal sits in the repository.
        static string Segment(string json) => System.Buffers.Text.Base64Url.EncodeToString(System.Text.Encoding.UTF8.GetBytes(json));
        var jwt = $"{Segment("""{"alg":"HS256","typ":"JWT"}""")}.{Segment("""{"sub":"1234567890","exp":1900000000}""")}.{Segment("synthetic-signature-bytes")}";

        var scrubbed = SecretScrubber.Scrub($"the token {jwt} was rejected");

        Assert.That(scrubbed, Is.EqualTo("the token *** was rejected"));
    }

    [Test]
    public void Masks_xml_elements()
    {
        var scrubbed = SecretScrubber.Scrub($"<login><username>ann</username><password>{Secret}</password></login>");

        Assert.That(scrubbed, Is.EqualTo("<login><username>ann</username><password>***</password></login>"));
    }

    [Test]
    public void Masks_yaml_like_lines()
    {
        var scrubbed = SecretScrubber.Scrub($"client_id: 42\nclient_secret: {Secret}\nrefresh_token: {Secret}\n");

        Assert.That(scrubbed, Is.EqualTo("client_id: 42\nclient_secret: ***\nrefresh_token: ***\n"));
    }

    [Test]
    public void Scrubbing_twice_changes_nothing_more()
    {
        var once = SecretScrubber.Scrub($"code={Secret}&x=1 {{\"password\":\"{Secret}\"}} Authorization: Bearer {Secret}");

        Assert.That(SecretScrubber.Scrub(once), Is.EqualTo(once));
    }

    [TestCase("access_token")]
    [TestCase("refresh_token")]
    [TestCase("id_token")]
    [TestCase("oauth_token")]
    [TestCase("oauth_token_secret")]
    [TestCase("oauth_signature")]
    [TestCase("oauth_verifier")]
    [TestCase("client_secret")]
    [TestCase("code")]
    [TestCase("code_verifier")]
    [TestCase("password")]
    [TestCase("ticket")]
    [TestCase("mfa_code")]
    [TestCase("mfaCode")]
    [TestCase("MFA-Code")]
    [TestCase("verificationCode")]
    [TestCase("verification_code")]
    [TestCase("strava_remember_token")]
    [TestCase("_strava4_session")]
    [TestCase("JSESSIONID")]
    [TestCase("Cookie")]
    [TestCase("Set-Cookie")]
    [TestCase("Authorization")]
    [TestCase("X-Api-Key")]
    [TestCase("X-Amz-Signature")]
    [TestCase("CASTGC")]
    public void Recognises_secret_names(string name)
    {
        Assert.That(SecretScrubber.IsSecretName(name), Is.True);
    }

    [TestCase("state")]
    [TestCase("client_id")]
    [TestCase("scope")]
    [TestCase("redirect_uri")]
    [TestCase("token_type")]
    [TestCase("expires_in")]
    [TestCase("username")]
    [TestCase("zip_code")]
    [TestCase("status_code")]
    [TestCase("grant_type")]
    [TestCase("")]
    public void Leaves_ordinary_names_alone(string name)
    {
        Assert.That(SecretScrubber.IsSecretName(name), Is.False);
    }

    [Test]
    public void ScrubUri_masks_secret_query_and_fragment_values_and_drops_user_info()
    {
        var uri = new Uri($"https://ann:{Secret}@example.com/cb?code={Secret}&state=xyz&scope=read,activity:read#access_token={Secret}&token_type=bearer");

        var scrubbed = SecretScrubber.ScrubUri(uri)!;

        Assert.That(scrubbed.AbsoluteUri, Does.Not.Contain(Secret).And.Not.Contain("ann"));
        Assert.That(scrubbed.Query, Is.EqualTo("?code=***&state=xyz&scope=read,activity:read"));
        Assert.That(scrubbed.Fragment, Is.EqualTo("#access_token=***&token_type=bearer"));
        Assert.That(scrubbed.Host, Is.EqualTo("example.com"));
    }

    [Test]
    public void ScrubUri_masks_a_value_containing_commas_whole()
    {
        var scrubbed = SecretScrubber.ScrubUri(new Uri($"https://example.com/cb?code=a,{Secret}&page=2"))!;

        Assert.That(scrubbed.Query, Is.EqualTo("?code=***&page=2"));
    }

    [Test]
    public void ScrubUri_masks_tickets_in_encoded_values_and_paths()
    {
        var uri = new Uri("https://sso.garmin.com/sso/ST-0123456-abcDEF123-cas/x?service=https%3A%2F%2Fconnect.garmin.com%2Fmodern%3Fticket%3DST-0123456-abcDEF123-cas");

        var scrubbed = SecretScrubber.ScrubUri(uri)!;

        Assert.That(scrubbed.AbsoluteUri, Does.Not.Contain("abcDEF123"));
    }

    [Test]
    public void ScrubUri_keeps_uris_without_secrets_unchanged()
    {
        var uri = new Uri("https://www.strava.com/api/v3/athlete/activities?page=2&per_page=200");

        Assert.That(SecretScrubber.ScrubUri(uri), Is.EqualTo(uri));
    }

    [Test]
    public void ScrubUri_handles_relative_uris_and_null()
    {
        Assert.That(SecretScrubber.ScrubUri(null), Is.Null);
        Assert.That(SecretScrubber.ScrubUri(new Uri($"/cb?code={Secret}&state=1", UriKind.Relative))!.OriginalString, Is.EqualTo("/cb?code=***&state=1"));
    }

    [Test]
    public void Scrub_of_null_or_empty_is_empty()
    {
        Assert.That(SecretScrubber.Scrub(null), Is.Empty);
        Assert.That(SecretScrubber.Scrub(string.Empty), Is.Empty);
    }
}
