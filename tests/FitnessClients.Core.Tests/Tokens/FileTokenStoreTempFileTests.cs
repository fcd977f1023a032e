using FitnessClients.Core.Tokens;

namespace FitnessClients.Core.Tests.Tokens;

/// <summary>Temp files left by a save that was killed before its rename are cleaned up by the next save.</summary>
public class FileTokenStoreTempFileTests : FileTokenStoreFixture
{
    [Test]
    public async Task A_save_removes_this_keys_temp_files_left_long_ago_and_keeps_recent_ones_and_other_keys()
    {
        await Store.SaveAsync("acct", TestTokens.Create("access-1"));
        var stale = Leftover(".acct.json.0011223344556677.tmp", ageBehindNow: TimeSpan.FromHours(2));
        var recent = Leftover(".acct.json.8899aabbccddeeff.tmp", ageBehindNow: TimeSpan.FromSeconds(5));
        var otherKey = Leftover(".other.json.0011223344556677.tmp", ageBehindNow: TimeSpan.FromHours(2));

        await Store.SaveAsync("acct", TestTokens.Create("access-2"));

        Assert.Multiple(() =>
        {
            Assert.That(File.Exists(stale), Is.False, "a temp file written hours before the token is a killed save's leftover");
            Assert.That(File.Exists(recent), Is.True, "a fresh temp file may belong to a save in progress elsewhere");
            Assert.That(File.Exists(otherKey), Is.True, "another key's files are that key's business");
        });
        Assert.That((await Store.LoadAsync("acct"))!.AccessToken, Is.EqualTo("access-2"));
    }

    private string Leftover(string name, TimeSpan ageBehindNow)
    {
        var path = Path.Combine(StoreDirectory, name);
        File.WriteAllText(path, "{\"access_token\":\"half");
        // File times are compared with each other, so set them relative to the file system's own clock.
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow - ageBehindNow);
        return path;
    }
}
