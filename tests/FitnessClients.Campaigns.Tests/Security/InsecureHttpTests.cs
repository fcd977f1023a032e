using FitnessClients.Core;
using FitnessClients.Core.Http;
using FitnessClients.Core.Tokens;
using FitnessClients.FitTrackee;
using FitnessClients.GarminConnect;
using FitnessClients.Strava;

namespace FitnessClients.Campaigns.Tests.Security;

/// <summary>
/// Plain <c>http://</c> to another machine is refused by every client before a request (tokens and secrets would cross
/// the network in clear); loopback is allowed for emulators, and <see cref="FitnessClientOptions.AllowInsecureHttp"/> is the explicit opt-in.
/// </summary>
[Category("Campaign")]
public class InsecureHttpTests
{
    private const string ClientSecret = "client-secret-never-in-messages";

    public static IEnumerable<TestCaseData> Clients()
    {
        yield return new TestCaseData(new Func<Uri, bool, IDisposable>((address, allow) => GarminConnectClient.Create(new GarminConnectClientOptions { BaseAddress = address, AllowInsecureHttp = allow, TokenStore = new InMemoryTokenStore() }))).SetName("Garmin Connect");
        yield return new TestCaseData(new Func<Uri, bool, IDisposable>((address, allow) => StravaClient.Create(new StravaClientOptions { BaseAddress = address, AllowInsecureHttp = allow, ClientId = "1", ClientSecret = ClientSecret, TokenStore = new InMemoryTokenStore() }))).SetName("Strava");
        yield return new TestCaseData(new Func<Uri, bool, IDisposable>((address, allow) => FitTrackeeClient.Create(new FitTrackeeClientOptions { BaseAddress = address, AllowInsecureHttp = allow, ClientId = "1", ClientSecret = ClientSecret, TokenStore = new InMemoryTokenStore() }))).SetName("FitTrackee");
    }

    [TestCaseSource(nameof(Clients))]
    public void Http_to_another_host_is_refused_loopback_and_the_opt_in_are_allowed(Func<Uri, bool, IDisposable> create)
    {
        foreach (var remote in new[] { "http://fittrackee.example.org/", "http://192.168.1.20:5000/", "http://[2001:db8::1]/" })
        {
            var error = Assert.Throws<ArgumentException>(() => create(new Uri(remote), false).Dispose(), remote);
            Assert.That(error!.Message, Does.Contain("http://").And.Not.Contain(ClientSecret), remote);
        }

        Assert.DoesNotThrow(() => create(new Uri("http://127.0.0.1:8123/"), false).Dispose(), "loopback (emulators)");
        Assert.DoesNotThrow(() => create(new Uri("http://localhost:8123/"), false).Dispose(), "localhost");
        Assert.DoesNotThrow(() => create(new Uri("https://fittrackee.example.org/"), false).Dispose(), "https");
        Assert.DoesNotThrow(() => create(new Uri("http://fittrackee.example.org/"), true).Dispose(), "the explicit opt-in");
    }

    [Test]
    public void A_private_CA_narrows_trust_without_turning_validation_off()
    {
        using var key = System.Security.Cryptography.RSA.Create(2048);
        var request = new System.Security.Cryptography.X509Certificates.CertificateRequest("CN=Home CA", key, System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pkcs1);
        using var ca = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var options = new FitTrackeeClientOptions();
        options.TrustedCertificateAuthorities.Add(ca);

        using var handler = TransportSecurity.CreatePrimaryHandler(options);
        using var plain = TransportSecurity.CreatePrimaryHandler(new FitTrackeeClientOptions());

        Assert.That(handler.SslOptions.RemoteCertificateValidationCallback, Is.Null, "the name and the chain are still checked by the platform");
        Assert.That(handler.SslOptions.CertificateChainPolicy!.TrustMode, Is.EqualTo(System.Security.Cryptography.X509Certificates.X509ChainTrustMode.CustomRootTrust));
        Assert.That(plain.SslOptions.RemoteCertificateValidationCallback, Is.Null);
        Assert.That(plain.SslOptions.CertificateChainPolicy, Is.Null, "by default the system's roots");
    }
}
