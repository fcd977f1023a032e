using System.Runtime.Versioning;
using FitnessClients.Core.Tokens;

namespace FitnessClients.Core.Tests.Tokens;

/// <summary>Permissions, symbolic links and damaged files: the cases where the store must refuse rather than guess.</summary>
public class FileTokenStoreSafetyTests : FileTokenStoreFixture
{
    private const string SecretInFile = "s3cret-refresh-value";

    [Test]
    [Platform(Exclude = "Win")]
    [UnsupportedOSPlatform("windows")]
    public async Task The_directory_is_0700_and_the_token_and_lock_files_are_0600()
    {
        await Store.SaveAsync("acct", TestTokens.Create("access-1"));
        await (await Store.AcquireRefreshLockAsync("acct")).DisposeAsync();

        Assert.Multiple(() =>
        {
            Assert.That(File.GetUnixFileMode(StoreDirectory), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute));
            Assert.That(File.GetUnixFileMode(Path.Combine(StoreDirectory, "acct.json")), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
            Assert.That(File.GetUnixFileMode(Path.Combine(StoreDirectory, "acct.lock")), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
        });
    }

    [Test]
    [Platform(Exclude = "Win")]
    [UnsupportedOSPlatform("windows")]
    public async Task Replacing_a_world_readable_token_file_leaves_a_0600_file()
    {
        await Store.SaveAsync("acct", TestTokens.Create("access-1"));
        var path = Path.Combine(StoreDirectory, "acct.json");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        await Store.SaveAsync("acct", TestTokens.Create("access-2"));

        Assert.That(File.GetUnixFileMode(path), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
    }

    [Test]
    public async Task A_symlinked_token_file_is_refused_for_load_save_and_delete_and_its_target_is_untouched()
    {
        Directory.CreateDirectory(StoreDirectory);
        var target = Temp.Combine("elsewhere.json");
        await File.WriteAllTextAsync(target, """{ "access_token": "target-content" }""");
        var link = Path.Combine(StoreDirectory, "acct.json");
        File.CreateSymbolicLink(link, target);

        var load = Assert.ThrowsAsync<TokenStoreException>(async () => await Store.LoadAsync("acct"));
        var save = Assert.ThrowsAsync<TokenStoreException>(async () => await Store.SaveAsync("acct", TestTokens.Create("access-new")));
        Assert.ThrowsAsync<TokenStoreException>(async () => await Store.DeleteAsync("acct"));

        Assert.Multiple(() =>
        {
            Assert.That(load!.Path, Is.EqualTo(link));
            Assert.That(load.Message, Does.Contain(link).And.Contain("symbolic link"));
            Assert.That(save!.Path, Is.EqualTo(link));
            Assert.That(File.ReadAllText(target), Is.EqualTo("""{ "access_token": "target-content" }"""));
            Assert.That(new FileInfo(link).LinkTarget, Is.EqualTo(target), "the link itself is left in place");
            Assert.That(Directory.GetFiles(StoreDirectory, "*.tmp"), Is.Empty);
        });
    }

    [Test]
    public void A_dangling_symlink_is_refused_too()
    {
        Directory.CreateDirectory(StoreDirectory);
        var target = Temp.Combine("not-there.json");
        File.CreateSymbolicLink(Path.Combine(StoreDirectory, "acct.json"), target);

        Assert.ThrowsAsync<TokenStoreException>(async () => await Store.LoadAsync("acct"));
        Assert.ThrowsAsync<TokenStoreException>(async () => await Store.SaveAsync("acct", TestTokens.Create("access-new")));
        Assert.That(File.Exists(target), Is.False, "saving must not create the link's target");
    }

    [Test]
    public async Task A_symlinked_token_directory_is_refused()
    {
        var real = Temp.Combine("real-tokens");
        await new FileTokenStore(real).SaveAsync("acct", TestTokens.Create("access-1"));
        Directory.CreateSymbolicLink(StoreDirectory, real);

        var ex = Assert.ThrowsAsync<TokenStoreException>(async () => await Store.LoadAsync("acct"));
        Assert.ThrowsAsync<TokenStoreException>(async () => await Store.SaveAsync("acct", TestTokens.Create("access-2")));
        Assert.ThrowsAsync<TokenStoreException>(async () => await Store.AcquireRefreshLockAsync("acct"));

        Assert.That(ex!.Path, Is.EqualTo(StoreDirectory));
        Assert.That((await new FileTokenStore(real).LoadAsync("acct"))!.AccessToken, Is.EqualTo("access-1"));
    }

    [Test]
    public void A_symlinked_lock_file_is_refused()
    {
        Directory.CreateDirectory(StoreDirectory);
        var target = Temp.Combine("lock-target");
        File.WriteAllText(target, "");
        File.CreateSymbolicLink(Path.Combine(StoreDirectory, "acct.lock"), target);

        var ex = Assert.ThrowsAsync<TokenStoreException>(async () => await Store.AcquireRefreshLockAsync("acct"));

        Assert.That(ex!.Path, Is.EqualTo(Path.Combine(StoreDirectory, "acct.lock")));
    }

    [TestCase("", "is empty")]
    [TestCase("  \n\t ", "is empty")]
    [TestCase("{ \"access_token\": \"" + SecretInFile, "is not valid JSON")]
    [TestCase(SecretInFile, "is not valid JSON")]
    [TestCase("{ \"refresh_token\": \"" + SecretInFile + "\" }", "has no access_token")]
    [TestCase("{ \"access_token\": null, \"refresh_token\": \"" + SecretInFile + "\" }", "has no access_token")]
    [TestCase("{ \"access_token\": \"   \", \"refresh_token\": \"" + SecretInFile + "\" }", "has no access_token")]
    [TestCase("[ \"" + SecretInFile + "\" ]", "does not hold a JSON object")]
    [TestCase("{ \"access_token\": \"x\", \"refresh_token\": \"" + SecretInFile + "\", \"expires_at\": \"tomorrow\" }", "wrong type at $.expires_at")]
    [TestCase("{ \"access_token\": \"x\", \"refresh_token\": \"" + SecretInFile + "\" } trailing", "is not valid JSON")]
    public async Task A_damaged_file_is_reported_with_its_path_and_without_its_content_and_left_alone(string content, string problem)
    {
        Directory.CreateDirectory(StoreDirectory);
        var path = Path.Combine(StoreDirectory, "acct.json");
        await File.WriteAllTextAsync(path, content);

        var ex = Assert.ThrowsAsync<TokenStoreException>(async () => await Store.LoadAsync("acct"));

        Assert.Multiple(() =>
        {
            Assert.That(ex!.Path, Is.EqualTo(path));
            Assert.That(ex.Message, Does.Contain(path).And.Contain(problem).And.Contain("sign in again"));
            Assert.That(ex.ToString(), Does.Not.Contain(SecretInFile).And.Not.Contain("s3c"));
            Assert.That(File.ReadAllText(path), Is.EqualTo(content), "the damaged file is kept for the user");
        });
    }
}
