namespace FitnessClients.Testing;

/// <summary>Registers routes on a router under a common prefix (a service's API root, such as Strava's <c>/api/v3</c>).</summary>
internal sealed class EmulatorRouteGroup(IEmulatorRouteBuilder parent, string prefix) : IEmulatorRouteBuilder
{
    private readonly string _prefix = Normalize(prefix);

    public EmulatorRoute Map(HttpMethod method, string template, Func<EmulatorRequest, CancellationToken, ValueTask<HttpResponseMessage>> handler)
    {
        ArgumentException.ThrowIfNullOrEmpty(template);
        return parent.Map(method, template == "/" ? _prefix : _prefix + template, handler);
    }

    public IEmulatorRouteBuilder MapGroup(string prefix) => new EmulatorRouteGroup(this, prefix);

    private static string Normalize(string prefix)
    {
        ArgumentException.ThrowIfNullOrEmpty(prefix);
        if (!prefix.StartsWith('/'))
        {
            throw new ArgumentException("A route group prefix must start with '/'.", nameof(prefix));
        }

        return prefix.TrimEnd('/');
    }
}
