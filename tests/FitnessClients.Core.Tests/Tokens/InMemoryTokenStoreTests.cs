using FitnessClients.Core.Tokens;

namespace FitnessClients.Core.Tests.Tokens;

public class InMemoryTokenStoreTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    [Test]
    public async Task Saves_loads_and_deletes_by_key()
    {
        var store = new InMemoryTokenStore();
        var token = TestTokens.Full();

        await store.SaveAsync("acct", token);

        Assert.That(await store.LoadAsync("acct"), Is.SameAs(token));
        Assert.That(await store.LoadAsync("other"), Is.Null);
        Assert.That(await store.DeleteAsync("acct"), Is.True);
        Assert.That(await store.DeleteAsync("acct"), Is.False);
        Assert.That(await store.LoadAsync("acct"), Is.Null);
    }

    [Test]
    public async Task Concurrent_saves_leave_one_complete_token_per_key()
    {
        var store = new InMemoryTokenStore();

        await Parallel.ForAsync(0, 200, async (i, ct) =>
        {
            await store.SaveAsync($"acct-{i % 4}", TestTokens.Create($"access-{i}"), ct);
            _ = await store.LoadAsync($"acct-{i % 4}", ct);
        });

        for (var k = 0; k < 4; k++)
        {
            var loaded = await store.LoadAsync($"acct-{k}");
            Assert.That(int.Parse(loaded!.AccessToken["access-".Length..], System.Globalization.CultureInfo.InvariantCulture) % 4, Is.EqualTo(k));
        }
    }

    [Test]
    public async Task The_refresh_lock_is_exclusive_per_key()
    {
        var store = new InMemoryTokenStore();
        var held = await store.AcquireRefreshLockAsync("acct");
        var other = await store.AcquireRefreshLockAsync("other").AsTask().WaitAsync(Bound);

        var waiting = store.AcquireRefreshLockAsync("acct").AsTask();
        Assert.That(waiting.IsCompleted, Is.False);

        await held.DisposeAsync();
        await (await waiting.WaitAsync(Bound)).DisposeAsync();
        await other.DisposeAsync();
    }

    [Test]
    public void Empty_keys_and_tokens_without_an_access_token_are_rejected()
    {
        var store = new InMemoryTokenStore();

        Assert.That(async () => await store.LoadAsync(""), Throws.InstanceOf<ArgumentException>());
        Assert.That(async () => await store.SaveAsync("acct", TestTokens.Create(" ")), Throws.InstanceOf<ArgumentException>());
    }
}
