using System.Text.Json;
using FitnessClients.Core.Tokens;

namespace FitnessClients.Core.Tests.Tokens;

public class FileTokenStoreTests : FileTokenStoreFixture
{
    [Test]
    public async Task A_saved_token_loads_back_with_every_field()
    {
        var token = TestTokens.Full();

        await Store.SaveAsync("strava-jane", token);
        var loaded = await new FileTokenStore(StoreDirectory).LoadAsync("strava-jane");

        TestTokens.AssertSame(loaded, token);
    }

    [Test]
    public async Task The_file_is_indented_json_with_snake_case_names()
    {
        await Store.SaveAsync("acct", TestTokens.Full());

        var text = await File.ReadAllTextAsync(Path.Combine(StoreDirectory, "acct.json"));
        using var json = JsonDocument.Parse(text);

        Assert.That(text, Does.Contain("\n  \"access_token\""));
        Assert.That(
            json.RootElement.EnumerateObject().Select(p => p.Name),
            Is.EquivalentTo(new[] { "access_token", "refresh_token", "expires_at", "scopes", "token_type", "extras" }));
    }

    [Test]
    public async Task Loading_a_key_that_was_never_saved_gives_null_without_creating_the_directory()
    {
        var loaded = await Store.LoadAsync("nobody");

        Assert.That(loaded, Is.Null);
        Assert.That(Directory.Exists(StoreDirectory), Is.False);
    }

    [Test]
    public async Task A_second_save_replaces_the_first_and_leaves_no_temp_files()
    {
        await Store.SaveAsync("acct", TestTokens.Create("access-1"));
        await Store.SaveAsync("acct", TestTokens.Create("access-2"));

        var loaded = await Store.LoadAsync("acct");

        Assert.That(loaded!.AccessToken, Is.EqualTo("access-2"));
        Assert.That(Directory.GetFiles(StoreDirectory), Is.EqualTo(new[] { Path.Combine(StoreDirectory, "acct.json") }));
    }

    [Test]
    public async Task Delete_removes_the_token_and_reports_whether_there_was_one()
    {
        await Store.SaveAsync("acct", TestTokens.Create("access-1"));

        Assert.That(await Store.DeleteAsync("acct"), Is.True);
        Assert.That(await Store.LoadAsync("acct"), Is.Null);
        Assert.That(await Store.DeleteAsync("acct"), Is.False);
    }

    [Test]
    public async Task A_save_that_fails_while_writing_keeps_the_old_token_and_removes_its_temp_file()
    {
        var original = TestTokens.Full();
        await Store.SaveAsync("acct", original);
        var before = await File.ReadAllBytesAsync(Path.Combine(StoreDirectory, "acct.json"));

        // A default ImmutableArray cannot be enumerated, so the serializer fails half-way through the temp file.
        var broken = TestTokens.Full(access: "access-new") with { Scopes = default };
        Assert.That(async () => await Store.SaveAsync("acct", broken), Throws.Exception);

        Assert.That(await File.ReadAllBytesAsync(Path.Combine(StoreDirectory, "acct.json")), Is.EqualTo(before));
        TestTokens.AssertSame(await Store.LoadAsync("acct"), original);
        Assert.That(Directory.GetFiles(StoreDirectory, "*.tmp", SearchOption.AllDirectories), Is.Empty);
    }

    [Test]
    public async Task A_cancelled_save_keeps_the_old_token()
    {
        await Store.SaveAsync("acct", TestTokens.Create("access-old"));
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        Assert.That(
            async () => await Store.SaveAsync("acct", TestTokens.Create("access-new"), cancelled.Token),
            Throws.InstanceOf<OperationCanceledException>());

        Assert.That((await Store.LoadAsync("acct"))!.AccessToken, Is.EqualTo("access-old"));
        Assert.That(Directory.GetFiles(StoreDirectory, "*.tmp"), Is.Empty);
    }

    [Test]
    public void A_token_without_an_access_token_is_not_saved()
    {
        Assert.That(
            async () => await Store.SaveAsync("acct", TestTokens.Create("")),
            Throws.InstanceOf<ArgumentException>());
    }

    [Test]
    public void A_leading_tilde_means_the_home_directory()
    {
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);

        Assert.That(new FileTokenStore("~/fitness/tokens").DirectoryPath, Is.EqualTo(Path.Combine(home, "fitness", "tokens")));
        Assert.That(new FileTokenStore("~").DirectoryPath, Is.EqualTo(Path.GetFullPath(home)));
        Assert.That(new FileTokenStore("/srv/~x").DirectoryPath, Is.EqualTo(Path.GetFullPath("/srv/~x")));
    }

    [TestCase("")]
    [TestCase(".")]
    [TestCase("..")]
    [TestCase("../escape")]
    [TestCase("a..b")]
    [TestCase("a/b")]
    [TestCase("a\\b")]
    [TestCase("/etc/passwd")]
    [TestCase("has space")]
    [TestCase("ümlaut")]
    [TestCase("colon:x")]
    public void Keys_that_are_not_plain_file_names_are_rejected(string key)
    {
        Assert.Multiple(() =>
        {
            Assert.That(async () => await Store.LoadAsync(key), Throws.InstanceOf<ArgumentException>());
            Assert.That(async () => await Store.SaveAsync(key, TestTokens.Create("a")), Throws.InstanceOf<ArgumentException>());
            Assert.That(async () => await Store.DeleteAsync(key), Throws.InstanceOf<ArgumentException>());
            Assert.That(async () => await Store.AcquireRefreshLockAsync(key), Throws.InstanceOf<ArgumentException>());
            Assert.That(() => Store.GetTokenPath(key), Throws.InstanceOf<ArgumentException>());
        });
        Assert.That(Directory.Exists(StoreDirectory), Is.False, "nothing was created for a rejected key");
    }

    [Test]
    public void An_overlong_key_is_rejected()
    {
        Assert.That(() => Store.GetTokenPath(new string('k', 201)), Throws.InstanceOf<ArgumentException>());
        Assert.That(Store.GetTokenPath(new string('k', 200)), Does.EndWith(new string('k', 200) + ".json"));
    }

    [Test]
    public async Task Keys_with_letters_digits_dashes_underscores_and_dots_work()
    {
        await Store.SaveAsync("Strava-jane_2.main", TestTokens.Create("access-1"));

        Assert.That(File.Exists(Path.Combine(StoreDirectory, "Strava-jane_2.main.json")), Is.True);
        Assert.That((await Store.LoadAsync("Strava-jane_2.main"))!.AccessToken, Is.EqualTo("access-1"));
    }
}
