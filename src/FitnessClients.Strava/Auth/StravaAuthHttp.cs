using System.Net;

namespace FitnessClients.Strava.Auth;

/// <summary>The HttpClient the Strava sign-in and the website exporter use: no redirects followed, no cookie jar.</summary>
internal static class StravaAuthHttp
{
    public const string ServiceName = "strava";

    public static HttpClient Create(StravaClientOptions options)
    {
        HttpMessageHandler handler = options.PrimaryHandler ?? new SocketsHttpHandler
        {
            // A redirect from the website means "not signed in"; it must be seen, not followed.
            AllowAutoRedirect = false,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.All,
            PooledConnectionLifetime = options.PooledConnectionLifetime,
        };

        // The caller owns a handler it passed in (tests share one across clients).
        var client = new HttpClient(handler, disposeHandler: options.PrimaryHandler is null);
        foreach (var (name, value) in options.DefaultRequestHeaders)
        {
            client.DefaultRequestHeaders.TryAddWithoutValidation(name, value);
        }

        return client;
    }
}
