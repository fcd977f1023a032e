using FitnessClients.Core.DependencyInjection;
using FitnessClients.Core.Http;
using FitnessClients.GarminConnect.Api;
using FitnessClients.GarminConnect.Http;
using FitnessClients.GarminConnect.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Refit;

namespace FitnessClients.GarminConnect;

/// <summary>Registers <see cref="GarminConnectClient"/> and <see cref="IGarminConnectApi"/> with dependency injection.</summary>
public static class ServiceCollectionExtensions
{
    /// <summary>The name of the <see cref="HttpClient"/> <see cref="GarminConnectClient"/> uses, for further configuration of the returned builder.</summary>
    public const string HttpClientName = "FitnessClients.GarminConnect";

    /// <summary>
    /// The name of the <see cref="HttpClient"/> <see cref="IGarminConnectApi"/> uses. A name of its own, so that
    /// registering both the facade and the interface does not put the pipeline twice on one client.
    /// </summary>
    public const string ApiHttpClientName = "FitnessClients.GarminConnect.Api";

    /// <summary>
    /// Registers <see cref="GarminConnectClient"/> as a typed client over the named <see cref="HttpClient"/>
    /// <see cref="HttpClientName"/> with the Garmin pipeline: the native headers, the token manager and rate-limit
    /// policy (one each for the application), retries and timeouts, and longer attempts for downloads.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options; <see cref="Core.FitnessClientOptions.TokenStore"/> is required.</param>
    /// <returns>The client builder, e.g. for <c>ConfigurePrimaryHttpMessageHandler</c> (which then wins over <see cref="Core.FitnessClientOptions.PrimaryHandler"/> for data calls).</returns>
    /// <example>
    /// <code>
    /// services.AddGarminConnectClient(o =>
    /// {
    ///     o.TokenStore = new FileTokenStore("/var/lib/backup/tokens");
    ///     o.TokenKey = "garmin-jane";
    /// });
    /// // later: var garmin = provider.GetRequiredService&lt;GarminConnectClient&gt;();
    /// </code>
    /// </example>
    public static IHttpClientBuilder AddGarminConnectClient(this IServiceCollection services, Action<GarminConnectClientOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        AddClientServices(services, configure);
        var builder = services.AddHttpClient(HttpClientName)
            .AddTypedClient((http, sp) => new GarminConnectClient(http, sp.GetRequiredService<GarminClientServices>().Options));
        return AddGarminPipeline(builder);
    }

    /// <summary>
    /// Registers the typed API <see cref="IGarminConnectApi"/> (implemented by Refit's source generator) over the
    /// named <see cref="HttpClient"/> <see cref="ApiHttpClientName"/> with the same pipeline as
    /// <see cref="AddGarminConnectClient"/>: the native headers, the token manager and rate-limit policy (shared with
    /// the facade when both are registered), retries and timeouts, and the error mapping to the SDK's exceptions.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options; <see cref="Core.FitnessClientOptions.TokenStore"/> is required.</param>
    /// <returns>The client builder, e.g. for <c>ConfigurePrimaryHttpMessageHandler</c>.</returns>
    /// <remarks>
    /// The interface is the low-level layer: one request per call, bodies as Garmin sends them. Prefer
    /// <see cref="AddGarminConnectClient"/> for listing, downloads to files and uploads; the facade pages, expands
    /// multisport activities and turns Garmin's "no such file" answers into results.
    /// </remarks>
    /// <example>
    /// <code>
    /// services.AddGarminConnectApi(o =>
    /// {
    ///     o.TokenStore = new FileTokenStore("/var/lib/backup/tokens");
    ///     o.TokenKey = "garmin-jane";
    /// });
    /// // later:
    /// var api = provider.GetRequiredService&lt;IGarminConnectApi&gt;();
    /// var count = await api.GetActivityCountAsync();
    /// </code>
    /// </example>
    public static IHttpClientBuilder AddGarminConnectApi(this IServiceCollection services, Action<GarminConnectClientOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        AddClientServices(services, configure);
        var builder = services.AddRefitGeneratedClient<IGarminConnectApi>(_ => FitnessRefit.CreateSettings(GarminJson.Options), ApiHttpClientName);
        return AddGarminPipeline(builder);
    }

    private static void AddClientServices(IServiceCollection services, Action<GarminConnectClientOptions>? configure)
    {
        var optionsBuilder = services.AddOptions<GarminConnectClientOptions>();
        if (configure is not null)
        {
            optionsBuilder.Configure(configure);
        }

        services.TryAddSingleton(sp => new GarminClientServices(
            sp.GetRequiredService<IOptions<GarminConnectClientOptions>>().Value,
            sp.GetService<ILoggerFactory>()));
    }

    private static IHttpClientBuilder AddGarminPipeline(IHttpClientBuilder builder)
    {
        builder.ConfigureFitnessConnection(sp => sp.GetRequiredService<GarminClientServices>().Options, options => options.EffectiveBaseAddress);
        builder.AddFitnessPipeline(sp => sp.GetRequiredService<GarminClientServices>().PipelineSettings);

        // Inside the pipeline, in front of the primary handler: a TCX export's 500 is an answer, not a failure to retry.
        builder.AddHttpMessageHandler(() => new GarminExportUnavailableHandler());
        return builder;
    }
}
