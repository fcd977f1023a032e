using FitnessClients.Core.Diagnostics;
using Microsoft.Extensions.Logging;

namespace FitnessClients.Core.Tests.Diagnostics;

public class SecretScrubbingLoggerProviderTests
{
    private const string Secret = "S3cr3tValue_9xQ";

    [Test]
    public void Scrubs_the_formatted_message_and_the_structured_values()
    {
        var capture = new CapturingLoggerProvider();
        using var provider = new SecretScrubbingLoggerProvider(capture);
        var logger = provider.CreateLogger("Test");

        logger.LogWarning("Token endpoint answered {Body} for {Uri} after {Attempts} attempts",
            $"{{\"access_token\":\"{Secret}\",\"expires_in\":3600}}", new Uri($"https://x.example/cb?code={Secret}&state=1"), 3);

        var entry = capture.Entries.Single();
        Assert.That(entry.Message, Does.Not.Contain(Secret));
        Assert.That(entry.Message, Does.Contain("\"access_token\":\"***\"").And.Contain("code=***&state=1").And.Contain("after 3 attempts"));
        Assert.That(entry.Values.Select(v => v.Value?.ToString()), Has.None.Contains(Secret));
        Assert.That(entry.Values.Single(v => v.Key == "Attempts").Value, Is.EqualTo(3), "numbers stay typed");
        Assert.That(entry.Values.Single(v => v.Key == "{OriginalFormat}").Value, Is.EqualTo("Token endpoint answered {Body} for {Uri} after {Attempts} attempts"));
        Assert.That(entry.Level, Is.EqualTo(LogLevel.Warning));
    }

    [Test]
    public void Scrubs_logged_exceptions_including_inner_ones()
    {
        var capture = new CapturingLoggerProvider();
        using var provider = new SecretScrubbingLoggerProvider(capture);
        var logger = provider.CreateLogger("Test");
        Exception thrown;
        try
        {
            throw new InvalidOperationException("outer", new HttpRequestException($"failed with Authorization: Bearer {Secret}"));
        }
        catch (InvalidOperationException ex)
        {
            thrown = ex;
        }

        logger.LogError(thrown, "Call failed with refresh_token={Token}", Secret);

        var entry = capture.Entries.Single();
        Assert.That(entry.Message, Is.EqualTo("Call failed with refresh_token=***"));
        Assert.That(entry.Exception, Does.Not.Contain(Secret));
        Assert.That(entry.Exception, Does.Contain("InvalidOperationException").And.Contain("HttpRequestException").And.Contain("Authorization: ***"));
        Assert.That(entry.Exception, Does.Contain(nameof(Scrubs_logged_exceptions_including_inner_ones)), "the stack trace is kept");
    }

    [Test]
    public void Scrubs_scopes_through_a_logger_factory()
    {
        var capture = new CapturingLoggerProvider();
        using var factory = new LoggerFactory([new SecretScrubbingLoggerProvider(capture)]);
        var logger = factory.CreateLogger("Test");

        using (logger.BeginScope("request {Uri}", $"https://x.example/?ticket=ST-1234-abcDEF-cas&page=1"))
        using (logger.BeginScope($"cookie strava_remember_token={Secret}"))
        {
            logger.LogInformation("inside");
        }

        var entry = capture.Entries.Single();
        Assert.That(entry.Scopes, Has.Count.EqualTo(2));
        Assert.That(string.Join("\n", entry.Scopes), Does.Not.Contain(Secret).And.Not.Contain("abcDEF"));
        Assert.That(entry.Scopes[0], Does.Contain("page=1"));
    }

    [Test]
    public void Scrubs_scopes_begun_directly_on_the_logger()
    {
        var capture = new CapturingLoggerProvider();
        using var provider = new SecretScrubbingLoggerProvider(capture);
        var logger = provider.CreateLogger("Test");

        using (logger.BeginScope("password={Password}", Secret))
        {
            logger.LogInformation("inside");
        }

        Assert.That(capture.Entries.Single().Scopes.Single(), Does.StartWith("password=***"));
    }

    [Test]
    public void Respects_the_inner_loggers_level_and_disposes_it()
    {
        var capture = new CapturingLoggerProvider();
        var provider = new SecretScrubbingLoggerProvider(capture);

        Assert.That(provider.CreateLogger("x").IsEnabled(LogLevel.Trace), Is.True);
        provider.Dispose();

        Assert.That(capture.Disposed, Is.True);
    }
}
