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
}
