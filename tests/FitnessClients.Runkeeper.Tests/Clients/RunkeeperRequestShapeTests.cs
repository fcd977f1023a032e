using System.Net;
using System.Text;
using FitnessClients.Core;
using FitnessClients.Core.Tokens;
using FitnessClients.Runkeeper.Auth;
using FitnessClients.Core.OAuth;
using FitnessClients.Testing;
using RichardSzalay.MockHttp;

namespace FitnessClients.Runkeeper.Tests.Clients;

/// <summary>What goes on the wire: paths, query strings, media types, the bearer header, form bodies.</summary>
public class RunkeeperRequestShapeTests
{
    private const string User = """{"userID": 7, "fitness_activities": "/fitnessActivities", "profile": "/profile"}""";

    private static HttpContent Json(string json, string type) => new StringContent(json, Encoding.UTF8, type);

    [Test]
    public async Task User_is_asked_for_with_its_media_type_and_the_stored_bearer_token()
    {
        var token = RunkeeperTestClient.NewToken();
        var mock = new MockHttpMessageHandler();
        mock.Expect(HttpMethod.Get, RunkeeperTestClient.Api + "user")
            .WithHeaders("Accept", RunkeeperMediaTypes.User)
            .WithHeaders("Authorization", "Bearer " + token)
            .Respond(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = Json(User, RunkeeperMediaTypes.User) });
        var (client, _) = await RunkeeperTestClient.CreateAsync(mock, new FakeTimeProvider(FakeTimeDefaults.Start), token);
        using var _ = client;

        var user = await client.User.GetAsync();

