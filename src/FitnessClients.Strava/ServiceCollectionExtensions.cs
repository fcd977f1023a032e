using FitnessClients.Core.DependencyInjection;
using FitnessClients.Core.Http;
using FitnessClients.Strava.Api;
using FitnessClients.Strava.Http;
using FitnessClients.Strava.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Refit;

namespace FitnessClients.Strava;

/// <summary>Registers <see cref="StravaClient"/> and <see cref="IStravaApi"/> with <c>IHttpClientFactory</c>.</summary>
public static class ServiceCollectionExtensions
{
    /// <summary>The name of the typed HTTP client behind <see cref="StravaClient"/>.</summary>
    public const string HttpClientName = "FitnessClients.Strava";

    /// <summary>The name of the HTTP client behind <see cref="IStravaApi"/>.</summary>
    public const string ApiHttpClientName = "FitnessClients.Strava.Api";

    /// <summary>
    /// Registers <see cref="StravaClient"/> as a typed client over Core's pipeline, with one token manager and the
    /// shared rate policy of the application's client id.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the options (TokenStore, ClientId and ClientSecret are required).</param>
    /// <returns>The builder, to add handlers or change the primary handler.</returns>
    /// <example>
    /// <code>
    /// services.AddStravaClient(o => { o.ClientId = id; o.ClientSecret = secret; o.TokenStore = store; });
    /// </code>
    /// </example>
    public static IHttpClientBuilder AddStravaClient(this IServiceCollection services, Action<StravaClientOptions>? configure = null)
    {
        AddStravaServices(services, configure);
        return services.AddHttpClient(HttpClientName)
            .AddTypedClient((http, sp) =>
            {
                var shared = sp.GetRequiredService<StravaClientServices>();
                return new StravaClient(http, shared.Options, shared.TokenManager);
            })
            .AddStravaPipeline();
    }

    /// <summary>
    /// Registers the typed API <see cref="IStravaApi"/> over the same pipeline as <see cref="AddStravaClient"/>: bearer
    /// token refreshed and saved before use, Strava's rate windows, retries and the SDK's typed exceptions. Registered
    /// together with <see cref="AddStravaClient"/>, both share one token manager and one rate budget.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the options (TokenStore, ClientId and ClientSecret are required).</param>
    /// <returns>The builder, to add handlers or change the primary handler.</returns>
    /// <example>
    /// <code>
    /// services.AddStravaApi(o => { o.ClientId = id; o.ClientSecret = secret; o.TokenStore = store; });
    /// var api = provider.GetRequiredService&lt;IStravaApi&gt;();
    /// var zones = await api.GetZonesAsync(16181809559);
    /// </code>
    /// </example>
    public static IHttpClientBuilder AddStravaApi(this IServiceCollection services, Action<StravaClientOptions>? configure = null)
    {
        AddStravaServices(services, configure);
        return services.AddRefitGeneratedClient<IStravaApi>(_ => FitnessRefit.CreateSettings(StravaJson.Options), ApiHttpClientName)
            .AddStravaPipeline();
    }

    private static void AddStravaServices(IServiceCollection services, Action<StravaClientOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        var optionsBuilder = services.AddOptions<StravaClientOptions>();
        if (configure is not null)
        {
            optionsBuilder.Configure(configure);
        }

        services.TryAddSingleton(sp => new StravaClientServices(
            sp.GetRequiredService<IOptions<StravaClientOptions>>().Value,
            sp.GetService<ILoggerFactory>()));
    }

    private static IHttpClientBuilder AddStravaPipeline(this IHttpClientBuilder builder) =>
        builder
            .ConfigureFitnessConnection(sp => sp.GetRequiredService<StravaClientServices>().Options, options => options.EffectiveBaseAddress)
            .AddFitnessPipeline(sp => sp.GetRequiredService<StravaClientServices>().PipelineSettings);
}
