using FitnessClients.Core.DependencyInjection;
using FitnessClients.Runkeeper.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FitnessClients.Runkeeper;

/// <summary>Registers <see cref="RunkeeperClient"/> with <c>IHttpClientFactory</c>.</summary>
public static class ServiceCollectionExtensions
{
    /// <summary>The name of the typed HTTP client.</summary>
    public const string HttpClientName = "FitnessClients.Runkeeper";

    /// <summary>Registers <see cref="RunkeeperClient"/> as a typed client over Core's pipeline, with one token manager and one rate policy.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the options (TokenStore is required).</param>
    /// <returns>The builder, to add handlers or change the primary handler.</returns>
    /// <example>
    /// <code>
    /// services.AddRunkeeperClient(o => o.TokenStore = new FileTokenStore(folder));
    /// </code>
    /// </example>
    public static IHttpClientBuilder AddRunkeeperClient(this IServiceCollection services, Action<RunkeeperClientOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var optionsBuilder = services.AddOptions<RunkeeperClientOptions>();
        if (configure is not null)
        {
            optionsBuilder.Configure(configure);
        }

        services.TryAddSingleton(sp => new RunkeeperClientServices(
            sp.GetRequiredService<IOptions<RunkeeperClientOptions>>().Value,
            sp.GetService<ILoggerFactory>()));

        var builder = services.AddHttpClient(HttpClientName)
            .AddTypedClient((http, sp) => new RunkeeperClient(http, sp.GetRequiredService<RunkeeperClientServices>().Options));
        builder.ConfigureFitnessConnection(sp => sp.GetRequiredService<RunkeeperClientServices>().Options, options => options.EffectiveBaseAddress);
        builder.AddFitnessPipeline(sp => sp.GetRequiredService<RunkeeperClientServices>().PipelineSettings);
        return builder;
    }
}
