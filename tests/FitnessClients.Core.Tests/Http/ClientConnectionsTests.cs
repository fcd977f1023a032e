using System.Net;
using FitnessClients.Core;
using FitnessClients.Core.Http;

namespace FitnessClients.Core.Tests.Http;

public class ClientConnectionsTests
{
    private sealed class Options : FitnessClientOptions
    {
    }

    private sealed class TrackingHandler : HttpMessageHandler
    {
        public bool Disposed { get; private set; }

        public int Requests { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            ObjectDisposedException.ThrowIf(Disposed, this);
            Requests++;
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("{}") });
        }

        protected override void Dispose(bool disposing)
        {
            Disposed = true;
            base.Dispose(disposing);
        }
    }

    private static FitnessPipelineSettings Settings() => new()
    {
        ServiceName = "Test",
    };

    [Test]
    public async Task Api_and_token_clients_share_the_callers_handler_and_never_dispose_it()
    {
        using var handler = new TrackingHandler();
        var connections = new ClientConnections(new Options { PrimaryHandler = handler });
        var api = connections.CreateApiClient(Settings(), new Uri("https://example.test/api"));

        Assert.That(api.BaseAddress, Is.EqualTo(new Uri("https://example.test/api/")));
        Assert.That(api.Timeout, Is.EqualTo(Timeout.InfiniteTimeSpan));
        Assert.That(connections.TokenHttpClient.Timeout, Is.EqualTo(ClientConnections.DefaultTokenRequestTimeout));
        await api.GetAsync(new Uri("activities", UriKind.Relative));
        await connections.TokenHttpClient.GetAsync(new Uri("https://example.test/oauth/token"));
        Assert.That(handler.Requests, Is.EqualTo(2));

        connections.Dispose();

        Assert.That(handler.Disposed, Is.False);
        Assert.That(() => api.GetAsync(new Uri("activities", UriKind.Relative)), Throws.InstanceOf<ObjectDisposedException>());
        Assert.That(() => connections.CreateApiClient(Settings(), new Uri("https://example.test/")), Throws.InstanceOf<ObjectDisposedException>());
    }

    [Test]
    public async Task Wrappers_sit_inside_and_outside_the_pipeline_in_that_order()
    {
        using var handler = new TrackingHandler();
        using var connections = new ClientConnections(new Options { PrimaryHandler = handler });
        var order = new List<string>();
        var api = connections.CreateApiClient(
            Settings(),
            new Uri("https://example.test/"),
            aroundPrimary: sender => new RecordingHandler("inner", order) { InnerHandler = sender },
            aroundPipeline: pipeline => new RecordingHandler("outer", order) { InnerHandler = pipeline });

        await api.GetAsync(new Uri("x", UriKind.Relative));

        Assert.That(order, Is.EqualTo(new[] { "outer", "inner" }));
    }

    [Test]
    public void Without_a_supplied_handler_it_creates_and_owns_a_pooled_one()
    {
        var connections = new ClientConnections(new Options { PooledConnectionLifetime = TimeSpan.FromSeconds(42) });
        Assert.That(connections.PrimaryHandler, Is.InstanceOf<SocketsHttpHandler>());
        Assert.That(((SocketsHttpHandler)connections.PrimaryHandler).PooledConnectionLifetime, Is.EqualTo(TimeSpan.FromSeconds(42)));
        connections.Dispose();
        Assert.That(() => ((SocketsHttpHandler)connections.PrimaryHandler).PooledConnectionLifetime = TimeSpan.Zero, Throws.InstanceOf<ObjectDisposedException>());
    }

    private sealed class RecordingHandler(string name, List<string> order) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            order.Add(name);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
