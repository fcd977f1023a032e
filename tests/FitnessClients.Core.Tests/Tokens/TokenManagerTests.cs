using FitnessClients.Core.Tokens;
using FitnessClients.Testing;

namespace FitnessClients.Core.Tests.Tokens;

public class TokenManagerTests
{
    private const string Key = "acct";
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    private FakeTimeProvider _clock = null!;
    private InMemoryTokenStore _store = null!;
    private FakeRefresher _refresher = null!;

    [SetUp]
    public void SetUp()
    {
        _clock = new FakeTimeProvider(FakeTimeDefaults.Start);
        _store = new InMemoryTokenStore();
        _refresher = new FakeRefresher(_clock);
    }

    [Test]
    public void Without_a_stored_token_the_user_is_told_to_sign_in()
    {
        var manager = Manager();

        var ex = Assert.ThrowsAsync<AuthenticationRequiredException>(async () => await manager.GetTokenAsync());

        Assert.That(ex!.TokenKey, Is.EqualTo(Key));
        Assert.That(ex.Message, Does.Contain("No token is stored for 'acct'").And.Contain("Sign in"));
    }

    [Test]
    public void The_sign_in_hint_and_service_from_the_options_are_put_on_the_exception()
    {
        var manager = Manager(new TokenManagerOptions { SignInHint = "Run 'fitness login strava'.", Service = "strava" });

        var ex = Assert.ThrowsAsync<AuthenticationRequiredException>(async () => await manager.GetTokenAsync());

        Assert.That(ex!.Message, Does.EndWith("Run 'fitness login strava'."));
        Assert.That(ex.Service, Is.EqualTo("strava"));
    }

    [Test]
    public async Task A_fresh_token_is_returned_without_refreshing()
    {
        await Store("access-0", expiresIn: TimeSpan.FromHours(1));

        var token = await Manager().GetTokenAsync();

        Assert.That(token.AccessToken, Is.EqualTo("access-0"));
        Assert.That(_refresher.Calls, Is.Zero);
    }

    [Test]
    public async Task A_token_without_expiry_is_used_as_it_is()
    {
        await _store.SaveAsync(Key, TestTokens.Create("access-0", refresh: null, expiresAt: null));
        _clock.Advance(TimeSpan.FromDays(365));

        var token = await Manager().GetTokenAsync();

        Assert.That(token.AccessToken, Is.EqualTo("access-0"));
        Assert.That(_refresher.Calls, Is.Zero);
    }

    [Test]
    public async Task The_token_is_refreshed_once_it_expires_within_the_margin_and_the_new_one_is_stored()
    {
        await Store("access-0", expiresIn: TimeSpan.FromHours(1));
        var manager = Manager();

        _clock.Advance(TimeSpan.FromMinutes(54)); // 6 minutes left
        Assert.That((await manager.GetTokenAsync()).AccessToken, Is.EqualTo("access-0"));

        _clock.Advance(TimeSpan.FromMinutes(1)); // 5 minutes left: inside the default margin
        var token = await manager.GetTokenAsync();

        Assert.That(token.AccessToken, Is.EqualTo("access-1"));
        Assert.That(_refresher.Calls, Is.EqualTo(1));
        var stored = await _store.LoadAsync(Key);
        Assert.That(stored!.AccessToken, Is.EqualTo("access-1"));
        Assert.That(stored.RefreshToken, Is.EqualTo("refresh-1"));
        Assert.That(stored.ExpiresAt, Is.EqualTo(_clock.GetUtcNow() + TimeSpan.FromHours(1)));
    }

    [Test]
    public async Task The_margin_comes_from_the_options()
    {
        await Store("access-0", expiresIn: TimeSpan.FromMinutes(9));

        var token = await Manager(new TokenManagerOptions { RefreshMargin = TimeSpan.FromMinutes(10) }).GetTokenAsync();

        Assert.That(token.AccessToken, Is.EqualTo("access-1"));
    }

