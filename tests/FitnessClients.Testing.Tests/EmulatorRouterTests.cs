using System.Net;
using FitnessClients.Testing;

namespace FitnessClients.Testing.Tests;

public class EmulatorRouterTests
{
    private static EmulatorRouter CreateRouter(List<string> hits)
    {
        var router = new EmulatorRouter();
        HttpResponseMessage Hit(string name, EmulatorRequest request)
        {
            hits.Add(name + string.Concat(request.RouteValues.OrderBy(v => v.Key).Select(v => $" {v.Key}={v.Value}")));
            return EmulatorResponses.Empty(HttpStatusCode.OK);
        }

        router.MapGet("/activities", r => Hit("list", r));
        router.MapGet("/activities/{id}", r => Hit("get", r));
        router.MapPut("/activities/{id}", r => Hit("put", r));
        router.MapGet("/activities/{id:long}/streams", r => Hit("streams", r));
        router.MapGet("/activities/uploads", r => Hit("uploads", r));
        router.MapGet("/files/{*rest}", r => Hit("files", r));
        return router;
    }

    private static async Task<(HttpStatusCode Status, List<string> Hits, HttpResponseMessage Response)> RouteAsync(string method, string path, string basePath = "/")
    {
        var hits = new List<string>();
        var router = CreateRouter(hits);
        router.BasePath = basePath;
        var response = await router.RouteAsync(TestRequests.Create(new HttpMethod(method), "https://svc.test" + path, basePath: router.BasePath));
        return (response.StatusCode, hits, response);
    }

    [TestCase("/activities", "list")]
    [TestCase("/activities/42", "get id=42")]
    [TestCase("/activities/uploads", "uploads")]
    [TestCase("/activities/42/streams", "streams id=42")]
    [TestCase("/files/a/b/c.fit", "files rest=a/b/c.fit")]
    [TestCase("/files", "files rest=")]
    [TestCase("/activities/hello%20world", "get id=hello world")]
    [TestCase("/activities/42?include_all_efforts=true", "get id=42")]
    public async Task Matches_literals_captures_and_catch_alls_most_specific_first(string path, string expected)
    {
        var (status, hits, _) = await RouteAsync("GET", path);
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(hits, Is.EqualTo(new[] { expected }));
    }

    [TestCase("/activities/abc/streams")] // the long constraint rejects abc
    [TestCase("/activities/42/laps")]
    [TestCase("/Activities")] // paths are case-sensitive
    [TestCase("/activities/")] // a trailing slash is significant
    [TestCase("/nothing")]
    public async Task Unmatched_paths_get_the_not_found_response(string path)
    {
        var (status, hits, _) = await RouteAsync("GET", path);
        Assert.That(status, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(hits, Is.Empty);
    }

    [Test]
    public async Task A_path_matched_only_by_other_methods_gets_405_with_Allow()
    {
        var (status, hits, response) = await RouteAsync("DELETE", "/activities/42");
        Assert.That(status, Is.EqualTo(HttpStatusCode.MethodNotAllowed));
        Assert.That(hits, Is.Empty);
        Assert.That(response.Content.Headers.Allow, Is.EquivalentTo(new[] { "GET", "PUT" }));
    }

    [Test]
    public async Task Routes_match_relative_to_the_base_path_and_paths_outside_it_are_not_found()
    {
        var (status, hits, _) = await RouteAsync("GET", "/fittrackee/activities/7", basePath: "/fittrackee/");
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(hits, Is.EqualTo(new[] { "get id=7" }));

        (status, hits, _) = await RouteAsync("GET", "/activities/7", basePath: "/fittrackee");
        Assert.That(status, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(hits, Is.Empty);
    }

    [Test]
    public async Task The_emulator_chooses_the_not_found_and_405_responses()
    {
        var router = new EmulatorRouter
        {
            NotFoundResponse = _ => EmulatorResponses.Json(HttpStatusCode.NotFound, """{"message":"Record Not Found"}"""),
            MethodNotAllowedResponse = (_, allowed) => EmulatorResponses.Json(HttpStatusCode.MethodNotAllowed, $$"""{"allowed":{{allowed.Count}}}"""),
        };
        router.MapPost("/uploads", _ => EmulatorResponses.Empty());

        var notFound = await router.RouteAsync(TestRequests.Create(HttpMethod.Get, "https://svc.test/missing"));
        Assert.That(await notFound.Content.ReadAsStringAsync(), Is.EqualTo("""{"message":"Record Not Found"}"""));
        var wrongMethod = await router.RouteAsync(TestRequests.Create(HttpMethod.Get, "https://svc.test/uploads"));
        Assert.That(await wrongMethod.Content.ReadAsStringAsync(), Is.EqualTo("""{"allowed":1}"""));
        Assert.That(wrongMethod.Content.Headers.Allow, Is.EquivalentTo(new[] { "POST" }));
    }

    [Test]
    public async Task Registering_the_same_method_and_template_replaces_the_handler()
    {
        var router = new EmulatorRouter();
        router.MapGet("/athlete", _ => EmulatorResponses.Text(HttpStatusCode.OK, "original"));
        router.MapGet("/athlete", _ => EmulatorResponses.Text(HttpStatusCode.OK, "override"));
        var response = await router.RouteAsync(TestRequests.Create(HttpMethod.Get, "https://svc.test/athlete"));
        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("override"));
        Assert.That(router.Routes, Has.Count.EqualTo(1));

        Assert.That(router.Remove(router.Routes[0]), Is.True);
        response = await router.RouteAsync(TestRequests.Create(HttpMethod.Get, "https://svc.test/athlete"));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task Groups_prefix_their_templates()
    {
        var router = new EmulatorRouter();
        var api = router.MapGroup("/api/v3/");
        api.MapGet("/athlete", _ => EmulatorResponses.Empty(HttpStatusCode.OK));
        api.MapGroup("/uploads").MapGet("/{id}", _ => EmulatorResponses.Empty(HttpStatusCode.Accepted));

        Assert.That(router.Routes.Select(r => r.ToString()), Is.EqualTo(new[] { "GET /api/v3/athlete", "GET /api/v3/uploads/{id}" }));
        var response = await router.RouteAsync(TestRequests.Create(HttpMethod.Get, "https://svc.test/api/v3/uploads/9"));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
    }

    [TestCase("activities")]
    [TestCase("/a/{*rest}/b")]
    [TestCase("/a/{id:float}")]
    [TestCase("/a/{}")]
    [TestCase("/a/x{id}")]
    [TestCase("/a/{id}/{id}")]
    public void Rejects_malformed_templates(string template)
    {
        var router = new EmulatorRouter();
        Assert.That(() => router.MapGet(template, _ => EmulatorResponses.Empty()), Throws.ArgumentException);
    }
}
