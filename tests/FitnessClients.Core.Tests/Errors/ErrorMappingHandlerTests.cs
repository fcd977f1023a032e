using System.Net;
using FitnessClients.Core.Http;
using FitnessClients.Testing;
using RichardSzalay.MockHttp;

namespace FitnessClients.Core.Tests.Errors;

public class ErrorMappingHandlerTests
{
    private const string Url = "https://demo.fittrackee.example/api/workouts";

    private static HttpClient Client(HttpMessageHandler inner, ErrorMappingOptions? options = null) =>
        new(new ErrorMappingHandler(options ?? new ErrorMappingOptions { ServiceName = "fittrackee" }, new FakeTimeProvider(FakeTimeDefaults.Start)) { InnerHandler = inner });

    [Test]
    public async Task Successful_and_redirect_responses_pass_through()
    {
        var mock = new MockHttpMessageHandler();
        mock.When(Url).Respond(HttpStatusCode.OK, "application/json", "{}");
        mock.When(Url + "/moved").Respond(_ => new HttpResponseMessage(HttpStatusCode.Found) { Headers = { Location = new Uri("https://elsewhere.example/") } });
        using var client = Client(mock);

        using var ok = await client.GetAsync(Url);
        using var moved = await client.GetAsync(Url + "/moved");

        Assert.That(ok.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(moved.StatusCode, Is.EqualTo(HttpStatusCode.Found));
    }

    [Test]
    public void A_failed_response_is_mapped_and_disposed()
    {
        var content = new TrackingContent("""{"status":"error","message":"Error during workout save."}""");
        var mock = new MockHttpMessageHandler();
        mock.When(HttpMethod.Post, Url).Respond(_ => new HttpResponseMessage(HttpStatusCode.InternalServerError) { Content = content });
        using var client = Client(mock);

        var ex = Assert.ThrowsAsync<ServiceUnavailableException>(() => client.PostAsync(Url, new StringContent("{}")));

        Assert.That(ex!.Message, Is.EqualTo("fittrackee POST https://demo.fittrackee.example/api/workouts failed: 500 Internal Server Error: Error during workout save."));
        Assert.That(content.Disposed, Is.True);
    }

    [Test]
    public void A_custom_mapper_turns_a_413_into_a_size_limit_message()
    {
        var options = new ErrorMappingOptions
        {
            ServiceName = "fittrackee",
            CustomMapper = info => info.StatusCode == HttpStatusCode.RequestEntityTooLarge
                ? new FitnessApiException($"{info.Summary}. The file is larger than the server's upload limit (MAX_CONTENT_LENGTH).") { StatusCode = info.StatusCode, Service = info.Service }
                : null,
        };
        var mock = new MockHttpMessageHandler();
        mock.When(HttpMethod.Post, Url).Respond(HttpStatusCode.RequestEntityTooLarge, "text/html", "<html><head><title>413 Request Entity Too Large</title></head></html>");
        using var client = Client(mock, options);

        var ex = Assert.ThrowsAsync<FitnessApiException>(() => client.PostAsync(Url, new StringContent("x")));

        Assert.That(ex!.Message, Does.Contain("HTML page: 413 Request Entity Too Large").And.EndWith("upload limit (MAX_CONTENT_LENGTH)."));
    }

    [Test]
    public void Exceptions_from_inner_handlers_are_mapped_or_passed_through()
    {
        var inner = new ThrowingHandler();
        using var client = Client(inner);

        inner.Next = new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused");
        Assert.ThrowsAsync<ServiceUnavailableException>(() => client.GetAsync(Url));

        var own = new AuthenticationRequiredException("no token stored for account 'ann'; sign in");
        inner.Next = own;
        Assert.That(Assert.ThrowsAsync<AuthenticationRequiredException>(() => client.GetAsync(Url)), Is.SameAs(own));

        var foreign = new InvalidOperationException("bug");
        inner.Next = foreign;
        Assert.That(Assert.ThrowsAsync<InvalidOperationException>(() => client.GetAsync(Url)), Is.SameAs(foreign));
    }

    [Test]
    public void The_callers_cancellation_stays_an_OperationCanceledException()
    {
        var mock = new MockHttpMessageHandler();
        mock.When(Url).Respond(() => new TaskCompletionSource<HttpResponseMessage>().Task);
        using var client = Client(mock);
        using var cts = new CancellationTokenSource();

        var call = client.GetAsync(Url, cts.Token);
        cts.Cancel();

        var ex = Assert.CatchAsync<OperationCanceledException>(() => call);
        Assert.That(ex, Is.Not.InstanceOf<FitnessApiException>());
    }

    [Test]
    public void A_service_name_is_required()
    {
        Assert.Throws<ArgumentException>(() => _ = new ErrorMappingHandler(new ErrorMappingOptions()));
    }

    [Test]
    public void Synchronous_sends_are_refused_rather_than_bypassing_the_mapping()
    {
        using var client = Client(new MockHttpMessageHandler());

        Assert.Throws<NotSupportedException>(() => client.Send(new HttpRequestMessage(HttpMethod.Get, Url)));
    }

    private sealed class ThrowingHandler : HttpMessageHandler
    {
        public Exception? Next { get; set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromException<HttpResponseMessage>(Next ?? new InvalidOperationException("no failure set"));
    }
}
