using FitnessClients.Core.Http;
using Microsoft.Extensions.DependencyInjection;

namespace FitnessClients.Core.DependencyInjection;

/// <summary>Puts the FitnessClients handler chain on a named <see cref="HttpClient"/> from <c>IHttpClientFactory</c>.</summary>
public static class FitnessHttpClientBuilderExtensions
{
    /// <summary>
    /// Adds the chain built by <see cref="FitnessPipeline.CreateHandlers"/> to the client. The settings factory
    /// runs each time the factory builds a new chain, so it must return shared instances of the token manager
    /// and rate-limit policy (register them as singletons), or every rebuild would reset the budget.
    /// </summary>
    /// <param name="builder">The client builder from <c>AddHttpClient</c>.</param>
    /// <param name="settings">Builds the settings from the container.</param>
    /// <returns>The same builder, so more handlers can be chained.</returns>
    public static IHttpClientBuilder AddFitnessPipeline(this IHttpClientBuilder builder, Func<IServiceProvider, FitnessPipelineSettings> settings)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(settings);
        builder.ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan);
        builder.ConfigureAdditionalHttpMessageHandlers((handlers, services) =>
        {
            foreach (var handler in FitnessPipeline.CreateHandlers(settings(services)))
            {
                handlers.Add(handler);
            }
        });
        return builder;
    }

    /// <summary>
    /// Points the named client at the service and gives it its sending handler: the base address (with a trailing
    /// slash), no <see cref="HttpClient.Timeout"/> (the pipeline owns timeouts), and
    /// <see cref="FitnessClientOptions.PrimaryHandler"/> when set (never disposed by the factory) or a pooled
    /// <see cref="SocketsHttpHandler"/> trusting <see cref="FitnessClientOptions.TrustedCertificateAuthorities"/> when
    /// given. A plain http:// address to another machine is refused (see <see cref="TransportSecurity.ValidateAddress"/>)
    /// when the client is created. Every service package's <c>Add&lt;Service&gt;Client</c> starts with this.
    /// </summary>
    /// <typeparam name="TOptions">The service's options type.</typeparam>
    /// <param name="builder">The client builder from <c>AddHttpClient</c>.</param>
    /// <param name="options">Reads the service's options from the container.</param>
    /// <param name="baseAddress">The service's API root, from its options.</param>
    /// <returns>The same builder, so handlers can be added.</returns>
    public static IHttpClientBuilder ConfigureFitnessConnection<TOptions>(this IHttpClientBuilder builder, Func<IServiceProvider, TOptions> options, Func<TOptions, Uri> baseAddress)
        where TOptions : FitnessClientOptions
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(baseAddress);
        builder.ConfigureHttpClient((sp, http) =>
        {
            var resolved = options(sp);
            var address = baseAddress(resolved);
            TransportSecurity.ValidateAddress(address, resolved, nameof(options));
            http.BaseAddress = FitnessPipeline.WithTrailingSlash(address);
            http.Timeout = Timeout.InfiniteTimeSpan;
        });
        builder.ConfigurePrimaryHttpMessageHandler(sp =>
        {
            var resolved = options(sp);
            return resolved.PrimaryHandler is { } handler
                ? new NonDisposingHandler(handler)
                : TransportSecurity.CreatePrimaryHandler(resolved);
        });
        return builder;
    }
}
