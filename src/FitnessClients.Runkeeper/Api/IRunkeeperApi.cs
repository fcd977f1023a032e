using FitnessClients.Runkeeper.Models;
using Refit;

namespace FitnessClients.Runkeeper.Api;

/// <summary>
/// The Runkeeper Health Graph as a typed Refit interface: the low-level layer under <see cref="RunkeeperClient"/>.
/// Each method is one GET with the resource's media type as <c>Accept</c>.
/// </summary>
/// <remarks>
/// <para>
/// Apart from <c>/user</c>, every resource is reached through a URI the API returned: the feed's from
/// <see cref="RunkeeperUser.FitnessActivities"/>, later pages from <see cref="RunkeeperFeedPage.Next"/>, an activity
/// from its feed item's <c>uri</c>. Those methods take that URI as Runkeeper sent it, query included, and send it as
/// it is: a root-relative URI such as <c>/fitnessActivities?page=1</c> goes to the base address's host, an absolute
/// one to wherever it names. The bearer token goes with it, so pass only URIs that came from the API (the facade
/// refuses any that leave the API's host).
/// </para>
/// <para>
/// The feed and activities come back as the JSON Runkeeper sent, unparsed, because a backup keeps it as it is; read
/// it with <see cref="RunkeeperJson.Info{T}"/> (<see cref="RunkeeperFeedPage"/>, <see cref="RunkeeperFitnessActivity"/>).
/// Register the interface with <c>services.AddRunkeeperApi(...)</c>: the implementation Refit generates at build time
/// then runs over the same pipeline as the facade (bearer token, the quarter-hour budget, retries, error mapping), so
/// a failed call throws the SDK's <see cref="Core.FitnessApiException"/> types, never Refit's.
/// </para>
/// <para>
/// Prefer the facade for everyday work: it follows the feed to its end, refuses links to other hosts, converts
/// Runkeeper's wall-clock times and builds GPX. Use this interface to control each request, e.g. to fetch one page.
/// </para>
/// </remarks>
/// <example>
/// <code>
/// services.AddRunkeeperApi(o => o.TokenStore = new FileTokenStore(folder));
/// // …
/// var api = provider.GetRequiredService&lt;IRunkeeperApi&gt;();
/// var user = await api.GetUserAsync();
/// using var response = await api.GetFitnessActivityFeedAsync(user.FitnessActivities ?? "/fitnessActivities", pageSize: 25);
/// var page = await JsonSerializer.DeserializeAsync(response.Content!, RunkeeperJson.Info&lt;RunkeeperFeedPage&gt;());
/// </code>
/// </example>
public interface IRunkeeperApi
{
    /// <summary><c>GET /user</c>: the user's id and the URIs of their resources.</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The user.</returns>
    [Get("/user")]
    [Headers("Accept: " + RunkeeperMediaTypes.User)]
    Task<RunkeeperUser> GetUserAsync(CancellationToken cancellationToken = default);

    /// <summary>The first page of the fitness-activity feed, newest first, filtered by local date.</summary>
    /// <param name="feedUri">The feed's URI from <see cref="RunkeeperUser.FitnessActivities"/>, normally <c>/fitnessActivities</c>.</param>
    /// <param name="pageSize">Items per page (Runkeeper's default is 25).</param>
    /// <param name="noEarlierThan">Only activities on or after this local date; none when <see langword="null"/>.</param>
    /// <param name="noLaterThan">Only activities on or before this local date; none when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The response; its content is the page's JSON as sent (<see cref="RunkeeperFeedPage"/>). Dispose it.</returns>
    [Get("")]
    [Headers("Accept: " + RunkeeperMediaTypes.FitnessActivityFeed)]
    Task<IApiResponse<Stream>> GetFitnessActivityFeedAsync(
        [Url(AllowRelative = true)] string feedUri,
        [AliasAs("pageSize")] int pageSize,
        [AliasAs("noEarlierThan")][Query(Format = "yyyy-MM-dd")] DateOnly? noEarlierThan = null,
        [AliasAs("noLaterThan")][Query(Format = "yyyy-MM-dd")] DateOnly? noLaterThan = null,
        CancellationToken cancellationToken = default);

    /// <summary>A later page of the feed, at the <see cref="RunkeeperFeedPage.Next"/> link of the page before, which repeats every filter.</summary>
    /// <param name="pageUri">The <c>next</c> link as Runkeeper sent it, query included.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The response; its content is the page's JSON as sent (<see cref="RunkeeperFeedPage"/>). Dispose it.</returns>
    [Get("")]
    [Headers("Accept: " + RunkeeperMediaTypes.FitnessActivityFeed)]
    Task<IApiResponse<Stream>> GetFitnessActivityFeedPageAsync([Url(AllowRelative = true)] string pageUri, CancellationToken cancellationToken = default);

    /// <summary>One activity in full: path, heart rate, calories and distance samples.</summary>
    /// <param name="activityUri">The activity's <c>uri</c> from the feed, e.g. <c>/fitnessActivities/52367938</c>.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The response; its content is the activity's JSON as sent (<see cref="RunkeeperFitnessActivity"/>). Dispose it.</returns>
    /// <exception cref="Core.ResourceNotFoundException">No such activity.</exception>
    [Get("")]
    [Headers("Accept: " + RunkeeperMediaTypes.FitnessActivity)]
    Task<IApiResponse<Stream>> GetFitnessActivityAsync([Url(AllowRelative = true)] string activityUri, CancellationToken cancellationToken = default);
}
