using FitnessClients.Core.DependencyInjection;
using FitnessClients.FitTrackee.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FitnessClients.FitTrackee;

/// <summary>Registers <see cref="FitTrackeeClient"/> with <c>IHttpClientFactory</c>.</summary>
public static class ServiceCollectionExtensions
{
    /// <summary>The name of the typed HTTP client.</summary>
    public const string HttpClientName = "FitnessClients.FitTrackee";

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
        ArgumentNullException.ThrowIfNull(services);
        var optionsBuilder = services.AddOptions<FitTrackeeClientOptions>();
        if (configure is not null)
        {
            optionsBuilder.Configure(configure);
        }

        services.TryAddSingleton(sp => new FitTrackeeClientServices(
            sp.GetRequiredService<IOptions<FitTrackeeClientOptions>>().Value,
            sp.GetService<ILoggerFactory>()));

        var builder = services.AddHttpClient(HttpClientName)
            .AddTypedClient((http, sp) => FitTrackeeClient.CreateForServices(http, sp.GetRequiredService<FitTrackeeClientServices>()));
        builder.ConfigureFitnessConnection(sp => sp.GetRequiredService<FitTrackeeClientServices>().Options, options => options.EffectiveBaseAddress);
        builder.AddFitnessPipeline(sp => sp.GetRequiredService<FitTrackeeClientServices>().PipelineSettings);
        return builder;
    }
}
