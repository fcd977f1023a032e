using FitnessClients.Campaigns.Tests.Crash;
using FitnessClients.Campaigns.Tests.Support;
using FitnessClients.Cli;
using FitnessClients.Core.Tokens;

namespace FitnessClients.Campaigns.Tests.Security;

/// <summary>Token files readable by their owner only, in folders only the owner can enter, and no token written through a symbolic link.</summary>
[Category("Campaign")]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public class FilePermissionTests
{
    private const UnixFileMode OwnerReadWrite = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerOnlyFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    private static readonly OAuthToken Token = new() { AccessToken = "access-token-for-permissions", RefreshToken = "refresh-token-for-permissions", ExpiresAt = DateTimeOffset.UnixEpoch.AddYears(60) };

    [SetUp]
    public void UnixOnly()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Ignore("Unix file modes and symbolic links are checked on Unix; Windows uses the profile folder's ACL.");
        }
    }

    [Test]
    public async Task A_real_sign_in_and_backup_leave_the_token_file_0600_in_a_0700_folder()
    {
        using var temp = new TempFolder();
        var run = await InProcessFitness.RunAsync(temp.Path, ["garmin", "backup", "--demo", "--backup-dir", temp.Sub("backup"), "--config-dir", temp.Sub("config"), "--count", "2"], demoActivityCount: 4);
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.Output);

        var tokenFolder = Path.Combine(temp.Sub("config"), "demo-tokens");
        var tokens = Directory.GetFiles(tokenFolder, "*.json");
        Assert.That(tokens, Is.Not.Empty);
        Assert.That(File.GetUnixFileMode(tokenFolder), Is.EqualTo(OwnerOnlyFolder), tokenFolder);
        foreach (var file in tokens)
        {
            Assert.That(File.GetUnixFileMode(file), Is.EqualTo(OwnerReadWrite), file);
        }
    }

    [Test]
    public async Task A_store_in_a_new_nested_folder_creates_it_0700_and_keeps_0600_after_rewrites_even_under_a_permissive_umask_file()
    {
        using var temp = new TempFolder();
        var folder = Path.Combine(temp.Path, "a", "tokens");
        var store = new FileTokenStore(folder);

        await store.SaveAsync("one", Token);
        File.SetUnixFileMode(store.GetTokenPath("one"), OwnerReadWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead); // someone loosened it
        await store.SaveAsync("one", Token with { AccessToken = "rotated-access-token" });

        Assert.That(File.GetUnixFileMode(folder), Is.EqualTo(OwnerOnlyFolder));
        Assert.That(File.GetUnixFileMode(store.GetTokenPath("one")), Is.EqualTo(OwnerReadWrite), "a rewrite replaces the file with a private one");
        Assert.That((await store.LoadAsync("one"))!.AccessToken, Is.EqualTo("rotated-access-token"));
    }

    [Test]
    public async Task A_token_file_that_is_a_symbolic_link_is_refused_and_its_target_untouched()
    {
        using var temp = new TempFolder();
        var folder = temp.Sub("tokens");
        Directory.CreateDirectory(folder);
        var target = temp.Sub("elsewhere.json");
        await File.WriteAllTextAsync(target, "not a token");
        var store = new FileTokenStore(folder);
        File.CreateSymbolicLink(store.GetTokenPath("garmin"), target);

        Assert.ThrowsAsync<TokenStoreException>(async () => await store.SaveAsync("garmin", Token));
        Assert.That(await File.ReadAllTextAsync(target), Is.EqualTo("not a token"), "nothing written through the link");
        Assert.ThrowsAsync<TokenStoreException>(async () => await store.LoadAsync("garmin"), "a token is not read through a link either");
    }

    [Test]
    public async Task A_token_folder_that_is_a_symbolic_link_is_refused()
    {
        using var temp = new TempFolder();
        var real = temp.Sub("real");
        Directory.CreateDirectory(real);
        var link = temp.Sub("tokens");
        Directory.CreateSymbolicLink(link, real);
        var store = new FileTokenStore(link);

        Assert.ThrowsAsync<TokenStoreException>(async () => await store.SaveAsync("garmin", Token));
        Assert.That(Directory.GetFiles(real), Is.Empty, "nothing written into the link's target");
    }
}
