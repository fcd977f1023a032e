using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using FitnessClients.Testing;

namespace FitnessClients.Testing.Tests;

public class EmulatorRequestTests
{
    [Test]
    public void Parses_a_multi_valued_query_with_encoded_values()
    {
        var request = TestRequests.Create(HttpMethod.Get, "https://svc.test/a?ids=1&ids=2&name=morning+run&q=%C3%A9t%C3%A9&flag");
        Assert.That(request.GetQueryValues("ids"), Is.EqualTo(new[] { "1", "2" }));
        Assert.That(request.GetQueryValue("name"), Is.EqualTo("morning run"));
        Assert.That(request.GetQueryValue("q"), Is.EqualTo("été"));
        Assert.That(request.GetQueryValue("flag"), Is.EqualTo(string.Empty));
        Assert.That(request.GetQueryValue("IDS"), Is.Null);
        Assert.That(request.GetQueryValues("missing"), Is.Empty);
    }

    [Test]
    public void Reads_request_and_content_headers_and_the_bearer_token()
    {
        var request = TestRequests.Create(HttpMethod.Post, "https://svc.test/a", new StringContent("{}", Encoding.UTF8, "application/json"));
        request.Message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "tok-123");
        request.Message.Headers.TryAddWithoutValidation("X-Multi", ["a", "b"]);

        Assert.That(request.GetBearerToken(), Is.EqualTo("tok-123"));
        Assert.That(request.GetHeader("content-type"), Is.EqualTo("application/json; charset=utf-8"));
        Assert.That(request.GetHeader("X-Multi"), Is.EqualTo("a, b"));
        Assert.That(request.GetHeader("X-Missing"), Is.Null);
        Assert.That(request.MediaType, Is.EqualTo("application/json"));
    }

    [Test]
    public void Reads_a_form_body()
    {
        var request = TestRequests.Create(HttpMethod.Post, "https://svc.test/oauth/token",
            new FormUrlEncodedContent([new("grant_type", "refresh_token"), new("scope", "read activity:read_all"), new("x", "1"), new("x", "2")]));
        Assert.That(request.GetFormValue("grant_type"), Is.EqualTo("refresh_token"));
        Assert.That(request.GetFormValue("scope"), Is.EqualTo("read activity:read_all"));
        Assert.That(request.ReadForm()["x"], Is.EqualTo(new[] { "1", "2" }));
    }

    [Test]
    public void A_body_of_another_type_is_not_a_form()
    {
        var request = TestRequests.Create(HttpMethod.Post, "https://svc.test/a", new StringContent("a=b", Encoding.UTF8, "text/plain"));
        Assert.That(request.ReadForm(), Is.Empty);
        Assert.That(request.ReadBodyAsString(), Is.EqualTo("a=b"));
    }

    [Test]
    public void Reads_a_JSON_body_as_a_node_or_a_type()
    {
        var request = TestRequests.Create(HttpMethod.Post, "https://svc.test/a", JsonContent.Create(new { name = "Lunch ride", distance = 20.5 }));
        Assert.That(request.ReadJsonNode()!["name"]!.GetValue<string>(), Is.EqualTo("Lunch ride"));
        Assert.That(request.ReadJson<Dictionary<string, object>>()!.Keys, Is.EquivalentTo(new[] { "name", "distance" }));
    }

    [Test]
    public void Decodes_the_body_with_the_declared_charset()
    {
        var request = TestRequests.Create(HttpMethod.Post, "https://svc.test/a", new StringContent("Zürich", Encoding.Latin1, "text/plain"));
        Assert.That(request.ReadBodyAsString(), Is.EqualTo("Zürich"));
    }

    [Test]
    public void Computes_the_path_relative_to_the_base_path()
    {
        var request = TestRequests.Create(HttpMethod.Get, "https://svc.test/base/api/x%2Fy?z=1", basePath: "/base");
        Assert.That(request.FullPath, Is.EqualTo("/base/api/x%2Fy"));
        Assert.That(request.Path, Is.EqualTo("/api/x%2Fy"));
        Assert.That(request.IsUnderBasePath, Is.True);
        Assert.That(TestRequests.Create(HttpMethod.Get, "https://svc.test/baseball", basePath: "/base").IsUnderBasePath, Is.False);
    }

    [Test]
    public void ToString_hides_secret_query_values()
    {
        var request = TestRequests.Create(HttpMethod.Get, "https://svc.test/a?access_token=abc123&page=2");
        Assert.That(request.ToString(), Does.Not.Contain("abc123").And.Contain("page=2"));
    }
}
