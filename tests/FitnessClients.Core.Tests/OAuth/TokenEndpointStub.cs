using System.Net;
using System.Text;
using System.Web;
using RichardSzalay.MockHttp;

namespace FitnessClients.Core.Tests.OAuth;

/// <summary>A MockHttp token endpoint that records what each request carried.</summary>
internal sealed class TokenEndpointStub
{
    public static readonly Uri Endpoint = new("https://auth.example/oauth/token");

    private readonly MockHttpMessageHandler _mock = new();

    public List<RecordedRequest> Requests { get; } = [];

    public HttpClient CreateClient() => _mock.ToHttpClient();

    public TokenEndpointStub Respond(HttpStatusCode status, string body, string mediaType = "application/json", Action<HttpResponseMessage>? configure = null)
    {
        _mock.When(HttpMethod.Post, Endpoint.AbsoluteUri).Respond(async request =>
        {
            Requests.Add(await RecordedRequest.FromAsync(request));
            var response = new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, mediaType) };
            configure?.Invoke(response);
            return response;
        });
        return this;
    }

    public TokenEndpointStub Throw(Exception exception)
    {
        _mock.When(HttpMethod.Post, Endpoint.AbsoluteUri).Throw(exception);
        return this;
    }

    internal sealed record RecordedRequest(HttpMethod Method, Uri Uri, string? Authorization, string? ContentType, string? Accept, string Body)
    {
        public Dictionary<string, string> Form
        {
            get
            {
                var parsed = HttpUtility.ParseQueryString(Body);
                return parsed.AllKeys.ToDictionary(k => k!, k => parsed[k]!);
            }
        }

        public static async Task<RecordedRequest> FromAsync(HttpRequestMessage request) =>
            new(
                request.Method,
                request.RequestUri!,
                request.Headers.Authorization?.ToString(),
                request.Content?.Headers.ContentType?.MediaType,
                request.Headers.Accept.ToString(),
                request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync());
    }
}
