using Microsoft.Extensions.DependencyInjection;

namespace FitnessClients.FitTrackee.Tests.Behaviour;

public class DependencyInjectionTests
{
    [Test]
    public async Task AddFitTrackeeClient_builds_a_working_client_over_the_shared_token_manager()
    {
        using var h = new EmulatorHarness(workoutCount: 3);
        await h.SignInAsync();
        var services = new ServiceCollection();
        var template = h.Options();
        services.AddFitTrackeeClient(o =>
        {
            o.BaseAddress = template.BaseAddress;
            o.ClientId = template.ClientId;
            o.ClientSecret = template.ClientSecret;
            o.TokenStore = template.TokenStore;
            o.TokenKey = template.TokenKey;
            o.PrimaryHandler = template.PrimaryHandler;
            o.TimeProvider = h.Clock;
        });
        await using var provider = services.BuildServiceProvider();

        var first = provider.GetRequiredService<FitTrackeeClient>();
        var second = provider.GetRequiredService<FitTrackeeClient>();
        var count = 0;
        await foreach (var _ in first.Workouts.ListAsync())
        {
            count++;
        }

        Assert.That(count, Is.EqualTo(3));
        Assert.That(first.Tokens, Is.SameAs(second.Tokens));
    }

    [Test]
    public void AddFitTrackeeClient_refuses_plain_http_to_another_host_when_the_client_is_resolved()
    {
        var services = new ServiceCollection();
        services.AddFitTrackeeClient(o =>
        {
            o.BaseAddress = new Uri("http://fittrackee.lan/");
            o.ClientId = "id";
            o.ClientSecret = "secret";
            o.TokenStore = new Core.Tokens.InMemoryTokenStore();
        });
        using var provider = services.BuildServiceProvider();

        Assert.Throws<ArgumentException>(() => provider.GetRequiredService<FitTrackeeClient>());
    }
}
