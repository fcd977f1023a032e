using System.Text.RegularExpressions;
using FitnessClients.Core.Tokens;

namespace FitnessClients.Core.Tests.Tokens;

/// <summary>
/// Two real processes find the same token stale at the same time. With rotating refresh tokens a second
/// refresh would use a dead refresh token and sign the user out, so exactly one may happen.
/// </summary>
/// <remarks>Uses the real clock: the processes cannot share a fake one. Every wait is bounded.</remarks>
[NonParallelizable]
public partial class CrossProcessRefreshTests
{
    private static readonly TimeSpan ProcessBound = TimeSpan.FromSeconds(90);

    [Test]
    public async Task A_token_refreshed_in_one_process_is_not_refreshed_again_in_a_second_process_that_was_waiting_on_the_lock()
    {
        using var temp = new TempDirectory();
        var tokens = temp.Combine("tokens");
        var server = temp.Combine("server");
        Directory.CreateDirectory(server);
        FileBackedRefresher.Initialise(server, "refresh-0");
        await new FileTokenStore(tokens).SaveAsync(TokenProbe.AccountKey, new OAuthToken
        {
            AccessToken = "access-0",
            RefreshToken = "refresh-0",
            ExpiresAt = TimeProvider.System.GetUtcNow().AddMinutes(-1),
        });

        using var first = Probe("first", tokens, server);
        using var second = Probe("second", tokens, server);
        var exits = await Task.WhenAll(first.WaitForExitAsync(ProcessBound), second.WaitForExitAsync(ProcessBound));

        var diagnostics = $"first:\n{first.Output}{first.Errors}\nsecond:\n{second.Output}{second.Errors}";
        Assert.That(exits, Is.EqualTo(new[] { 0, 0 }), diagnostics);
        var results = new[] { Parse(first.Output), Parse(second.Output) };
        var state = FileBackedRefresher.ReadState(server);
        var stored = await new FileTokenStore(tokens).LoadAsync(TokenProbe.AccountKey);

        Assert.Multiple(() =>
        {
            Assert.That(state.Calls, Is.EqualTo(1), "the token endpoint was called exactly once\n" + diagnostics);
            Assert.That(state.Issued, Is.EqualTo(1));
            Assert.That(results.Sum(r => r.RefresherCalls), Is.EqualTo(1), "one process refreshed, the other reused its token");
            Assert.That(results.Select(r => r.Lock), Is.All.True, "both processes found the token stale and waited for the lock");
            Assert.That(results.Select(r => r.Access), Is.All.EqualTo("access-1"));
            Assert.That(results.Select(r => r.Refresh), Is.All.EqualTo("refresh-1"));
            Assert.That(stored!.AccessToken, Is.EqualTo("access-1"));
            Assert.That(stored.RefreshToken, Is.EqualTo("refresh-1"), "the rotated refresh token is what is stored");
        });
    }

    private static ChildProcess Probe(string id, string tokens, string server) =>
        ChildProcess.Start(TokenProbe.RefreshMode, new Dictionary<string, string>
        {
            [TokenProbe.IdVariable] = id,
            [TokenProbe.TokensVariable] = tokens,
            [TokenProbe.ServerVariable] = server,
            [TokenProbe.PeersVariable] = "2",
        });

    private static (string Access, string Refresh, bool Lock, int RefresherCalls) Parse(string output)
    {
        var match = ResultLine().Match(output);
        Assert.That(match.Success, Is.True, $"no result line in:\n{output}");
        return (
            match.Groups["access"].Value,
            match.Groups["refresh"].Value,
            bool.Parse(match.Groups["lock"].Value),
            int.Parse(match.Groups["calls"].Value, System.Globalization.CultureInfo.InvariantCulture));
    }

    [GeneratedRegex(@"^result id=\S+ access=(?<access>\S+) refresh=(?<refresh>\S+) lock=(?<lock>\S+) refresherCalls=(?<calls>\d+)$", RegexOptions.Multiline)]
    private static partial Regex ResultLine();
}
