namespace FitnessClients.Testing;

/// <summary>
/// Where routes are registered: the <see cref="EmulatorRouter"/> itself or a prefixed group of it. The <c>MapGet</c>-style
/// shortcuts are extension methods in <see cref="EmulatorRouteBuilderExtensions"/>.
/// </summary>
public interface IEmulatorRouteBuilder
{
    /// <summary>
    /// Registers <paramref name="handler"/> for <paramref name="method"/> requests whose path matches <paramref name="template"/>.
    /// Registering the same method and template again replaces the earlier handler, which is how a test overrides one
    /// endpoint of a ready-made emulator.
    /// </summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="template">
    /// A path such as <c>/activities/{id}</c>: literal segments, <c>{name}</c> captures of one segment (with an optional
    /// <c>:int</c>, <c>:long</c> or <c>:guid</c> constraint) and a final <c>{*name}</c> catch-all.
    /// </param>
    /// <param name="handler">Answers the request; runs concurrently with other requests.</param>
    /// <returns>The route.</returns>
    EmulatorRoute Map(HttpMethod method, string template, Func<EmulatorRequest, CancellationToken, ValueTask<HttpResponseMessage>> handler);

    /// <summary>A builder whose templates are prefixed with <paramref name="prefix"/>, e.g. <c>/api/v3</c>.</summary>
    /// <param name="prefix">A path starting with <c>/</c>; may contain captures.</param>
    IEmulatorRouteBuilder MapGroup(string prefix);
}
