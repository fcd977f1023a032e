using FitnessClients.Core.DependencyInjection;
using FitnessClients.Core.Http;
using FitnessClients.Strava.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FitnessClients.Strava;

/// <summary>Registers <see cref="StravaClient"/> with <c>IHttpClientFactory</c>.</summary>
public static class ServiceCollectionExtensions
{
    /// <summary>The name of the typed HTTP client.</summary>
    public const string HttpClientName = "FitnessClients.Strava";

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
        ArgumentNullException.ThrowIfNull(services);
        var optionsBuilder = services.AddOptions<StravaClientOptions>();
        if (configure is not null)
        {
            optionsBuilder.Configure(configure);
        }

        services.TryAddSingleton(sp => new StravaClientServices(
            sp.GetRequiredService<IOptions<StravaClientOptions>>().Value,
            sp.GetService<ILoggerFactory>()));

        var builder = services.AddHttpClient(HttpClientName)
            .AddTypedClient((http, sp) =>
            {
                var shared = sp.GetRequiredService<StravaClientServices>();
                return new StravaClient(http, shared.Options, shared.TokenManager);
            });
        builder.ConfigureFitnessConnection(sp => sp.GetRequiredService<StravaClientServices>().Options, options => options.EffectiveBaseAddress);
        builder.AddFitnessPipeline(sp => sp.GetRequiredService<StravaClientServices>().PipelineSettings);
        return builder;
    }
}
