using FitnessClients.Core.DependencyInjection;
using FitnessClients.Core.Http;
using FitnessClients.Runkeeper.Api;
using FitnessClients.Runkeeper.Http;
using FitnessClients.Runkeeper.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Refit;

namespace FitnessClients.Runkeeper;

/// <summary>Registers <see cref="RunkeeperClient"/> and <see cref="IRunkeeperApi"/> with <c>IHttpClientFactory</c>.</summary>
public static class ServiceCollectionExtensions
{
    /// <summary>The name of the typed HTTP client behind <see cref="RunkeeperClient"/>.</summary>
    public const string HttpClientName = "FitnessClients.Runkeeper";

    /// <summary>The name of the HTTP client behind <see cref="IRunkeeperApi"/>.</summary>
    public const string ApiHttpClientName = "FitnessClients.Runkeeper.Api";

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
        AddSharedServices(services, configure);
        return AddRunkeeperPipeline(services.AddHttpClient(HttpClientName)
            .AddTypedClient((http, sp) => new RunkeeperClient(http, sp.GetRequiredService<RunkeeperClientServices>().Options)));
    }

    /// <summary>
    /// Registers the typed Refit interface <see cref="IRunkeeperApi"/> over the same pipeline as
    /// <see cref="AddRunkeeperClient"/> (bearer token, the quarter-hour and daily budget, resilience, error mapping,
    /// connection and TLS rules), sharing its token manager and rate policy when both are registered.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the options (TokenStore is required).</param>
    /// <returns>The builder, to add handlers or change the primary handler.</returns>
    /// <example>
    /// <code>
    /// services.AddRunkeeperApi(o => o.TokenStore = new FileTokenStore(folder));
    /// var user = await provider.GetRequiredService&lt;IRunkeeperApi&gt;().GetUserAsync();
    /// </code>
    /// </example>
    public static IHttpClientBuilder AddRunkeeperApi(this IServiceCollection services, Action<RunkeeperClientOptions>? configure = null)
    {
        AddSharedServices(services, configure);
        return AddRunkeeperPipeline(services.AddRefitGeneratedClient<IRunkeeperApi>(_ => FitnessRefit.CreateSettings(RunkeeperJson.Options), ApiHttpClientName));
    }

    private static void AddSharedServices(IServiceCollection services, Action<RunkeeperClientOptions>? configure)
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
    }

    private static IHttpClientBuilder AddRunkeeperPipeline(IHttpClientBuilder builder) =>
        builder
            .ConfigureFitnessConnection(sp => sp.GetRequiredService<RunkeeperClientServices>().Options, options => options.EffectiveBaseAddress)
            .AddFitnessPipeline(sp => sp.GetRequiredService<RunkeeperClientServices>().PipelineSettings);
}
