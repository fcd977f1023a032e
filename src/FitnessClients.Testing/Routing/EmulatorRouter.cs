using System.Collections.Immutable;
using System.Net;

namespace FitnessClients.Testing;

/// <summary>
/// Routes an <see cref="EmulatorRequest"/> to the handler registered for its method and path, relative to
/// <see cref="BasePath"/>. A path no route matches gets <see cref="NotFoundResponse"/>; a path that matches only routes
/// of other methods gets <see cref="MethodNotAllowedResponse"/> (405 with <c>Allow</c>), as Flask and Rails answer.
/// </summary>
/// <remarks>
/// When several templates match, the most specific wins (literal segments before captures before catch-alls, segment by
/// segment); among equally specific templates, the first registered. Registering is thread-safe and may happen while
/// requests are served.
/// </remarks>
/// <example>
/// <code>
/// var router = new EmulatorRouter();
/// var api = router.MapGroup("/api/v3");
/// api.MapGet("/activities/{id:long}", request => EmulatorResponses.Json(HttpStatusCode.OK, new { id = long.Parse(request.GetRouteValue("id"), CultureInfo.InvariantCulture) }));
/// </code>
/// </example>
public sealed class EmulatorRouter : IEmulatorRouteBuilder
{
    private readonly object _gate = new();
    private ImmutableList<EmulatorRoute> _routes = [];
    private string _basePath = "/";

    /// <summary>
    /// Where the service is mounted (default <c>/</c>): requests outside it get the not-found response, and templates match
    /// the path after it. Set it when a client points at a sub-path, e.g. a FitTrackee instance at <c>https://host/fittrackee/</c>.
    /// </summary>
    public string BasePath
    {
        get => _basePath;
        set
        {
            ArgumentException.ThrowIfNullOrEmpty(value);
            if (!value.StartsWith('/'))
            {
                throw new ArgumentException("The base path must start with '/'.", nameof(value));
            }

            _basePath = value.Length > 1 ? value.TrimEnd('/') : value;
            if (_basePath.Length == 0)
            {
                _basePath = "/";
            }
        }
    }

    /// <summary>Every registered route, in registration order.</summary>
    public IReadOnlyList<EmulatorRoute> Routes => _routes;

    /// <summary>Builds the answer when no route matches; the emulator replaces it with its service's 404 shape.</summary>
    public Func<EmulatorRequest, HttpResponseMessage> NotFoundResponse { get; set; } =
        _ => EmulatorResponses.Text(HttpStatusCode.NotFound, "Not Found");

    /// <summary>Builds the answer when the path matches but the method does not, given the allowed methods; the <c>Allow</c> header is added afterwards when missing.</summary>
    public Func<EmulatorRequest, IReadOnlyList<HttpMethod>, HttpResponseMessage> MethodNotAllowedResponse { get; set; } =
        (_, _) => EmulatorResponses.Text(HttpStatusCode.MethodNotAllowed, "Method Not Allowed");

    /// <inheritdoc />
    public EmulatorRoute Map(HttpMethod method, string template, Func<EmulatorRequest, CancellationToken, ValueTask<HttpResponseMessage>> handler)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(handler);
        var route = new EmulatorRoute(method, RouteTemplate.Parse(template), handler);
        lock (_gate)
        {
            var index = _routes.FindIndex(r => r.Method == route.Method && string.Equals(r.Template, route.Template, StringComparison.Ordinal));
            _routes = index >= 0 ? _routes.SetItem(index, route) : _routes.Add(route);
        }

        return route;
    }

    /// <inheritdoc />
    public IEmulatorRouteBuilder MapGroup(string prefix) => new EmulatorRouteGroup(this, prefix);

    /// <summary>Removes <paramref name="route"/>, e.g. to make an endpoint disappear in a test.</summary>
    /// <param name="route">A route this router returned.</param>
    /// <returns>Whether it was registered.</returns>
    public bool Remove(EmulatorRoute route)
    {
        lock (_gate)
        {
            var before = _routes;
            _routes = _routes.Remove(route);
            return !ReferenceEquals(before, _routes);
        }
    }

    /// <summary>Finds the route for <paramref name="request"/>, fills <see cref="EmulatorRequest.RouteValues"/> and runs its handler.</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancelled when the client gives up or the server stops.</param>
    public ValueTask<HttpResponseMessage> RouteAsync(EmulatorRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.IsUnderBasePath)
        {
            return ValueTask.FromResult(NotFoundResponse(request));
        }

        var path = RouteTemplate.SplitPath(request.Path);
        EmulatorRoute? best = null;
        Dictionary<string, string>? bestValues = null;
        var allowed = new List<HttpMethod>();
        foreach (var route in _routes)
        {
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            if (!route.ParsedTemplate.TryMatch(path, values))
            {
                continue;
            }

            if (route.Method != request.Method)
            {
                if (!allowed.Contains(route.Method))
                {
                    allowed.Add(route.Method);
                }

                continue;
            }

            if (best is null || route.ParsedTemplate.CompareSpecificity(best.ParsedTemplate) < 0)
            {
                best = route;
                bestValues = values;
            }
        }

        if (best is not null)
        {
            request.RouteValues = bestValues!;
            return best.Handler(request, cancellationToken);
        }

        if (allowed.Count == 0)
        {
            return ValueTask.FromResult(NotFoundResponse(request));
        }

        var response = MethodNotAllowedResponse(request, allowed);
        if (response.Content is null || response.Content.Headers.Allow.Count == 0)
        {
            response.Content ??= new ByteArrayContent([]);
            foreach (var method in allowed)
            {
                response.Content.Headers.Allow.Add(method.Method);
            }
        }

        return ValueTask.FromResult(response);
    }
}
