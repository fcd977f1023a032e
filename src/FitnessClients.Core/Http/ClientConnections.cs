namespace FitnessClients.Core.Http;

/// <summary>
/// The connections a service client built by its static <c>Create(...)</c> owns: the sending handler (unless the caller
/// supplied one in <see cref="FitnessClientOptions.PrimaryHandler"/>), an <see cref="HttpClient"/> for the token endpoint
/// and the API's <see cref="HttpClient"/>. Every service package needs the same wiring and the same disposal order,
/// and getting either wrong leaks sockets or disposes a caller's handler, so it lives here once.
/// </summary>
/// <example>
/// <code>
/// var connections = new ClientConnections(options);
/// try
/// {
///     var tokens = CreateTokenManager(options, connections.TokenHttpClient);
///     var http = connections.CreateApiClient(CreateSettings(options, tokens), options.EffectiveBaseAddress);
///     return new MyClient(http, options, owned: connections);
/// }
/// catch
/// {
///     connections.Dispose();
///     throw;
/// }
/// </code>
/// </example>
public sealed class ClientConnections : IDisposable
{
    /// <summary>How long a token request may take: token endpoints answer quickly or not at all.</summary>
    public static readonly TimeSpan DefaultTokenRequestTimeout = TimeSpan.FromSeconds(30);

    private readonly FitnessClientOptions _options;
    private readonly HttpMessageHandler? _ownedPrimary;
    private readonly List<HttpClient> _apiClients = [];
    private readonly Lock _gate = new();
    private int _disposed;

    /// <summary>Opens the connections described by <paramref name="options"/>.</summary>
    /// <param name="options">The client's options: <see cref="FitnessClientOptions.PrimaryHandler"/> is used (and left to the caller to dispose) when set; otherwise a pooled <see cref="System.Net.Http.SocketsHttpHandler"/> is created and owned (trusting <see cref="FitnessClientOptions.TrustedCertificateAuthorities"/> when given).</param>
    /// <exception cref="ArgumentException"><see cref="FitnessClientOptions.BaseAddress"/> is plain http:// to another machine and <see cref="FitnessClientOptions.AllowInsecureHttp"/> is off.</exception>
    /// <param name="tokenRequestTimeout">The token client's timeout; <see cref="DefaultTokenRequestTimeout"/> when omitted.</param>
    public ClientConnections(FitnessClientOptions options, TimeSpan? tokenRequestTimeout = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.BaseAddress is { } configured)
        {
            TransportSecurity.ValidateAddress(configured, options, nameof(options));
        }

        _options = options;
        _ownedPrimary = options.PrimaryHandler is null ? TransportSecurity.CreatePrimaryHandler(options) : null;
        PrimaryHandler = options.PrimaryHandler ?? _ownedPrimary!;
        TokenHttpClient = new HttpClient(new NonDisposingHandler(PrimaryHandler), disposeHandler: true)
        {
            Timeout = tokenRequestTimeout ?? DefaultTokenRequestTimeout,
        };
    }

    /// <summary>The handler every request finally goes through.</summary>
    public HttpMessageHandler PrimaryHandler { get; }

    /// <summary>A plain client for token endpoints: no pipeline, since the pipeline's authentication handler itself calls the token endpoint.</summary>
    public HttpClient TokenHttpClient { get; }

    /// <summary>Creates the API client: the FitnessClients pipeline over the shared sending handler.</summary>
    /// <param name="settings">The service's pipeline settings.</param>
    /// <param name="baseAddress">The API root; a trailing slash is added so relative paths append.</param>
    /// <param name="aroundPrimary">Wraps the sending handler inside the pipeline (e.g. a handler that turns a service's odd answer into a normal one before resilience sees it).</param>
    /// <param name="aroundPipeline">Wraps the whole pipeline (e.g. a handler that sets per-request options the pipeline reads).</param>
    /// <returns>A client disposed with this object.</returns>
    /// <exception cref="ArgumentException"><paramref name="baseAddress"/> is plain http:// to another machine and <see cref="FitnessClientOptions.AllowInsecureHttp"/> is off.</exception>
    public HttpClient CreateApiClient(
        FitnessPipelineSettings settings,
        Uri baseAddress,
        Func<HttpMessageHandler, HttpMessageHandler>? aroundPrimary = null,
        Func<HttpMessageHandler, HttpMessageHandler>? aroundPipeline = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(baseAddress);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        TransportSecurity.ValidateAddress(baseAddress, _options, nameof(baseAddress));
        HttpMessageHandler sender = new NonDisposingHandler(PrimaryHandler);
        if (aroundPrimary is not null)
        {
            sender = aroundPrimary(sender);
        }

        var handler = FitnessPipeline.CreateHandler(settings, sender);
        if (aroundPipeline is not null)
        {
            handler = aroundPipeline(handler);
        }

        var client = new HttpClient(handler, disposeHandler: true)
        {
            BaseAddress = FitnessPipeline.WithTrailingSlash(baseAddress),
            // The resilience handler owns timeouts; HttpClient's own 100 s would cut long downloads short.
            Timeout = Timeout.InfiniteTimeSpan,
        };
        lock (_gate)
        {
            _apiClients.Add(client);
        }

        return client;
    }

    /// <summary>Disposes the API clients, the token client and the sending handler if this object created it.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        lock (_gate)
        {
            foreach (var client in _apiClients)
            {
                client.Dispose();
            }

            _apiClients.Clear();
        }

        TokenHttpClient.Dispose();
        _ownedPrimary?.Dispose();
    }
}
