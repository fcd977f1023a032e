using FitnessClients.Core.Tokens;
using FitnessClients.Testing;

namespace FitnessClients.Core.Tests.Tokens;

public class FileTokenStoreLockTests : FileTokenStoreFixture
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    [Test]
    public async Task A_second_store_over_the_same_directory_waits_until_the_first_releases()
    {
        var first = new FileTokenStore(StoreDirectory);
        var second = new FileTokenStore(StoreDirectory);
        var held = await first.AcquireRefreshLockAsync("acct");

        var waiting = second.AcquireRefreshLockAsync("acct").AsTask();
        await Task.Yield();
        Assert.That(waiting.IsCompleted, Is.False, "the lock is held");

        await held.DisposeAsync();
        var acquired = await waiting.WaitAsync(Bound);
        await acquired.DisposeAsync();
    }

    [Test]
    public async Task Locks_of_different_keys_do_not_block_each_other()
    {
        var store = new FileTokenStore(StoreDirectory);
        await using var first = await store.AcquireRefreshLockAsync("one");

        var second = await store.AcquireRefreshLockAsync("two").AsTask().WaitAsync(Bound);

        await second.DisposeAsync();
    }

    [Test]
    public async Task Disposing_a_lock_twice_releases_it_once()
    {
        var store = new FileTokenStore(StoreDirectory);
        var held = await store.AcquireRefreshLockAsync("acct");
        await held.DisposeAsync();
        await held.DisposeAsync();

        var next = await store.AcquireRefreshLockAsync("acct").AsTask().WaitAsync(Bound);
        var blocked = store.AcquireRefreshLockAsync("acct").AsTask();
        await Task.Yield();

        Assert.That(blocked.IsCompleted, Is.False, "a double dispose must not let two holders in");
        await next.DisposeAsync();
        await (await blocked.WaitAsync(Bound)).DisposeAsync();
    }

    [Test]
    public async Task A_lock_file_held_by_someone_else_is_waited_for_by_polling()
    {
        var store = new FileTokenStore(StoreDirectory) { LockPollInterval = TimeSpan.FromMilliseconds(10) };
        Directory.CreateDirectory(StoreDirectory);
        var foreign = OpenLockFileLikeAnotherProcess();

        var waiting = store.AcquireRefreshLockAsync("acct").AsTask();
        await Task.Yield();
        Assert.That(waiting.IsCompleted, Is.False);

        await foreign.DisposeAsync();
        await (await waiting.WaitAsync(Bound)).DisposeAsync();
    }

    [Test]
    public async Task Waiting_for_a_foreign_lock_gives_up_after_the_lock_timeout_on_the_store_clock()
    {
        var clock = new TimerTrackingTimeProvider();
        var store = new FileTokenStore(StoreDirectory, clock) { LockTimeout = TimeSpan.FromMinutes(2) };
        Directory.CreateDirectory(StoreDirectory);
        await using var foreign = OpenLockFileLikeAnotherProcess();

        var waiting = store.AcquireRefreshLockAsync("acct").AsTask();
        await WaitUntilAsync(() => clock.PendingTimerCount >= 2); // the timeout and the first poll delay
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.That(waiting.IsCompleted, Is.False, "still inside the timeout");
        clock.Advance(TimeSpan.FromMinutes(1));

        var ex = Assert.ThrowsAsync<TokenStoreException>(async () => await waiting.WaitAsync(Bound));
        Assert.That(ex!.Message, Does.Contain("another process").And.Contain("120 s").And.Contain("acct.lock"));
        Assert.That(ex.Path, Is.EqualTo(Path.Combine(StoreDirectory, "acct.lock")));
    }

    [Test]
    public async Task Waiting_for_a_lock_held_in_this_process_gives_up_after_the_lock_timeout()
    {
        var clock = new TimerTrackingTimeProvider();
        await using var held = await new FileTokenStore(StoreDirectory).AcquireRefreshLockAsync("acct");
        var store = new FileTokenStore(StoreDirectory, clock) { LockTimeout = TimeSpan.FromSeconds(30) };

        var waiting = store.AcquireRefreshLockAsync("acct").AsTask();
        await WaitUntilAsync(() => clock.PendingTimerCount >= 1);
        clock.Advance(TimeSpan.FromSeconds(30));

        var ex = Assert.ThrowsAsync<TokenStoreException>(async () => await waiting.WaitAsync(Bound));
        Assert.That(ex!.Message, Does.Contain("in this process"));
    }

    [Test]
    public async Task Cancelling_the_wait_throws_OperationCanceledException_and_leaves_the_lock_usable()
    {
        var store = new FileTokenStore(StoreDirectory) { LockPollInterval = TimeSpan.FromMilliseconds(10) };
        Directory.CreateDirectory(StoreDirectory);
        var foreign = OpenLockFileLikeAnotherProcess();
        using var cancel = new CancellationTokenSource();

        var waiting = store.AcquireRefreshLockAsync("acct", cancel.Token).AsTask();
        await cancel.CancelAsync();

        Assert.That(async () => await waiting.WaitAsync(Bound), Throws.InstanceOf<OperationCanceledException>());
        await foreign.DisposeAsync();
        await (await store.AcquireRefreshLockAsync("acct").AsTask().WaitAsync(Bound)).DisposeAsync();
    }

    // Opening the lock file exclusively is exactly what another process's store does; the in-process semaphore
    // is bypassed, so the store has to fall back to polling the file.
    private FileStream OpenLockFileLikeAnotherProcess() =>
        new(Path.Combine(StoreDirectory, "acct.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);

    private static Task WaitUntilAsync(Func<bool> condition) => Eventually.WaitUntilAsync(condition, "the store to start waiting");
}
