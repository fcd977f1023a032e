namespace FitnessClients.Testing;

/// <summary>Shortcuts for registering routes by method, with asynchronous or synchronous handlers.</summary>
public static class EmulatorRouteBuilderExtensions
{
    /// <summary>Registers a synchronous handler; most emulator endpoints compute their answer from in-memory state.</summary>
    /// <param name="builder">The router or group.</param>
    /// <param name="method">The HTTP method.</param>
    /// <param name="template">The path template (see <see cref="IEmulatorRouteBuilder.Map"/>).</param>
    /// <param name="handler">Answers the request.</param>
    public static EmulatorRoute Map(this IEmulatorRouteBuilder builder, HttpMethod method, string template, Func<EmulatorRequest, HttpResponseMessage> handler)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(handler);
        return builder.Map(method, template, (request, _) => ValueTask.FromResult(handler(request)));
    }

    /// <summary>Registers a <c>GET</c> route.</summary>
    /// <param name="builder">The router or group.</param>
    /// <param name="template">The path template.</param>
    /// <param name="handler">Answers the request.</param>
    public static EmulatorRoute MapGet(this IEmulatorRouteBuilder builder, string template, Func<EmulatorRequest, CancellationToken, ValueTask<HttpResponseMessage>> handler) =>
        Checked(builder).Map(HttpMethod.Get, template, handler);

    /// <summary>Registers a <c>GET</c> route with a synchronous handler.</summary>
    /// <param name="builder">The router or group.</param>
    /// <param name="template">The path template.</param>
    /// <param name="handler">Answers the request.</param>
    public static EmulatorRoute MapGet(this IEmulatorRouteBuilder builder, string template, Func<EmulatorRequest, HttpResponseMessage> handler) =>
        builder.Map(HttpMethod.Get, template, handler);

    /// <summary>Registers a <c>POST</c> route.</summary>
    /// <param name="builder">The router or group.</param>
    /// <param name="template">The path template.</param>
    /// <param name="handler">Answers the request.</param>
    public static EmulatorRoute MapPost(this IEmulatorRouteBuilder builder, string template, Func<EmulatorRequest, CancellationToken, ValueTask<HttpResponseMessage>> handler) =>
        Checked(builder).Map(HttpMethod.Post, template, handler);

    /// <summary>Registers a <c>POST</c> route with a synchronous handler.</summary>
    /// <param name="builder">The router or group.</param>
    /// <param name="template">The path template.</param>
    /// <param name="handler">Answers the request.</param>
    public static EmulatorRoute MapPost(this IEmulatorRouteBuilder builder, string template, Func<EmulatorRequest, HttpResponseMessage> handler) =>
        builder.Map(HttpMethod.Post, template, handler);

    /// <summary>Registers a <c>PUT</c> route.</summary>
    /// <param name="builder">The router or group.</param>
    /// <param name="template">The path template.</param>
    /// <param name="handler">Answers the request.</param>
    public static EmulatorRoute MapPut(this IEmulatorRouteBuilder builder, string template, Func<EmulatorRequest, CancellationToken, ValueTask<HttpResponseMessage>> handler) =>
        Checked(builder).Map(HttpMethod.Put, template, handler);

    /// <summary>Registers a <c>PUT</c> route with a synchronous handler.</summary>
    /// <param name="builder">The router or group.</param>
    /// <param name="template">The path template.</param>
    /// <param name="handler">Answers the request.</param>
    public static EmulatorRoute MapPut(this IEmulatorRouteBuilder builder, string template, Func<EmulatorRequest, HttpResponseMessage> handler) =>
        builder.Map(HttpMethod.Put, template, handler);

    /// <summary>Registers a <c>PATCH</c> route.</summary>
    /// <param name="builder">The router or group.</param>
    /// <param name="template">The path template.</param>
    /// <param name="handler">Answers the request.</param>
    public static EmulatorRoute MapPatch(this IEmulatorRouteBuilder builder, string template, Func<EmulatorRequest, CancellationToken, ValueTask<HttpResponseMessage>> handler) =>
        Checked(builder).Map(HttpMethod.Patch, template, handler);

    /// <summary>Registers a <c>PATCH</c> route with a synchronous handler.</summary>
    /// <param name="builder">The router or group.</param>
    /// <param name="template">The path template.</param>
    /// <param name="handler">Answers the request.</param>
    public static EmulatorRoute MapPatch(this IEmulatorRouteBuilder builder, string template, Func<EmulatorRequest, HttpResponseMessage> handler) =>
        builder.Map(HttpMethod.Patch, template, handler);

    /// <summary>Registers a <c>DELETE</c> route.</summary>
    /// <param name="builder">The router or group.</param>
    /// <param name="template">The path template.</param>
    /// <param name="handler">Answers the request.</param>
    public static EmulatorRoute MapDelete(this IEmulatorRouteBuilder builder, string template, Func<EmulatorRequest, CancellationToken, ValueTask<HttpResponseMessage>> handler) =>
        Checked(builder).Map(HttpMethod.Delete, template, handler);

    /// <summary>Registers a <c>DELETE</c> route with a synchronous handler.</summary>
    /// <param name="builder">The router or group.</param>
    /// <param name="template">The path template.</param>
    /// <param name="handler">Answers the request.</param>
    public static EmulatorRoute MapDelete(this IEmulatorRouteBuilder builder, string template, Func<EmulatorRequest, HttpResponseMessage> handler) =>
        builder.Map(HttpMethod.Delete, template, handler);

    private static IEmulatorRouteBuilder Checked(IEmulatorRouteBuilder builder) => builder ?? throw new ArgumentNullException(nameof(builder));
}
