using System.Net;
using System.Text;
using FitnessClients.Core.OAuth;
using FitnessClients.Testing;

namespace FitnessClients.Core.Tests.OAuth;

public class OAuth2TokenClientRequestTests
{
    private const string Secret = "s3cr3t-Value";
    private const string Success = """{"token_type":"Bearer","access_token":"new-access","expires_in":21600,"refresh_token":"new-refresh"}""";

    private static OAuth2TokenClient Client(TokenEndpointStub stub, ClientAuthenticationStyle style, string clientId = "12345", string? secret = Secret) =>
        new(stub.CreateClient(), new OAuth2ClientCredentials(clientId, secret, style), TokenEndpointStub.Endpoint, new FakeTimeProvider(FakeTimeDefaults.Start));

    [Test]
    public async Task Code_exchange_with_client_secret_post_sends_every_field_in_the_form_body()
    {
        var stub = new TokenEndpointStub().Respond(HttpStatusCode.OK, Success);

        await Client(stub, ClientAuthenticationStyle.ClientSecretPost)
            .ExchangeCodeAsync("the-code", new Uri("http://127.0.0.1:5000/callback"), "the-verifier-0123456789012345678901234567890123");

        var request = stub.Requests.Single();
        Assert.That(request.Method, Is.EqualTo(HttpMethod.Post));
        Assert.That(request.ContentType, Is.EqualTo("application/x-www-form-urlencoded"));
        Assert.That(request.Accept, Is.EqualTo("application/json"));
        Assert.That(request.Authorization, Is.Null);
        Assert.That(request.Form, Is.EquivalentTo(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = "the-code",
            ["redirect_uri"] = "http://127.0.0.1:5000/callback",
            ["code_verifier"] = "the-verifier-0123456789012345678901234567890123",
            ["client_id"] = "12345",
            ["client_secret"] = Secret,
        }));
        Assert.That(request.Uri.Query, Is.Empty);
        Assert.That(request.Uri.AbsoluteUri, Does.Not.Contain(Secret).And.Not.Contain("the-code"));
    }

    [Test]
    public async Task Code_exchange_without_redirect_or_verifier_leaves_them_out()
    {
        var stub = new TokenEndpointStub().Respond(HttpStatusCode.OK, Success);

        await Client(stub, ClientAuthenticationStyle.ClientSecretPost).ExchangeCodeAsync("the-code");

        Assert.That(stub.Requests.Single().Form.Keys, Is.EquivalentTo(new[] { "grant_type", "code", "client_id", "client_secret" }));
    }

    [Test]
    public async Task Code_exchange_with_http_basic_puts_the_credentials_in_the_header_only()
    {
        var stub = new TokenEndpointStub().Respond(HttpStatusCode.OK, Success);

        await Client(stub, ClientAuthenticationStyle.HttpBasic).ExchangeCodeAsync("the-code", new Uri("http://127.0.0.1:5000/callback"), codeVerifier: null);

        var request = stub.Requests.Single();
        Assert.That(request.Authorization, Is.EqualTo("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("12345:" + Secret))));
        Assert.That(request.Form, Is.EquivalentTo(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = "the-code",
            ["redirect_uri"] = "http://127.0.0.1:5000/callback",
        }));
        Assert.That(request.Body, Does.Not.Contain(Secret));
        Assert.That(request.Uri.Query, Is.Empty);
    }

    [Test]
    public async Task Refresh_with_client_secret_post_sends_exactly_the_rfc_fields()
    {
        var stub = new TokenEndpointStub().Respond(HttpStatusCode.OK, Success);

        await Client(stub, ClientAuthenticationStyle.ClientSecretPost).RefreshAsync("old-refresh");

        var request = stub.Requests.Single();
        Assert.That(request.Authorization, Is.Null);
        Assert.That(request.Form, Is.EquivalentTo(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["refresh_token"] = "old-refresh",
            ["client_id"] = "12345",
            ["client_secret"] = Secret,
        }));
        Assert.That(request.Uri.AbsoluteUri, Is.EqualTo(TokenEndpointStub.Endpoint.AbsoluteUri));
    }

    [Test]
    public async Task Refresh_with_http_basic_sends_only_grant_and_token_in_the_body()
    {
        var stub = new TokenEndpointStub().Respond(HttpStatusCode.OK, Success);

        await Client(stub, ClientAuthenticationStyle.HttpBasic).RefreshAsync("old-refresh");

        var request = stub.Requests.Single();
        Assert.That(request.Authorization, Does.StartWith("Basic "));
        Assert.That(request.Form, Is.EquivalentTo(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["refresh_token"] = "old-refresh",
        }));
    }

    [Test]
    public async Task Http_basic_form_encodes_id_and_secret_before_base64_as_rfc_6749_section_2_3_1_requires()
    {
        var stub = new TokenEndpointStub().Respond(HttpStatusCode.OK, Success);

        await Client(stub, ClientAuthenticationStyle.HttpBasic, clientId: "my client", secret: "s:c+ret/é").RefreshAsync("old-refresh");

        var expected = Convert.ToBase64String(Encoding.UTF8.GetBytes("my+client:s%3Ac%2Bret%2F%C3%A9"));
        Assert.That(stub.Requests.Single().Authorization, Is.EqualTo("Basic " + expected));
    }

    [Test]
    public async Task A_public_client_sends_its_id_and_no_secret()
    {
        var stub = new TokenEndpointStub().Respond(HttpStatusCode.OK, Success);

        await Client(stub, ClientAuthenticationStyle.None, secret: null).ExchangeCodeAsync("the-code", codeVerifier: "v");

        var request = stub.Requests.Single();
        Assert.That(request.Authorization, Is.Null);
        Assert.That(request.Form, Is.EquivalentTo(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = "the-code",
            ["code_verifier"] = "v",
            ["client_id"] = "12345",
        }));
    }

    [Test]
    public async Task A_custom_grant_gets_the_configured_client_authentication()
    {
        var stub = new TokenEndpointStub().Respond(HttpStatusCode.OK, Success);

        await Client(stub, ClientAuthenticationStyle.ClientSecretPost).RequestAsync(new Dictionary<string, string>
        {
            ["grant_type"] = "service_ticket",
            ["ticket"] = "ST-1",
        });

        Assert.That(stub.Requests.Single().Form, Is.EquivalentTo(new Dictionary<string, string>
        {
            ["grant_type"] = "service_ticket",
            ["ticket"] = "ST-1",
            ["client_id"] = "12345",
            ["client_secret"] = Secret,
        }));
    }

    [Test]
    public void A_custom_grant_may_not_carry_its_own_client_credentials()
    {
        var stub = new TokenEndpointStub().Respond(HttpStatusCode.OK, Success);

        Assert.Throws<ArgumentException>(() => Client(stub, ClientAuthenticationStyle.ClientSecretPost)
            .RequestAsync(new Dictionary<string, string> { ["grant_type"] = "x", ["client_secret"] = "other" }));
        Assert.That(stub.Requests, Is.Empty);
    }

    [Test]
    public void Credentials_need_a_secret_unless_the_client_is_public_and_never_print_it()
    {
        Assert.Throws<ArgumentException>(() => _ = new OAuth2ClientCredentials("1", null, ClientAuthenticationStyle.HttpBasic));
        Assert.Throws<ArgumentException>(() => _ = new OAuth2ClientCredentials("1", "", ClientAuthenticationStyle.ClientSecretPost));
        Assert.Throws<ArgumentException>(() => _ = new OAuth2ClientCredentials(" ", Secret));

        var credentials = new OAuth2ClientCredentials("1", Secret);
        Assert.That(credentials.ToString(), Does.Not.Contain(Secret).And.Contain("HasClientSecret = True"));
        Assert.That(credentials.AuthenticationStyle, Is.EqualTo(ClientAuthenticationStyle.ClientSecretPost));
    }

    [Test]
    public void The_token_endpoint_must_be_absolute()
    {
        Assert.Throws<ArgumentException>(() => _ = new OAuth2TokenClient(new HttpClient(), new OAuth2ClientCredentials("1", Secret), new Uri("/oauth/token", UriKind.Relative)));
    }
}
