using System.Globalization;
using FitnessClients.Core.Tokens;

namespace FitnessClients.Core.Tests.Tokens;

/// <summary>
/// A token endpoint shared by several processes through files in one folder: <c>state</c> holds the one valid
/// refresh token, how many refresh calls arrived and how many succeeded. Rotation is strict: a call with any
/// other refresh token fails like <c>invalid_grant</c>. Its own exclusive lock keeps its bookkeeping exact even
/// if the SDK's lock were broken, so a double refresh shows up as a count of 2 and a failed peer.
/// </summary>
internal sealed class FileBackedRefresher(string serverDirectory, int peers) : ITokenRefresher
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    public int Calls { get; private set; }

    public static void Initialise(string serverDirectory, string validRefreshToken) =>
        File.WriteAllLines(StatePath(serverDirectory), [validRefreshToken, "0", "0"]);

    /// <summary>(valid refresh token, calls, successful refreshes).</summary>
    public static (string Valid, int Calls, int Issued) ReadState(string serverDirectory)
    {
        var lines = File.ReadAllLines(StatePath(serverDirectory));
        return (lines[0], int.Parse(lines[1], CultureInfo.InvariantCulture), int.Parse(lines[2], CultureInfo.InvariantCulture));
    }

    public async Task<OAuthToken> RefreshAsync(OAuthToken current, CancellationToken cancellationToken = default)
    {
        Calls++;

        // Hold the refresh until every peer has read the stale token and is about to wait for the lock, so
        // the test always covers "a second process waiting on the lock" and never a lucky sequential run.
        await Eventually.WaitUntilAsync(
            () => Directory.GetFiles(serverDirectory, "waiting-*").Length >= peers,
            "every peer to wait for the refresh lock",
            Bound);

        await using var exclusive = await OpenExclusiveAsync(Path.Combine(serverDirectory, "server.lock"));
        var (valid, calls, issued) = ReadState(serverDirectory);
        calls++;
        if (current.RefreshToken != valid)
        {
            File.WriteAllLines(StatePath(serverDirectory), [valid, Text(calls), Text(issued)]);
            throw new AuthenticationRequiredException("invalid_grant: the refresh token was already used.") { ErrorCode = "invalid_grant" };
        }

        issued++;
        var token = new OAuthToken
        {
            AccessToken = $"access-{issued}",
            RefreshToken = $"refresh-{issued}",
            ExpiresAt = TimeProvider.System.GetUtcNow().AddHours(1),
        };
        File.WriteAllLines(StatePath(serverDirectory), [token.RefreshToken, Text(calls), Text(issued)]);
        return token;
    }

    private static string StatePath(string serverDirectory) => Path.Combine(serverDirectory, "state");

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static async Task<FileStream> OpenExclusiveAsync(string path)
    {
        FileStream? stream = null;
        await Eventually.WaitUntilAsync(
            () =>
            {
                try
                {
                    stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                    return true;
                }
                catch (IOException)
                {
                    return false;
                }
            },
            "the fake server's lock",
            Bound);
        return stream!;
    }
}