        Assert.That(user.UserId, Is.EqualTo(7));
        Assert.That(user.FitnessActivities, Is.EqualTo("/fitnessActivities"));
        mock.VerifyNoOutstandingExpectation();
    }

    [Test]
    public async Task The_feed_path_comes_from_user_and_next_links_are_followed_verbatim_until_there_is_none()
    {
        var mock = new MockHttpMessageHandler(BackendDefinitionBehavior.Always);
        mock.Expect(HttpMethod.Get, RunkeeperTestClient.Api + "user")
            .Respond(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = Json("""{"userID": 7, "fitness_activities": "/activitiesOfMine"}""", RunkeeperMediaTypes.User) });
        mock.Expect(HttpMethod.Get, RunkeeperTestClient.Api + "activitiesOfMine")
            .WithExactQueryString("pageSize=2&noEarlierThan=2012-07-01&noLaterThan=2012-07-22")
            .WithHeaders("Accept", RunkeeperMediaTypes.FitnessActivityFeed)
            .Respond(_ => new HttpResponseMessage(HttpStatusCode.OK)
            {
                Content = Json("""{"items":[{"uri":"/activitiesOfMine/3","type":"Running","start_time":"Fri, 20 Jul 2012 09:52:29"},{"uri":"/activitiesOfMine/2","type":"Cycling","start_time":"Thu, 19 Jul 2012 10:29:09"}],"next":"/activitiesOfMine?page=1&pageSize=2&noEarlierThan=2012-07-01&noLaterThan=2012-07-22&modifiedNoEarlierThan=1970-01-01","size":3,}""", RunkeeperMediaTypes.FitnessActivityFeed),
            });
        mock.Expect(HttpMethod.Get, RunkeeperTestClient.Api + "activitiesOfMine")
            .WithExactQueryString("page=1&pageSize=2&noEarlierThan=2012-07-01&noLaterThan=2012-07-22&modifiedNoEarlierThan=1970-01-01")
            .WithHeaders("Accept", RunkeeperMediaTypes.FitnessActivityFeed)
            .Respond(_ => new HttpResponseMessage(HttpStatusCode.OK)
            {
                Content = Json("""{"items":[{"uri":"/activitiesOfMine/1","type":"Walking","start_time":"Wed, 18 Jul 2012 10:37:52"}],"previous":"/activitiesOfMine?page=0&pageSize=2","size":3}""", RunkeeperMediaTypes.FitnessActivityFeed),
            });
        var (client, _) = await RunkeeperTestClient.CreateAsync(mock, new FakeTimeProvider(FakeTimeDefaults.Start), RunkeeperTestClient.NewToken());
        using var _ = client;

        var items = new List<string?>();
        await foreach (var item in client.FitnessActivities.ListAsync(new DateOnly(2012, 7, 1), new DateOnly(2012, 7, 22), pageSize: 2))
        {
            items.Add(item.Id);
        }

        Assert.That(items, Is.EqualTo(new[] { "3", "2", "1" }));
        mock.VerifyNoOutstandingExpectation();
    }

    [Test]
    public async Task A_full_activity_is_fetched_at_its_uri_with_the_activity_media_type()
    {
        var mock = new MockHttpMessageHandler();
        mock.Expect(HttpMethod.Get, RunkeeperTestClient.Api + "fitnessActivities/52367938")
            .WithHeaders("Accept", RunkeeperMediaTypes.FitnessActivity)
            .Respond(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = Json("""{"uri":"/fitnessActivities/52367938","type":"Cycling","start_time":"Thu, 15 Sep 2011 13:28:59","utc_offset":-4,"path":[]}""", RunkeeperMediaTypes.FitnessActivity) });
        var (client, _) = await RunkeeperTestClient.CreateAsync(mock, new FakeTimeProvider(FakeTimeDefaults.Start), RunkeeperTestClient.NewToken());
        using var _ = client;

        var activity = await client.FitnessActivities.GetAsync("/fitnessActivities/52367938");

        Assert.That(activity.StartTime, Is.EqualTo(new DateTimeOffset(2011, 9, 15, 13, 28, 59, TimeSpan.FromHours(-4))));
        Assert.That(activity.StartTime!.Value.UtcDateTime, Is.EqualTo(new DateTime(2011, 9, 15, 17, 28, 59, DateTimeKind.Utc)));
        mock.VerifyNoOutstandingExpectation();
    }

    [Test]
    public async Task A_next_link_to_another_host_is_refused_before_anything_is_sent_there()
    {
        var mock = new MockHttpMessageHandler();
        mock.When(HttpMethod.Get, RunkeeperTestClient.Api + "user").Respond(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = Json(User, RunkeeperMediaTypes.User) });
        mock.When(HttpMethod.Get, RunkeeperTestClient.Api + "fitnessActivities")
            .Respond(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = Json("""{"items":[],"next":"https://evil.example/steal?page=1","size":9}""", RunkeeperMediaTypes.FitnessActivityFeed) });
        var evil = mock.When("https://evil.example/*").Respond(HttpStatusCode.OK);
        var (client, _) = await RunkeeperTestClient.CreateAsync(mock, new FakeTimeProvider(FakeTimeDefaults.Start), RunkeeperTestClient.NewToken());
        using var _ = client;

        var error = Assert.ThrowsAsync<FitnessApiException>(async () =>
        {
            await foreach (var item in client.FitnessActivities.ListAsync())
            {
            }
        });

        Assert.That(error!.Message, Does.Contain("another host"));
        Assert.That(mock.GetMatchCount(evil), Is.Zero);
    }

    [Test]
    public async Task A_401_asks_to_store_the_token_again_and_never_calls_a_token_endpoint()
    {
        var token = RunkeeperTestClient.NewToken();
        var mock = new MockHttpMessageHandler();
        mock.Expect(HttpMethod.Get, RunkeeperTestClient.Api + "user").Respond(HttpStatusCode.Unauthorized, "application/json", """{"reason":"Unauthorized"}""");
        var tokenEndpoint = mock.When("https://runkeeper.com/*").Respond(HttpStatusCode.OK);
        var (client, _) = await RunkeeperTestClient.CreateAsync(mock, new FakeTimeProvider(FakeTimeDefaults.Start), token);
        using var _ = client;

        var error = Assert.ThrowsAsync<AuthenticationRequiredException>(() => client.User.GetAsync());

        Assert.That(error!.Message, Does.Contain("fitness runkeeper login"));
        Assert.That(error.Message, Does.Not.Contain(token));
        Assert.That(mock.GetMatchCount(tokenEndpoint), Is.Zero);
    }

    [Test]
    public async Task Storing_an_existing_token_keeps_it_without_expiry_or_refresh_token()
    {
        var store = new InMemoryTokenStore();
        using var auth = new RunkeeperAuthenticator(new RunkeeperClientOptions { TokenStore = store, TokenKey = "rk" }, new HttpClient(new MockHttpMessageHandler()));
        var token = RunkeeperTestClient.NewToken();

        await auth.StoreAccessTokenAsync("Bearer " + token + "\n");

        var stored = await store.LoadAsync("rk");
        Assert.That(stored!.AccessToken, Is.EqualTo(token));
        Assert.That(stored.ExpiresAt, Is.Null);
        Assert.That(stored.RefreshToken, Is.Null);
        Assert.ThrowsAsync<ArgumentException>(() => auth.StoreAccessTokenAsync("two words"));
    }

    [Test]
    public async Task The_code_exchange_posts_the_form_runkeeper_documents_and_stores_a_never_expiring_token()
    {
        var code = "code-" + Guid.NewGuid().ToString("N");
        var secret = "secret-" + Guid.NewGuid().ToString("N");
        var issued = RunkeeperTestClient.NewToken();
        var mock = new MockHttpMessageHandler();
        mock.Expect(HttpMethod.Post, "https://runkeeper.com/apps/token")
            .WithFormData(new Dictionary<string, string>
            {
                ["grant_type"] = "authorization_code",
                ["code"] = code,
                ["client_id"] = "app-1",
                ["client_secret"] = secret,
                ["redirect_uri"] = "http://127.0.0.1:8123/runkeeper/authorized",
            })
            .Respond("application/json", $$"""{"token_type":"Bearer","access_token":"{{issued}}"}""");
        var store = new InMemoryTokenStore();
        using var auth = new RunkeeperAuthenticator(new RunkeeperClientOptions { TokenStore = store, ClientId = "app-1", ClientSecret = secret }, new HttpClient(mock));
        var redirect = new Uri("http://127.0.0.1:8123/runkeeper/authorized");
        var request = auth.CreateAuthorizationRequest(redirect, "state-1");

        var token = await auth.ExchangeCodeAsync(new AuthorizationCallback { Code = code, State = "state-1" }, redirect);

        Assert.That(request.BuildUri().AbsoluteUri, Does.StartWith("https://runkeeper.com/apps/authorize?response_type=code&client_id=app-1&redirect_uri=http%3A%2F%2F127.0.0.1%3A8123%2Frunkeeper%2Fauthorized&state=state-1"));
        Assert.That(token.AccessToken, Is.EqualTo(issued));
        Assert.That((await store.LoadAsync("default"))!.ExpiresAt, Is.Null);
        mock.VerifyNoOutstandingExpectation();
    }

    [Test]
    public async Task Deauthorize_posts_the_token_in_the_form_body_not_the_url_and_deletes_it()
    {
        var token = RunkeeperTestClient.NewToken();
        var mock = new MockHttpMessageHandler();
        mock.Expect(HttpMethod.Post, "https://runkeeper.com/apps/de-authorize")
            .WithFormData("access_token", token)
            .With(request => !request.RequestUri!.Query.Contains(token, StringComparison.Ordinal))
            .Respond(HttpStatusCode.NoContent);
        var store = new InMemoryTokenStore();
        await store.SaveAsync("default", new OAuthToken { AccessToken = token });
        using var auth = new RunkeeperAuthenticator(new RunkeeperClientOptions { TokenStore = store }, new HttpClient(mock));

        Assert.That(await auth.DeauthorizeAsync(), Is.True);
        Assert.That(await store.LoadAsync("default"), Is.Null);
        mock.VerifyNoOutstandingExpectation();
    }

    [Test]
    public async Task A_failed_deauthorize_keeps_the_token_so_the_user_can_retry()
    {
        var mock = new MockHttpMessageHandler();
        mock.When(HttpMethod.Post, "https://runkeeper.com/apps/de-authorize").Respond(HttpStatusCode.InternalServerError);
        var store = new InMemoryTokenStore();
        await store.SaveAsync("default", new OAuthToken { AccessToken = RunkeeperTestClient.NewToken() });
        using var auth = new RunkeeperAuthenticator(new RunkeeperClientOptions { TokenStore = store }, new HttpClient(mock));

        Assert.ThrowsAsync<FitnessApiException>(() => auth.DeauthorizeAsync());
        Assert.That(await store.LoadAsync("default"), Is.Not.Null);
    }

    [Test]
    public async Task An_activity_still_being_recorded_fails_instead_of_being_saved_half_done_and_is_asked_again()
    {
        var live = true;
        var mock = new MockHttpMessageHandler();
        mock.When(HttpMethod.Get, RunkeeperTestClient.Api + "fitnessActivities/9")
            .Respond(_ => new HttpResponseMessage(HttpStatusCode.OK)
            {
                Content = Json(
                    $$"""{"uri":"/fitnessActivities/9","type":"Running","start_time":"Sat, 25 Jun 2016 20:17:23","utc_offset":-4,"is_live":{{(live ? "true" : "false")}},"path":[{"timestamp":0,"latitude":1,"longitude":2,"altitude":0,"type":"start"},{"timestamp":5,"latitude":1.001,"longitude":2,"altitude":0,"type":"gps"}]}""",
                    RunkeeperMediaTypes.FitnessActivity),
            });
        var (client, _) = await RunkeeperTestClient.CreateAsync(mock, new FakeTimeProvider(FakeTimeDefaults.Start), RunkeeperTestClient.NewToken());
        using var _client = client;
        var source = new RunkeeperActivitySource(client);
        var summary = new FitnessClients.Core.Activities.ActivitySummary
        {
            Service = "runkeeper",
            Id = "9",
            StartTime = new DateTimeOffset(2016, 6, 25, 20, 17, 23, TimeSpan.FromHours(-4)),
            HasGpsTrack = true,
            Raw = System.Text.Json.JsonDocument.Parse("""{"uri":"/fitnessActivities/9","has_path":true}""").RootElement.Clone(),
        };

        var error = Assert.ThrowsAsync<FitnessApiException>(() => source.OpenAsync(summary, RunkeeperActivityFormats.Gpx));
        live = false;
        await using var gpx = await source.OpenAsync(summary, RunkeeperActivityFormats.Gpx);

        Assert.That(error!.Message, Does.Contain("still being recorded"));
        Assert.That(gpx.IsAvailable, Is.True);
    }
}
