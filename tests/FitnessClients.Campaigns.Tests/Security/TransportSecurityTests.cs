using System.Net.Security;
using System.Text.RegularExpressions;
using FitnessClients.Core;
using FitnessClients.Core.Http;
using FitnessClients.GarminConnect;
using FitnessClients.Strava;

namespace FitnessClients.Campaigns.Tests.Security;

/// <summary>TLS certificate checks are never turned off by the SDK: the sending handler it builds keeps the platform's validation.</summary>
[Category("Campaign")]
public partial class TransportSecurityTests
{
    [Test]
    public void The_primary_handler_keeps_certificate_validation_on()
    {
        using var handler = FitnessPipeline.CreatePrimaryHandler();

        Assert.That(handler.SslOptions.RemoteCertificateValidationCallback, Is.Null, "no custom validation callback");
    }

    [Test]
    public void Clients_built_by_Create_send_through_a_handler_with_validation_on()
    {
        var options = new GarminConnectClientOptions { TokenStore = new Core.Tokens.InMemoryTokenStore() };
        using var connections = new ClientConnections(options);

        var sockets = connections.PrimaryHandler as SocketsHttpHandler;
        Assert.That(sockets, Is.Not.Null, "an owned SocketsHttpHandler");
        Assert.That(sockets!.SslOptions.RemoteCertificateValidationCallback, Is.Null);
        using var garmin = GarminConnectClient.Create(options);
        using var strava = StravaClient.Create(new StravaClientOptions { ClientId = "1", ClientSecret = "s", TokenStore = new Core.Tokens.InMemoryTokenStore() });
    }

    [Test]
    public void No_library_source_turns_certificate_validation_off()
    {
        var src = Path.Combine(RepositoryRoot(), "src");
        var offenders = Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(file => File.ReadLines(file).Select((line, i) => (file, line, number: i + 1)))
            .Where(x => Disabling().IsMatch(x.line) && !x.line.TrimStart().StartsWith("///", StringComparison.Ordinal))
            .Select(x => $"{Path.GetRelativePath(src, x.file)}:{x.number}: {x.line.Trim()}")
            .ToList();

        Assert.That(offenders, Is.Empty, "certificate validation callbacks in library code");
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "FitnessClients.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new DirectoryNotFoundException("the repository root (FitnessClients.sln) above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"RemoteCertificateValidationCallback\s*=|ServerCertificateCustomValidationCallback\s*=|DangerousAcceptAnyServerCertificateValidator|CheckCertificateRevocationList\s*=\s*false")]
    private static partial Regex Disabling();
}
