using FitnessClients.Core.DependencyInjection;
using FitnessClients.Core.Http;
using FitnessClients.FitTrackee.Api;
using FitnessClients.FitTrackee.Http;
using FitnessClients.FitTrackee.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Refit;

namespace FitnessClients.FitTrackee;

/// <summary>Registers <see cref="FitTrackeeClient"/> and <see cref="IFitTrackeeApi"/> with <c>IHttpClientFactory</c>.</summary>
public static class ServiceCollectionExtensions
{
    /// <summary>The name of the typed HTTP client behind <see cref="FitTrackeeClient"/>.</summary>
    public const string HttpClientName = "FitnessClients.FitTrackee";

    /// <summary>The name of the HTTP client behind <see cref="IFitTrackeeApi"/>.</summary>
    public const string ApiHttpClientName = "FitnessClients.FitTrackee.Api";

    /// <summary>
    /// Registers <see cref="FitTrackeeClient"/> as a typed client over Core's pipeline, with one token manager and the
    /// instance's shared rate policy.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the options (BaseAddress, TokenStore, ClientId and ClientSecret are required).</param>
    /// <returns>The builder, to add handlers or change the primary handler.</returns>
    /// <example>
    /// <code>
    /// services.AddFitTrackeeClient(o =>
    /// {
    ///     o.BaseAddress = new Uri("https://fittrackee.example.org/");
    ///     o.ClientId = id; o.ClientSecret = secret; o.TokenStore = store;
    /// });
    /// </code>
    /// </example>
    public static IHttpClientBuilder AddFitTrackeeClient(this IServiceCollection services, Action<FitTrackeeClientOptions>? configure = null)
    {
        AddSharedServices(services, configure);
        return AddFitTrackeePipeline(services.AddHttpClient(HttpClientName)
            .AddTypedClient((http, sp) => FitTrackeeClient.CreateForServices(http, sp.GetRequiredService<FitTrackeeClientServices>())));
    }

    /// <summary>
    /// Registers the typed Refit interface <see cref="IFitTrackeeApi"/> over the same pipeline as
    /// <see cref="AddFitTrackeeClient"/> (token manager, rate policy, resilience, error mapping, connection and TLS rules),
    /// sharing its token manager and rate policy when both are registered.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the options (BaseAddress, TokenStore, ClientId and ClientSecret are required).</param>
    /// <returns>The builder, to add handlers or change the primary handler.</returns>
    /// <example>
    /// <code>
    /// services.AddFitTrackeeApi(o =>
    /// {
    ///     o.BaseAddress = new Uri("https://fittrackee.example.org/");
    ///     o.ClientId = id; o.ClientSecret = secret; o.TokenStore = store;
    /// });
    /// var sports = await provider.GetRequiredService&lt;IFitTrackeeApi&gt;().GetSportsAsync();
    /// </code>
    /// </example>
    public static IHttpClientBuilder AddFitTrackeeApi(this IServiceCollection services, Action<FitTrackeeClientOptions>? configure = null)
    {
        AddSharedServices(services, configure);
        return AddFitTrackeePipeline(services.AddRefitGeneratedClient<IFitTrackeeApi>(_ => FitnessRefit.CreateSettings(FitTrackeeJson.Options), ApiHttpClientName));
    }

    private static void AddSharedServices(IServiceCollection services, Action<FitTrackeeClientOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        var optionsBuilder = services.AddOptions<FitTrackeeClientOptions>();
        if (configure is not null)
        {
            optionsBuilder.Configure(configure);
        }

        services.TryAddSingleton(sp => new FitTrackeeClientServices(
            sp.GetRequiredService<IOptions<FitTrackeeClientOptions>>().Value,
            sp.GetService<ILoggerFactory>()));
    }

    private static IHttpClientBuilder AddFitTrackeePipeline(IHttpClientBuilder builder) =>
        builder
            .ConfigureFitnessConnection(sp => sp.GetRequiredService<FitTrackeeClientServices>().Options, options => options.EffectiveBaseAddress)
            .AddFitnessPipeline(sp => sp.GetRequiredService<FitTrackeeClientServices>().PipelineSettings);
}
