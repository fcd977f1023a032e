using System.Collections.Immutable;
using System.Globalization;
using FitnessClients.Core.Tokens;

namespace FitnessClients.Core.Tests.Tokens;

/// <summary>
/// What a child process started by <see cref="ChildProcess"/> runs (entered through <see cref="StartupHook"/>).
/// Settings come in environment variables; results go to standard output as one <c>result ...</c> line.
/// </summary>
internal static class TokenProbe
{
    public const string ModeVariable = "FITNESS_TOKEN_PROBE";
    public const string TokensVariable = "FITNESS_TOKEN_PROBE_TOKENS";
    public const string ServerVariable = "FITNESS_TOKEN_PROBE_SERVER";
    public const string IdVariable = "FITNESS_TOKEN_PROBE_ID";
    public const string PeersVariable = "FITNESS_TOKEN_PROBE_PEERS";

    public const string RefreshMode = "refresh";
    public const string SaveLoopMode = "save-loop";
    public const string AccountKey = "acct";

    private static readonly DateTimeOffset SaveLoopBase = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static int Run(string mode)
    {
        try
        {
            return mode switch
            {
                RefreshMode => RefreshAsync().GetAwaiter().GetResult(),
                SaveLoopMode => SaveLoopAsync().GetAwaiter().GetResult(),
                _ => throw new ArgumentException($"Unknown probe mode '{mode}'."),
            };
        }
        catch (Exception ex)
        {
            Console.Out.WriteLine($"error {ex.GetType().Name}: {ex.Message}");
            Console.Out.Flush();
            return 2;
        }
    }

    /// <summary>The token the save loop writes in round <paramref name="round"/>; its size varies so a torn write shows.</summary>
    public static OAuthToken SaveLoopToken(int round) => new()
    {
        AccessToken = $"access-{round}",
        RefreshToken = $"refresh-{round}",
        ExpiresAt = SaveLoopBase.AddSeconds(round),
        Scopes = ["activity:read", $"round:{round}"],
        Extras = ImmutableDictionary<string, string>.Empty
            .Add("round", round.ToString(CultureInfo.InvariantCulture))
            .Add("padding", new string((char)('a' + (round % 26)), 50_000 + (round % 7 * 50_000))),
    };

    /// <summary>
    /// One of the processes racing to refresh a stale token: gets a token through a <see cref="TokenManager"/>
    /// over a shared <see cref="FileTokenStore"/> and reports what it got and whether it had to call the refresher.
    /// </summary>
    private static async Task<int> RefreshAsync()
    {
        var id = Required(IdVariable);
        var server = Required(ServerVariable);
        var peers = int.Parse(Required(PeersVariable), CultureInfo.InvariantCulture);
        var files = new FileTokenStore(Required(TokensVariable))
        {
            LockPollInterval = TimeSpan.FromMilliseconds(20),
            LockTimeout = TimeSpan.FromSeconds(60),
        };
        var store = new LockSignallingStore(files, server, id);
        var refresher = new FileBackedRefresher(server, peers);
        var manager = new TokenManager(store, AccountKey, refresher);

        var token = await manager.GetTokenAsync();

        Console.Out.WriteLine(
            $"result id={id} access={token.AccessToken} refresh={token.RefreshToken} lock={store.LockTaken} refresherCalls={refresher.Calls}");
        Console.Out.Flush();
        return 0;
    }

    /// <summary>Saves ever newer tokens until killed, reporting progress every 10 saves.</summary>
    private static async Task<int> SaveLoopAsync()
    {
        var store = new FileTokenStore(Required(TokensVariable));
        for (var round = 1; ; round++)
        {
            await store.SaveAsync(AccountKey, SaveLoopToken(round));
            if (round % 10 == 0)
            {
                Console.Out.WriteLine($"saved {round}");
                Console.Out.Flush();
            }
        }
    }

    private static string Required(string variable) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{variable} is not set.");
}
