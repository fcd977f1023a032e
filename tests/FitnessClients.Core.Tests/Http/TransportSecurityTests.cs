using System.Net;
using FitnessClients.Core.DependencyInjection;
using FitnessClients.Core.Http;
using Microsoft.Extensions.DependencyInjection;

namespace FitnessClients.Core.Tests.Http;

public class TransportSecurityTests
{
    private sealed class Options : FitnessClientOptions
    {
    }

    private sealed class OkHandler : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("ok") });
    }

    // No retries: a refused certificate fails the same way every time, and retry delays would sleep for real.
    private static FitnessPipelineSettings Settings() => new() { ServiceName = "test", Resilience = new FitnessClients.Core.Resilience.ResilienceOptions { Retry = { MaxRetryAttempts = 0 } } };

    [TestCase("http://fittrackee.lan/")]
    [TestCase("http://192.168.1.20:5000/")]
    [TestCase("http://example.org/api")]
    public void Plain_http_to_another_machine_is_refused_with_a_message_that_says_what_to_do(string address)
    {
        var ex = Assert.Throws<ArgumentException>(() => TransportSecurity.ValidateAddress(new Uri(address), new Options()));
        Assert.That(ex!.Message, Does.Contain("https://").And.Contain(nameof(FitnessClientOptions.AllowInsecureHttp)).And.Contain(new Uri(address).Host));
    }

    [TestCase("http://localhost:5000/")]
    [TestCase("http://127.0.0.1:8080/")]
    [TestCase("http://[::1]:5000/")]
    [TestCase("https://fittrackee.example.org/")]
    public void Https_and_loopback_http_are_allowed(string address)
    {
        Assert.DoesNotThrow(() => TransportSecurity.ValidateAddress(new Uri(address), new Options()));
    }

    [Test]
    public void The_opt_in_allows_plain_http_and_other_schemes_stay_refused()
    {
        Assert.DoesNotThrow(() => TransportSecurity.ValidateAddress(new Uri("http://fittrackee.lan/"), new Options { AllowInsecureHttp = true }));
        Assert.Throws<ArgumentException>(() => TransportSecurity.ValidateAddress(new Uri("ftp://fittrackee.lan/"), new Options { AllowInsecureHttp = true }));
        Assert.Throws<ArgumentException>(() => TransportSecurity.ValidateAddress(new Uri("/api", UriKind.Relative), new Options()));
    }

    [Test]
    public void Client_connections_refuse_an_insecure_base_address_in_options_and_in_create_api_client()
    {
        Assert.Throws<ArgumentException>(() => new ClientConnections(new Options { BaseAddress = new Uri("http://fittrackee.lan/") }));

        using var handler = new OkHandler();
        using var connections = new ClientConnections(new Options { PrimaryHandler = handler });
        Assert.Throws<ArgumentException>(() => connections.CreateApiClient(Settings(), new Uri("http://fittrackee.lan/api")));
        Assert.That(connections.CreateApiClient(Settings(), new Uri("http://127.0.0.1:5000/api")).BaseAddress, Is.EqualTo(new Uri("http://127.0.0.1:5000/api/")));

        using var optedIn = new ClientConnections(new Options { PrimaryHandler = handler, AllowInsecureHttp = true });
        Assert.That(optedIn.CreateApiClient(Settings(), new Uri("http://fittrackee.lan/api")).BaseAddress!.Host, Is.EqualTo("fittrackee.lan"));
    }

    [Test]
    public void The_di_connection_refuses_an_insecure_base_address_when_the_client_is_created()
    {
        var services = new ServiceCollection();
        var options = new Options();
        services.AddHttpClient("svc").ConfigureFitnessConnection(_ => options, _ => new Uri("http://fittrackee.lan/"));
        using var provider = services.BuildServiceProvider();
        var factory = provider.GetRequiredService<IHttpClientFactory>();

        Assert.Throws<ArgumentException>(() => factory.CreateClient("svc"));
        options.AllowInsecureHttp = true;
        Assert.That(factory.CreateClient("svc").BaseAddress, Is.EqualTo(new Uri("http://fittrackee.lan/")));
    }

    [Test]
    public void The_default_handler_keeps_the_system_trust_unless_authorities_are_given()
    {
        using var plain = TransportSecurity.CreatePrimaryHandler(new Options());
        Assert.That(plain.SslOptions.CertificateChainPolicy, Is.Null);
        Assert.That(plain.SslOptions.RemoteCertificateValidationCallback, Is.Null, "certificate checks are never switched off");

        using var authority = TlsTestServer.UnrelatedAuthority();
        var options = new Options();
        options.TrustedCertificateAuthorities.Add(authority);
        using var custom = TransportSecurity.CreatePrimaryHandler(options);
        Assert.That(custom.SslOptions.CertificateChainPolicy!.CustomTrustStore, Has.Count.EqualTo(1));
        Assert.That(custom.SslOptions.RemoteCertificateValidationCallback, Is.Null);
    }

    [Test]
    public async Task A_private_ca_certificate_is_refused_by_default_and_accepted_when_its_ca_is_trusted()
    {
        await using var server = new TlsTestServer();

        using (var untrusted = new ClientConnections(new Options()))
        {
            var client = untrusted.CreateApiClient(Settings(), server.BaseAddress);
            var ex = Assert.ThrowsAsync<ServiceUnavailableException>(() => client.GetAsync(new Uri("ping", UriKind.Relative)));
            Assert.That(ex!.Message, Does.Contain("SSL").IgnoreCase.Or.Contain("certificate").IgnoreCase);
        }

        using var unrelated = TlsTestServer.UnrelatedAuthority();
        var wrongCa = new Options();
        wrongCa.TrustedCertificateAuthorities.Add(unrelated);
        using (var wrong = new ClientConnections(wrongCa))
        {
            var client = wrong.CreateApiClient(Settings(), server.BaseAddress);
            Assert.ThrowsAsync<ServiceUnavailableException>(() => client.GetAsync(new Uri("ping", UriKind.Relative)));
        }

        Assert.That(server.Answered, Is.Zero);

        var trusted = new Options();
        trusted.TrustedCertificateAuthorities.Add(server.Authority);
        using var connections = new ClientConnections(trusted);
        var http = connections.CreateApiClient(Settings(), server.BaseAddress);
        using var response = await http.GetAsync(new Uri("ping", UriKind.Relative));
        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("ok"));
        Assert.That(server.Answered, Is.EqualTo(1));
    }
}
