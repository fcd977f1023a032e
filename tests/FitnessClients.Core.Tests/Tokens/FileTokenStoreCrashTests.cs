using System.Globalization;
using System.Text.RegularExpressions;
using FitnessClients.Core.Tokens;

namespace FitnessClients.Core.Tests.Tokens;

/// <summary>
/// A process killed while saving must leave a token file that still reads as one complete token: the atomic
/// temp-file-and-rename is what stands between a crash and a lost refresh token.
/// </summary>
[NonParallelizable]
public partial class FileTokenStoreCrashTests
{
    [Test]
    public async Task A_process_killed_in_the_middle_of_saving_leaves_a_complete_token()
    {
        using var temp = new TempDirectory();
        var tokens = temp.Combine("tokens");

        // Each kill lands mid-save with high probability (the tokens are large, so most of the loop is writing);
        // five kills make a torn file from a non-atomic save all but certain to show.
        for (var kill = 1; kill <= 5; kill++)
        {
            using (var child = ChildProcess.Start(TokenProbe.SaveLoopMode, new Dictionary<string, string> { [TokenProbe.TokensVariable] = tokens }))
            {
                await Eventually.WaitUntilAsync(
                    () => LastReportedRound(child.Output) >= 20 || !string.IsNullOrEmpty(child.Errors),
                    "the probe to save 20 tokens",
                    TimeSpan.FromSeconds(60));
                Assert.That(child.Errors, Is.Empty);
                child.Kill();
            }

            var stored = await new FileTokenStore(tokens).LoadAsync(TokenProbe.AccountKey);

            Assert.That(stored, Is.Not.Null);
            var round = int.Parse(stored!.AccessToken["access-".Length..], CultureInfo.InvariantCulture);
            Assert.That(round, Is.GreaterThanOrEqualTo(20));
            TestTokens.AssertSame(stored, TokenProbe.SaveLoopToken(round));
        }

        // Temp files left by the interrupted saves are private and do not disturb the next save.
        await new FileTokenStore(tokens).SaveAsync(TokenProbe.AccountKey, TokenProbe.SaveLoopToken(7));
        TestTokens.AssertSame(await new FileTokenStore(tokens).LoadAsync(TokenProbe.AccountKey), TokenProbe.SaveLoopToken(7));
    }

    private static int LastReportedRound(string output)
    {
        var matches = SavedLine().Matches(output);
        return matches.Count == 0 ? 0 : int.Parse(matches[^1].Groups[1].Value, CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"^saved (\d+)$", RegexOptions.Multiline)]
    private static partial Regex SavedLine();
}