    [Test]
    public async Task Ten_concurrent_callers_share_one_refresh()
    {
        await Store("access-0", expiresIn: TimeSpan.FromMinutes(1));
        _refresher.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var observed = new ObservedTokenStore(_store);
        var manager = new TokenManager(observed, Key, _refresher, timeProvider: _clock);

        var callers = Enumerable.Range(0, 10).Select(_ => manager.GetTokenAsync().AsTask()).ToArray();
        _refresher.Gate.SetResult();
        var tokens = await Task.WhenAll(callers).WaitAsync(Bound);

        Assert.That(_refresher.Calls, Is.EqualTo(1));
        Assert.That(observed.LockAcquisitions, Is.EqualTo(1), "the callers shared one refresh instead of queuing on the lock");
        Assert.That(tokens.Select(t => t.AccessToken), Is.All.EqualTo("access-1"));
    }

    [Test]
    public async Task Two_managers_over_the_same_store_and_key_share_one_refresh()
    {
        await Store("access-0", expiresIn: TimeSpan.FromMinutes(1));
        _refresher.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var otherRefresher = new FakeRefresher(_clock);
        var observed = new ObservedTokenStore(_store);

        var first = new TokenManager(observed, Key, _refresher, timeProvider: _clock).GetTokenAsync().AsTask();
        var second = new TokenManager(observed, Key, otherRefresher, timeProvider: _clock).GetTokenAsync().AsTask();
        _refresher.Gate.SetResult();
        var tokens = await Task.WhenAll(first, second).WaitAsync(Bound);

        Assert.That(_refresher.Calls + otherRefresher.Calls, Is.EqualTo(1));
        Assert.That(observed.LockAcquisitions, Is.EqualTo(1));
        Assert.That(tokens[1].AccessToken, Is.EqualTo(tokens[0].AccessToken));
    }

    [Test]
    public async Task The_rotated_token_is_saved_before_it_is_returned()
    {
        await Store("access-0", expiresIn: TimeSpan.FromMinutes(1));
        var observed = new ObservedTokenStore(_store)
        {
            SaveGate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously),
        };
        var manager = new TokenManager(observed, Key, _refresher, timeProvider: _clock);

        var pending = manager.GetTokenAsync().AsTask();
        await observed.SaveEntered.Task.WaitAsync(Bound);

        Assert.That(pending.IsCompleted, Is.False, "no token may be handed out before it is stored");
        Assert.That((await _store.LoadAsync(Key))!.RefreshToken, Is.EqualTo("refresh-0"));

        observed.SaveGate.SetResult();
        var token = await pending.WaitAsync(Bound);

