using System.Runtime.CompilerServices;
using System.Text.Json;
using FitnessClients.Core;
using FitnessClients.Runkeeper.Models;

namespace FitnessClients.Runkeeper.Clients;

/// <summary>The fitness-activity feed and full activities.</summary>
public class RunkeeperFitnessActivitiesClient
{
    /// <summary>The feed path used when <c>/user</c> does not name one.</summary>
    public const string DefaultFeedPath = "/fitnessActivities";

    private readonly RunkeeperClientContext? _context;
    private readonly RunkeeperUserClient? _user;

    internal RunkeeperFitnessActivitiesClient(RunkeeperClientContext context, RunkeeperUserClient user)
    {
        _context = context;
        _user = user;
    }

    /// <summary>For mocking frameworks; a client made this way only works where its members are overridden.</summary>
    protected RunkeeperFitnessActivitiesClient()
    {
    }

    private RunkeeperClientContext Context => _context ?? throw new InvalidOperationException("This client was created for mocking; override the member you call.");

    /// <summary>
    /// Lists activities newest first, following each page's <c>next</c> link verbatim until a page has none. The feed's
    /// URI comes from <c>/user</c>.
    /// </summary>
    /// <param name="noEarlierThan">Only activities on or after this local date.</param>
    /// <param name="noLaterThan">Only activities on or before this local date.</param>
    /// <param name="pageSize">Items per page; <see cref="RunkeeperClientOptions.PageSize"/> when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops the listing.</param>
    /// <returns>The feed items.</returns>
    /// <example>
    /// <code>
    /// await foreach (var item in runkeeper.FitnessActivities.ListAsync(noEarlierThan: new DateOnly(2016, 1, 1)))
    ///     Console.WriteLine($"{item.StartTime ?? (object?)item.LocalStartTime} {item.Type} {item.TotalDistance / 1000:0.0} km");
    /// </code>
    /// </example>
    public virtual async IAsyncEnumerable<RunkeeperFeedItem> ListAsync(
        DateOnly? noEarlierThan = null,
        DateOnly? noLaterThan = null,
        int? pageSize = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var (item, _) in ListWithJsonAsync(noEarlierThan, noLaterThan, pageSize, cancellationToken).ConfigureAwait(false))
        {
            yield return item;
        }
    }

    /// <summary>One activity with its path and samples (<c>GET {uri}</c>, Accept <c>application/vnd.com.runkeeper.FitnessActivity+json</c>).</summary>
    /// <param name="uriOrId">The activity's <c>uri</c> from the feed, or its numeric id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The activity.</returns>
    public virtual async Task<RunkeeperFitnessActivity> GetAsync(string uriOrId, CancellationToken cancellationToken = default)
    {
        var bytes = await GetBytesAsync(uriOrId, cancellationToken).ConfigureAwait(false);
        return RunkeeperClientContext.Deserialize(bytes, RunkeeperJson.Info<RunkeeperFitnessActivity>(), "activity");
    }

    /// <summary>The activity's JSON exactly as Runkeeper sent it.</summary>
    internal async Task<byte[]> GetBytesAsync(string uriOrId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(uriOrId);
        var link = uriOrId.All(char.IsAsciiDigit)
            ? (await FeedPathAsync(cancellationToken).ConfigureAwait(false)).TrimEnd('/') + "/" + uriOrId
            : uriOrId;
        var response = await Context.Api.GetFitnessActivityAsync(Context.Relative(link), cancellationToken).ConfigureAwait(false);
        return await RunkeeperClientContext.ReadBytesAsync(response, cancellationToken).ConfigureAwait(false);
    }

    internal async IAsyncEnumerable<(RunkeeperFeedItem Item, JsonElement Json)> ListWithJsonAsync(
        DateOnly? noEarlierThan,
        DateOnly? noLaterThan,
        int? pageSize,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var size = pageSize ?? Context.Options.PageSize;
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        var feed = Context.Relative(await FeedPathAsync(cancellationToken).ConfigureAwait(false));
        var visited = new HashSet<string>(StringComparer.Ordinal);
        string? next = null;
        do
        {
            var response = next is null
                ? await Context.Api.GetFitnessActivityFeedAsync(feed, size, noEarlierThan, noLaterThan, cancellationToken).ConfigureAwait(false)
                : await Context.Api.GetFitnessActivityFeedPageAsync(next, cancellationToken).ConfigureAwait(false);
            var bytes = await RunkeeperClientContext.ReadBytesAsync(response, cancellationToken).ConfigureAwait(false);

            var page = RunkeeperClientContext.Deserialize(bytes, RunkeeperJson.Info<RunkeeperFeedPage>(), "feed page");
            using (var document = JsonDocument.Parse(bytes, RunkeeperJson.DocumentOptions))
            {
                var items = document.RootElement.TryGetProperty("items", out var array) && array.ValueKind == JsonValueKind.Array ? array : default;
                var index = 0;
                foreach (var item in page.Items ?? [])
                {
                    var json = items.ValueKind == JsonValueKind.Array ? items[index].Clone() : default;
                    index++;
                    if (item is not null)
                    {
                        yield return (item, json);
                    }
                }
            }

            next = string.IsNullOrWhiteSpace(page.Next) ? null : Context.Relative(page.Next);
            if (next is not null && !visited.Add(next))
            {
                throw new FitnessApiException($"Runkeeper's feed links back to a page already read ({next.Split('?')[0]}); stopping instead of looping.") { Service = "runkeeper" };
            }
        }
        while (next is not null);
    }

    private async Task<string> FeedPathAsync(CancellationToken cancellationToken)
    {
        var user = await _user!.GetCachedAsync(cancellationToken).ConfigureAwait(false);
        return string.IsNullOrWhiteSpace(user.FitnessActivities) ? DefaultFeedPath : user.FitnessActivities;
    }
}
