using System.Net;
using System.Net.Sockets;
using FitnessClients.Core.OAuth;
using FitnessClients.Testing;

namespace FitnessClients.Core.Tests.OAuth;

public class LoopbackRedirectListenerTests
{
    private const string State = "st4te";
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    private TimerTrackingTimeProvider _clock = null!;
    private HttpClient _browser = null!;

    [SetUp]
    public void SetUp()
    {
        _clock = new TimerTrackingTimeProvider();
        _browser = new HttpClient(new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false });
    }

    [TearDown]
    public void TearDown() => _browser.Dispose();

    [Test]
    public async Task Picks_a_free_port_on_the_loopback_address()
    {
        await using var listener = new LoopbackRedirectListener(0, "/callback", _clock);

        Assert.That(listener.Port, Is.GreaterThan(0));
        Assert.That(listener.RedirectUri, Is.EqualTo(new Uri($"http://127.0.0.1:{listener.Port}/callback")));
    }

    [Test]
    public async Task Receives_the_code_and_scopes_and_tells_the_browser_it_can_close()
    {
        await using var listener = new LoopbackRedirectListener(0, "/callback", _clock);
        var wait = listener.WaitForCallbackAsync(State, Timeout);

        using var response = await _browser.GetAsync(new Uri(listener.RedirectUri, $"?state={State}&code=the-code&scope=read,activity:read_all"));
        var page = await response.Content.ReadAsStringAsync();
        var callback = await wait;

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("text/html"));
        Assert.That(page, Does.Contain("You can close this window").And.Not.Contain("the-code"));
        Assert.That(callback.Code, Is.EqualTo("the-code"));
        Assert.That(callback.Scopes, Is.EqualTo(new[] { "read", "activity:read_all" }));
        Assert.That(callback.Query["scope"], Is.EqualTo("read,activity:read_all"));
    }

    [Test]
    public async Task Ignores_the_favicon_and_other_paths()
    {
        await using var listener = new LoopbackRedirectListener(0, "/callback", _clock);
        var wait = listener.WaitForCallbackAsync(State, Timeout);

        using var favicon = await _browser.GetAsync(new Uri(listener.RedirectUri, "/favicon.ico"));
        using var other = await _browser.GetAsync(new Uri(listener.RedirectUri, "/elsewhere?code=x&state=y"));
        Assert.That(favicon.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(other.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(wait.IsCompleted, Is.False);

        using var response = await _browser.GetAsync(new Uri(listener.RedirectUri, $"/callback?code=the-code&state={State}"));
        Assert.That((await wait).Code, Is.EqualTo("the-code"));
    }

    [Test]
    public async Task An_idle_speculative_connection_does_not_hold_up_the_redirect()
    {
        await using var listener = new LoopbackRedirectListener(0, "/", _clock);
        var wait = listener.WaitForCallbackAsync(State, Timeout);
        using var idle = new TcpClient();
        await idle.ConnectAsync(IPAddress.Loopback, listener.Port);

        using var response = await _browser.GetAsync(new Uri(listener.RedirectUri, $"?code=the-code&state={State}"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await wait).Code, Is.EqualTo("the-code"));
    }

    [Test]
    public async Task A_state_mismatch_shows_an_error_page_and_throws_a_callback_exception()
    {
        await using var listener = new LoopbackRedirectListener(0, "/callback", _clock);
        var wait = listener.WaitForCallbackAsync(State, Timeout);

        using var response = await _browser.GetAsync(new Uri(listener.RedirectUri, "?state=forged&code=the-code"));
        var page = await response.Content.ReadAsStringAsync();
        var ex = Assert.ThrowsAsync<OAuthCallbackException>(() => wait);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(page, Does.Contain("Sign-in failed").And.Contain("does not match").And.Not.Contain("the-code"));
        Assert.That(ex!.Reason, Is.EqualTo(OAuthCallbackFailure.StateMismatch));
        Assert.That(ex, Is.Not.InstanceOf<AuthenticationRequiredException>());
    }

    [Test]
    public async Task Access_denied_shows_an_error_page_and_throws_with_the_error_code()
    {
        await using var listener = new LoopbackRedirectListener(0, "/callback", _clock);
        var wait = listener.WaitForCallbackAsync(State, Timeout);

        using var response = await _browser.GetAsync(new Uri(listener.RedirectUri, $"?state={State}&error=access_denied"));
        var page = await response.Content.ReadAsStringAsync();
        var ex = Assert.ThrowsAsync<OAuthCallbackException>(() => wait);

        Assert.That(page, Does.Contain("cancelled"));
        Assert.That(ex!.Reason, Is.EqualTo(OAuthCallbackFailure.AccessDenied));
        Assert.That(ex.ErrorCode, Is.EqualTo("access_denied"));
    }

    [Test]
    public async Task Times_out_on_the_listeners_clock()
    {
        await using var listener = new LoopbackRedirectListener(0, "/callback", _clock);
        var wait = listener.WaitForCallbackAsync(State, Timeout);
        await WaitUntilAsync(() => _clock.PendingTimerCount > 0);

        _clock.Advance(Timeout - TimeSpan.FromSeconds(1));
        Assert.That(wait.IsCompleted, Is.False);
        _clock.Advance(TimeSpan.FromSeconds(1));

        var ex = Assert.ThrowsAsync<OAuthCallbackException>(() => wait);
        Assert.That(ex!.Reason, Is.EqualTo(OAuthCallbackFailure.Timeout));
        Assert.That(ex.Message, Does.Contain("5 minutes"));
    }

    [Test]
    public async Task The_listener_can_wait_again_after_a_failed_attempt()
    {
        await using var listener = new LoopbackRedirectListener(0, "/", _clock);
        var first = listener.WaitForCallbackAsync(State, Timeout);
        using (await _browser.GetAsync(new Uri(listener.RedirectUri, "?error=access_denied")))
        {
        }

        Assert.ThrowsAsync<OAuthCallbackException>(() => first);

        var second = listener.WaitForCallbackAsync("new-state", Timeout);
        using var response = await _browser.GetAsync(new Uri(listener.RedirectUri, "?code=second-code&state=new-state"));
        Assert.That((await second).Code, Is.EqualTo("second-code"));
    }

    [Test]
    public async Task Only_one_wait_at_a_time()
    {
        await using var listener = new LoopbackRedirectListener(0, "/", _clock);
        using var cancel = new CancellationTokenSource();
        var first = listener.WaitForCallbackAsync(State, Timeout, cancel.Token);

        Assert.ThrowsAsync<InvalidOperationException>(() => listener.WaitForCallbackAsync(State, Timeout));

        await cancel.CancelAsync();
        var ex = Assert.CatchAsync<OperationCanceledException>(() => first);
        Assert.That(ex!.CancellationToken, Is.EqualTo(cancel.Token));
    }

    [Test]
    public async Task Disposing_ends_a_wait_and_frees_the_port()
    {
        var listener = new LoopbackRedirectListener(0, "/", _clock);
        var wait = listener.WaitForCallbackAsync(State, Timeout);

        await listener.DisposeAsync();

        Assert.CatchAsync<ObjectDisposedException>(() => wait);
        await using var again = new LoopbackRedirectListener(listener.Port, "/", _clock);
        Assert.That(again.Port, Is.EqualTo(listener.Port));
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = TimeProvider.System.GetUtcNow().AddSeconds(10);
        while (!condition())
        {
            if (TimeProvider.System.GetUtcNow() > deadline)
            {
                Assert.Fail("The condition was not met within 10 seconds.");
            }

            await Task.Yield();
        }
    }
}
