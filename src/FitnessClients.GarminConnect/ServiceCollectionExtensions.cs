using FitnessClients.Core.DependencyInjection;
using FitnessClients.Core.Http;
using FitnessClients.GarminConnect.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FitnessClients.GarminConnect;

/// <summary>Registers <see cref="GarminConnectClient"/> with dependency injection.</summary>
public static class ServiceCollectionExtensions
{
    /// <summary>The name of the <see cref="HttpClient"/> the client uses, for further configuration of the returned builder.</summary>
    public const string HttpClientName = "FitnessClients.GarminConnect";

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
        var optionsBuilder = services.AddOptions<GarminConnectClientOptions>();
        if (configure is not null)
        {
            optionsBuilder.Configure(configure);
        }

        services.TryAddSingleton(sp => new GarminClientServices(
            sp.GetRequiredService<IOptions<GarminConnectClientOptions>>().Value,
            sp.GetService<ILoggerFactory>()));

        var builder = services.AddHttpClient(HttpClientName)
            .AddTypedClient((http, sp) => new GarminConnectClient(http, sp.GetRequiredService<GarminClientServices>().Options));
        builder.ConfigureFitnessConnection(sp => sp.GetRequiredService<GarminClientServices>().Options, options => options.EffectiveBaseAddress);

        // Outside the pipeline, so the resilience handler sees the longer attempt timeout it sets on transfers.
        builder.AddHttpMessageHandler(sp => new GarminTransferTimeoutHandler(sp.GetRequiredService<GarminClientServices>().Options.DownloadAttemptTimeout));
        builder.AddFitnessPipeline(sp => sp.GetRequiredService<GarminClientServices>().PipelineSettings);

        // Inside the pipeline, in front of the primary handler: a TCX export's 500 is an answer, not a failure to retry.
        builder.AddHttpMessageHandler(() => new GarminExportUnavailableHandler());
        return builder;
    }
}
