using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using FitnessClients.Testing;

namespace FitnessClients.Testing.Tests;

/// <summary>A tiny service built on the kit, the way the real emulators will be: state, routes, its own 404, an OAuth endpoint.</summary>
internal sealed class TestEmulator : ServiceEmulator
{
    private readonly Dictionary<long, string> _items = new() { [1] = "first", [2] = "second" };
    private long _nextId = 3;

    public TestEmulator(TimeProvider clock)
        : base(clock)
    {
        OAuth = new OAuthTokenEndpointEmulator(clock);
        OAuth.RegisterClient("client-1", "secret-1");
        OAuth.MapRoutes(Router, "/oauth/token", "/oauth/revoke");

        var api = Router.MapGroup("/api");
        api.MapGet("/items", _ =>
        {
            lock (SyncRoot)
            {
                return EmulatorResponses.Json(HttpStatusCode.OK, new JsonArray([.. _items.OrderBy(i => i.Key).Select(i => (JsonNode)new JsonObject { ["id"] = i.Key, ["name"] = i.Value })]));
            }
        });
        api.MapGet("/items/{id:long}", request =>
        {
            var id = long.Parse(request.GetRouteValue("id"), CultureInfo.InvariantCulture);
            lock (SyncRoot)
            {
                return _items.TryGetValue(id, out var name)
                    ? EmulatorResponses.Json(HttpStatusCode.OK, new JsonObject { ["id"] = id, ["name"] = name })
                    : EmulatorResponses.Json(HttpStatusCode.NotFound, """{"message":"Record Not Found"}""");
            }
        });
        api.MapPost("/items", request =>
        {
            var name = request.ReadJsonNode()?["name"]?.GetValue<string>() ?? "";
            lock (SyncRoot)
            {
                var id = _nextId++;
                _items[id] = name;
                return EmulatorResponses.Json(HttpStatusCode.Created, new JsonObject { ["id"] = id, ["name"] = name });
            }
        });
        api.MapPost("/upload", request =>
        {
            var form = request.ReadMultipart();
            var parts = new JsonArray([.. form.Parts.Select(p => (JsonNode)new JsonObject
            {
                ["name"] = p.Name,
                ["fileName"] = p.FileName,
                ["length"] = p.Data.Length,
                ["sha"] = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(p.Data.Span)),
            })]);
            return EmulatorResponses.Json(HttpStatusCode.Created, new JsonObject { ["parts"] = parts, ["bodyLength"] = request.Body.Length });
        });
        api.MapGet("/download/{size:long}", request =>
        {
            var response = EmulatorResponses.Generated(long.Parse(request.GetRouteValue("size"), CultureInfo.InvariantCulture), seed: 42);
            LastDownload = (GeneratedContent)response.Content;
            return response;
        });
        api.MapGet("/stream/{size:int}", request =>
        {
            var size = int.Parse(request.GetRouteValue("size"), CultureInfo.InvariantCulture);
            return EmulatorResponses.Stream(() => new MemoryStream(Enumerable.Range(0, size).Select(i => (byte)i).ToArray()), "application/octet-stream");
        });
        api.MapGet("/echo", request => EmulatorResponses.Json(HttpStatusCode.OK, new JsonObject
        {
            ["path"] = request.Path,
            ["query"] = new JsonObject([.. request.Query.Select(q => KeyValuePair.Create(q.Key, (JsonNode?)new JsonArray([.. q.Value.Select(v => (JsonNode)v!)])))]),
            ["userAgent"] = request.GetHeader("User-Agent"),
        }).WithHeader("X-Custom", "yes"));
        api.MapGet("/boom", _ => throw new InvalidOperationException("handler bug"));
        api.MapGet("/me", request =>
            OAuth.Authenticate(request) is { } caller
                ? EmulatorResponses.Json(HttpStatusCode.OK, new JsonObject { ["subject"] = caller.Subject, ["scopes"] = string.Join(',', caller.Scopes) })
                : EmulatorResponses.Json(HttpStatusCode.Unauthorized, """{"message":"Authorization Error"}"""));
        Router.Map(HttpMethod.Head, "/api/items", _ => EmulatorResponses.Json(HttpStatusCode.OK, "[1,2]"));
    }

    public OAuthTokenEndpointEmulator OAuth { get; }

    public GeneratedContent? LastDownload { get; private set; }

    public override Uri DefaultBaseAddress => new("https://api.example.test/");

    protected override HttpResponseMessage CreateNotFoundResponse(EmulatorRequest request) =>
        EmulatorResponses.Json(HttpStatusCode.NotFound, """{"error":"no such endpoint"}""");
}