        Assert.That(token.RefreshToken, Is.EqualTo("refresh-1"));
        Assert.That((await _store.LoadAsync(Key))!.RefreshToken, Is.EqualTo("refresh-1"));
    }

    [Test]
    public async Task A_result_without_a_refresh_token_keeps_the_old_one()
    {
        await Store("access-0", expiresIn: TimeSpan.FromMinutes(1));
        _refresher.Override = _ => TestTokens.Create("access-new", refresh: null, _clock.GetUtcNow().AddHours(1));

        var token = await Manager().GetTokenAsync();

        Assert.That(token.AccessToken, Is.EqualTo("access-new"));
        Assert.That(token.RefreshToken, Is.EqualTo("refresh-0"));
        Assert.That((await _store.LoadAsync(Key))!.RefreshToken, Is.EqualTo("refresh-0"));
    }

    [Test]
    public async Task A_refused_refresh_token_surfaces_as_AuthenticationRequired_with_the_key_and_keeps_the_stored_token()
    {
        await _store.SaveAsync(Key, TestTokens.Create("access-0", "refresh-revoked", _clock.GetUtcNow().AddMinutes(-1)));

        var ex = Assert.ThrowsAsync<AuthenticationRequiredException>(async () => await Manager().GetTokenAsync());

        Assert.Multiple(() =>
        {
            Assert.That(ex!.TokenKey, Is.EqualTo(Key));
            Assert.That(ex.ErrorCode, Is.EqualTo("invalid_grant"));
            Assert.That(ex.Service, Is.EqualTo("fake"));
            Assert.That(ex.InnerException, Is.InstanceOf<AuthenticationRequiredException>());
            Assert.That(ex.Message, Does.Contain("invalid_grant"));
        });
        Assert.That((await _store.LoadAsync(Key))!.RefreshToken, Is.EqualTo("refresh-revoked"));
    }

    [Test]
    public async Task An_expired_token_without_a_refresh_token_requires_signing_in()
    {
        await _store.SaveAsync(Key, TestTokens.Create("access-0", refresh: null, _clock.GetUtcNow().AddSeconds(-1)));

        var ex = Assert.ThrowsAsync<AuthenticationRequiredException>(async () => await Manager().GetTokenAsync());

        Assert.That(ex!.TokenKey, Is.EqualTo(Key));
        Assert.That(ex.Message, Does.Contain("expired").And.Contain("no refresh token").And.Contain("Sign in again"));
    }

    [Test]
    public async Task A_token_inside_the_margin_without_a_refresh_token_is_used_until_it_expires()
    {
        await _store.SaveAsync(Key, TestTokens.Create("access-0", refresh: null, _clock.GetUtcNow().AddMinutes(2)));

        var token = await Manager().GetTokenAsync();

        Assert.That(token.AccessToken, Is.EqualTo("access-0"));
        Assert.That(_refresher.Calls, Is.Zero);
    }

    [Test]
    public async Task After_a_rejection_the_still_stored_token_is_refreshed_even_if_not_stale()
    {
        var rejected = await Store("access-0", expiresIn: TimeSpan.FromHours(1));

        var token = await Manager().RefreshAfterRejectionAsync(rejected);

        Assert.That(token.AccessToken, Is.EqualTo("access-1"));
        Assert.That(_refresher.Calls, Is.EqualTo(1));
    }

    [Test]
    public async Task After_a_rejection_a_token_someone_else_already_replaced_is_used_without_refreshing()
    {
        var rejected = TestTokens.Create("access-old", "refresh-old", _clock.GetUtcNow().AddHours(1));
        await Store("access-newer", expiresIn: TimeSpan.FromHours(1));

        var token = await Manager().RefreshAfterRejectionAsync(rejected);

        Assert.That(token.AccessToken, Is.EqualTo("access-newer"));
        Assert.That(_refresher.Calls, Is.Zero);
    }

    [Test]
    public async Task A_rejected_token_without_a_refresh_token_requires_signing_in()
    {
        var rejected = TestTokens.Create("access-0", refresh: null, expiresAt: null);
        await _store.SaveAsync(Key, rejected);

        var ex = Assert.ThrowsAsync<AuthenticationRequiredException>(async () => await Manager().RefreshAfterRejectionAsync(rejected));

        Assert.That(ex!.TokenKey, Is.EqualTo(Key));
        Assert.That(ex.Message, Does.Contain("rejected"));
    }

    [Test]
    public async Task A_token_refreshed_by_someone_else_while_waiting_for_the_lock_is_used_without_calling_the_refresher()
    {
        await Store("access-0", expiresIn: TimeSpan.FromMinutes(1));
        var observed = new ObservedTokenStore(_store)
        {
            // What another process does while this one waits: it refreshes and saves first.
            OnLockAcquired = async () => await _store.SaveAsync(
                Key,
                TestTokens.Create("access-other", "refresh-other", _clock.GetUtcNow().AddHours(1))),
        };

        var token = await new TokenManager(observed, Key, _refresher, timeProvider: _clock).GetTokenAsync();

        Assert.That(token.AccessToken, Is.EqualTo("access-other"));
        Assert.That(_refresher.Calls, Is.Zero);
        Assert.That(observed.LockAcquisitions, Is.EqualTo(1));
    }

    [Test]
    public async Task A_rejection_that_joins_a_refresh_ending_on_the_rejected_token_refreshes_again()
    {
        await Store("access-0", expiresIn: TimeSpan.FromMinutes(1));
        var fromOtherProcess = TestTokens.Create("access-other", "refresh-0", _clock.GetUtcNow().AddHours(1));
        Task<OAuthToken>? rejection = null;
        var observed = new ObservedTokenStore(_store);
        var rejecting = new TokenManager(observed, Key, _refresher, timeProvider: _clock);
        observed.OnLockAcquired = async () =>
        {
            if (rejection is null)
            {
                // While the first refresh holds the lock: another process stores a token, the service rejects it,
                // and that rejection joins the refresh in flight (which will settle on the rejected token).
                await _store.SaveAsync(Key, fromOtherProcess);
                rejection = rejecting.RefreshAfterRejectionAsync(fromOtherProcess).AsTask();
            }
        };

        var first = await new TokenManager(observed, Key, _refresher, timeProvider: _clock).GetTokenAsync().AsTask().WaitAsync(Bound);
        var replacement = await rejection!.WaitAsync(Bound);

        Assert.That(first.AccessToken, Is.EqualTo("access-other"));
        Assert.That(replacement.AccessToken, Is.EqualTo("access-1"), "the rejected token is never handed back");
        Assert.That(_refresher.Calls, Is.EqualTo(1));
    }

    [Test]
    public async Task A_failed_early_refresh_falls_back_to_the_still_valid_token_and_waits_before_trying_again()
    {
        await Store("access-0", expiresIn: TimeSpan.FromMinutes(3));
        _refresher.Override = _ => throw new HttpRequestException("token endpoint down");
        var manager = Manager();

        Assert.That((await manager.GetTokenAsync()).AccessToken, Is.EqualTo("access-0"));
        Assert.That((await manager.GetTokenAsync()).AccessToken, Is.EqualTo("access-0"));
        Assert.That(_refresher.Calls, Is.EqualTo(1), "no retry inside the back-off");

        _clock.Advance(TimeSpan.FromSeconds(30));
        await manager.GetTokenAsync();
        Assert.That(_refresher.Calls, Is.EqualTo(2));
    }

    [Test]
    public async Task A_failed_refresh_of_an_expired_token_is_thrown()
    {
        await Store("access-0", expiresIn: TimeSpan.FromMinutes(-1));
        _refresher.Override = _ => throw new HttpRequestException("token endpoint down");

        Assert.That(async () => await Manager().GetTokenAsync(), Throws.InstanceOf<HttpRequestException>());
    }

    [Test]
    public async Task A_caller_that_stops_waiting_does_not_stop_the_refresh_from_being_saved()
    {
        await Store("access-0", expiresIn: TimeSpan.FromMinutes(1));
        _refresher.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var manager = Manager();
        using var cancel = new CancellationTokenSource();

        var abandoned = manager.GetTokenAsync(cancel.Token).AsTask();
        await cancel.CancelAsync();
        Assert.That(async () => await abandoned.WaitAsync(Bound), Throws.InstanceOf<OperationCanceledException>());

        _refresher.Gate.SetResult();
        var token = await manager.GetTokenAsync().AsTask().WaitAsync(Bound);

        Assert.That(token.AccessToken, Is.EqualTo("access-1"));
        Assert.That(_refresher.Calls, Is.EqualTo(1));
        Assert.That((await _store.LoadAsync(Key))!.RefreshToken, Is.EqualTo("refresh-1"));
    }

    [Test]
    public async Task Logs_carry_the_key_and_expiry_but_never_a_token_value()
    {
        await _store.SaveAsync(Key, TestTokens.Create("AT-secret-0", "RT-secret-0", _clock.GetUtcNow().AddMinutes(1)));
        _refresher.ValidRefreshToken = "RT-secret-0";
        _refresher.Override = _ => TestTokens.Create("AT-secret-1", "RT-secret-1", _clock.GetUtcNow().AddHours(1));
        var logger = new ListLogger<TokenManager>();
        var manager = new TokenManager(_store, Key, _refresher, timeProvider: _clock, logger: logger);

        var token = await manager.GetTokenAsync();
        await manager.RefreshAfterRejectionAsync(token);

        Assert.That(logger.Entries, Is.Not.Empty);
        Assert.That(logger.Entries, Has.Some.Contains(Key));
        Assert.That(logger.Entries, Has.None.Contains("secret"));
    }

    [Test]
    public void A_negative_margin_is_rejected()
    {
        Assert.That(
            () => Manager(new TokenManagerOptions { RefreshMargin = TimeSpan.FromSeconds(-1) }),
            Throws.InstanceOf<ArgumentOutOfRangeException>());
    }

    private TokenManager Manager(TokenManagerOptions? options = null) =>
        new(_store, Key, _refresher, options, _clock);

    private async Task<OAuthToken> Store(string access, TimeSpan expiresIn)
    {
        var token = TestTokens.Create(access, "refresh-0", _clock.GetUtcNow() + expiresIn);
        await _store.SaveAsync(Key, token);
        return token;
    }
}
