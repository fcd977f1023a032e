using System.Net;
using System.Net.Http.Headers;
using System.Text;
using FitnessClients.Core.Http;

namespace FitnessClients.Core.Tests.Http;

public class HttpRequestReplayTests
{
    private static readonly HttpRequestOptionsKey<string> Marker = new("test.marker");

    [Test]
    public async Task Clone_copies_method_uri_version_headers_options_body_and_content_headers()
    {
        using var original = new HttpRequestMessage(HttpMethod.Put, "https://api.example.test/v1/items/7?x=1")
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes("{\"a\":1}"))),
        };
        original.Headers.TryAddWithoutValidation("X-Custom", "one");
        original.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "abc");
        original.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        original.Content.Headers.TryAddWithoutValidation("Content-Language", "de");
        original.Options.Set(Marker, "kept");

        await HttpRequestReplay.EnsureBufferedAsync(original, CancellationToken.None);
        using var clone = await HttpRequestReplay.CloneAsync(original, CancellationToken.None);

        Assert.That(clone, Is.Not.SameAs(original));
        Assert.That(clone.Method, Is.EqualTo(HttpMethod.Put));
        Assert.That(clone.RequestUri, Is.EqualTo(original.RequestUri));
        Assert.That(clone.Version, Is.EqualTo(HttpVersion.Version20));
        Assert.That(clone.VersionPolicy, Is.EqualTo(HttpVersionPolicy.RequestVersionExact));
        Assert.That(clone.Headers.GetValues("X-Custom"), Is.EqualTo(new[] { "one" }));
        Assert.That(clone.Headers.Authorization?.ToString(), Is.EqualTo("Bearer abc"));
        Assert.That(clone.Options.TryGetValue(Marker, out var marker), Is.True);
        Assert.That(marker, Is.EqualTo("kept"));
        Assert.That(clone.Content, Is.Not.Null.And.Not.SameAs(original.Content));
        Assert.That(clone.Content!.Headers.ContentType?.ToString(), Is.EqualTo("application/json; charset=utf-8"));
        Assert.That(clone.Content.Headers.ContentLanguage, Is.EqualTo(new[] { "de" }));
        Assert.That(await clone.Content.ReadAsStringAsync(), Is.EqualTo("{\"a\":1}"));

        // The original's stream was read into the buffer once; it can still be read, as can a second copy.
        Assert.That(await original.Content.ReadAsStringAsync(), Is.EqualTo("{\"a\":1}"));
        using var second = await HttpRequestReplay.CloneAsync(original, CancellationToken.None);
        Assert.That(await second.Content!.ReadAsStringAsync(), Is.EqualTo("{\"a\":1}"));
    }

    [Test]
    public async Task Clone_of_a_request_without_body_has_no_body()
    {
        using var original = new HttpRequestMessage(HttpMethod.Get, "https://api.example.test/v1/items");

        await HttpRequestReplay.EnsureBufferedAsync(original, CancellationToken.None);
        using var clone = await HttpRequestReplay.CloneAsync(original, CancellationToken.None);

        Assert.That(clone.Content, Is.Null);
        Assert.That(clone.Method, Is.EqualTo(HttpMethod.Get));
    }
}
