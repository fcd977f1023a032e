using RestEase;

namespace FitnessClients.Runkeeper.Api;

/// <summary>
/// The Health Graph as RestEase sees it. Apart from <c>/user</c>, every resource is reached through a URI the API
/// returned (the feed's from <c>/user</c>, pages through <c>next</c>, activities through their <c>uri</c>), so the
/// other methods take that URI as a path relative to the API root, query included, unencoded.
/// </summary>
internal interface IRunkeeperApi
{
    [Get("user")]
    [Header("Accept", RunkeeperMediaTypes.User)]
    Task<HttpResponseMessage> GetUserAsync(CancellationToken cancellationToken = default);

    [Get("{path}")]
    Task<HttpResponseMessage> GetFeedAsync(
        [Path(UrlEncode = false)] string path,
        [Query("pageSize")] int pageSize,
        [Query("noEarlierThan")] string? noEarlierThan,
        [Query("noLaterThan")] string? noLaterThan,
        [Header("Accept")] string accept,
        CancellationToken cancellationToken = default);

    [Get("{path}")]
    Task<HttpResponseMessage> GetAsync(
        [Path(UrlEncode = false)] string path,
        [Header("Accept")] string accept,
        CancellationToken cancellationToken = default);
}
