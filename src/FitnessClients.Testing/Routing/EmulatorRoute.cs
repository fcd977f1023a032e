namespace FitnessClients.Testing;

/// <summary>A registered route: a method, a path template and the handler that answers it.</summary>
public sealed class EmulatorRoute
{
    internal EmulatorRoute(HttpMethod method, RouteTemplate template, Func<EmulatorRequest, CancellationToken, ValueTask<HttpResponseMessage>> handler)
    {
        Method = method;
        ParsedTemplate = template;
        Handler = handler;
    }

    /// <summary>The method the route answers.</summary>
    public HttpMethod Method { get; }

    /// <summary>The normalised template, relative to the router's base path.</summary>
    public string Template => ParsedTemplate.Text;

    /// <summary>The handler.</summary>
    public Func<EmulatorRequest, CancellationToken, ValueTask<HttpResponseMessage>> Handler { get; }

    internal RouteTemplate ParsedTemplate { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Method} {Template}";
}
