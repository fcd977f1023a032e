using System.Net;
using System.Text.Json.Nodes;
using FitnessClients.Testing;

namespace FitnessClients.Testing.Tests;

public class EmulatorResponsesTests
{
    [Test]
    public async Task Json_responses_serialise_objects_nodes_and_raw_text_with_a_length()
    {
        using var fromObject = EmulatorResponses.Json(HttpStatusCode.OK, new { id = 1, name = "Run" });
        using var fromNode = EmulatorResponses.Json(HttpStatusCode.Created, new JsonObject { ["id"] = 2 });
        using var fromText = EmulatorResponses.Json(HttpStatusCode.BadRequest, """{"error":"x"}""");

        Assert.That(await fromObject.Content.ReadAsStringAsync(), Is.EqualTo("""{"id":1,"name":"Run"}"""));
        Assert.That(await fromNode.Content.ReadAsStringAsync(), Is.EqualTo("""{"id":2}"""));
        Assert.That(await fromText.Content.ReadAsStringAsync(), Is.EqualTo("""{"error":"x"}"""));
        Assert.That(fromObject.Content.Headers.ContentType!.ToString(), Is.EqualTo("application/json; charset=utf-8"));
        Assert.That(fromObject.Content.Headers.ContentLength, Is.EqualTo(21));
        Assert.That(fromNode.StatusCode, Is.EqualTo(HttpStatusCode.Created));
    }

    [Test]
    public async Task Html_pages_encode_the_title_and_error_pages_look_like_their_sources()
    {
        using var page = EmulatorResponses.Html(HttpStatusCode.ServiceUnavailable, "Down <for> maintenance", "<p>Back soon</p>");
        var html = await page.Content.ReadAsStringAsync();
        Assert.That(html, Does.Contain("<title>Down &lt;for&gt; maintenance</title>").And.Contain("<p>Back soon</p>"));
        Assert.That(page.Content.Headers.ContentType!.MediaType, Is.EqualTo("text/html"));

        using var nginx = HtmlErrorPages.NginxError(HttpStatusCode.GatewayTimeout);
        Assert.That(await nginx.Content.ReadAsStringAsync(), Does.Contain("<title>504 Gateway Timeout</title>"));
        using var origin = HtmlErrorPages.CloudflareOriginError(522);
        Assert.That((int)origin.StatusCode, Is.EqualTo(522));
    }

    [Test]
    public async Task Stream_responses_open_their_source_only_when_read()
    {
        var opened = 0;
        using var response = EmulatorResponses.Stream(() =>
        {
            opened++;
            return new MemoryStream([1, 2, 3]);
        }, "application/gpx+xml", length: 3);
        Assert.That(opened, Is.Zero);
        Assert.That(response.Content.Headers.ContentLength, Is.EqualTo(3));
        Assert.That(await response.Content.ReadAsByteArrayAsync(), Is.EqualTo(new byte[] { 1, 2, 3 }));
        Assert.That(opened, Is.EqualTo(1));
    }

    [Test]
    public void Header_helpers_put_content_headers_on_the_content()
    {
        using var response = EmulatorResponses.Empty(HttpStatusCode.OK)
            .WithHeader("X-RateLimit-Limit", "200,2000")
            .WithHeader("Content-Disposition", "attachment; filename=\"a.fit\"")
            .WithRetryAfter(TimeSpan.FromSeconds(1.2));
        Assert.That(response.Headers.GetValues("X-RateLimit-Limit").Single(), Is.EqualTo("200,2000"));
        Assert.That(response.Content.Headers.ContentDisposition!.FileName, Is.EqualTo("a.fit"));
        Assert.That(response.Headers.RetryAfter!.Delta, Is.EqualTo(TimeSpan.FromSeconds(2)));
        Assert.That(EmulatorResponses.Empty().StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(EmulatorResponses.Redirect("/login").Headers.Location!.OriginalString, Is.EqualTo("/login"));
    }
}
