#!/usr/bin/env dotnet
// A tour of FitnessClients.Core against an in-process emulator: no account, no network, a fake clock.
// Run: dotnet run samples/scripts/core-tour.cs
// From a NuGet feed instead of this repository, replace the #:project line with
//   #:package FitnessClients.Testing@0.1.0-preview.1
#:project ../../src/FitnessClients.Testing/FitnessClients.Testing.csproj

using System.Net;
using FitnessClients.Core;
using FitnessClients.Core.Http;
using FitnessClients.Core.OAuth;
using FitnessClients.Core.RateLimiting;
using FitnessClients.Core.Tokens;
using FitnessClients.Testing;

var clock = new TimerTrackingTimeProvider(new DateTimeOffset(2026, 3, 2, 8, 14, 0, TimeSpan.Zero));
var service = new TourEmulator(clock);
var folder = Directory.CreateTempSubdirectory("fitnessclients-tour-");

// 1. Tokens live in a FileTokenStore: atomic writes, 0600 files, a cross-process refresh lock.
var store = new FileTokenStore(folder.FullName, clock);
var issued = service.OAuth.IssueTokens("tour-app", ["read"]);
await store.SaveAsync("me", new OAuthToken { AccessToken = issued.AccessToken, RefreshToken = issued.RefreshToken, ExpiresAt = issued.ExpiresAt });

// 2. The pipeline: errors → auth (refresh + rotation) → rate limit (2 per quarter hour) → retries → the service.
var refresher = new OAuth2TokenRefresher(new OAuth2TokenClient(new HttpClient(service.CreateHandler()),
    new OAuth2ClientCredentials("tour-app", "tour-secret"), new Uri("https://tour.test/oauth/token"), clock));
var settings = new FitnessPipelineSettings
{
    ServiceName = "tour",
    TokenManager = new TokenManager(store, "me", refresher, timeProvider: clock),
    RateLimitPolicy = new FixedWindowRateLimitPolicy([RateLimitWindow.QuarterHour("15-minute", 2)], clock) { MaxJitter = TimeSpan.Zero },
    TimeProvider = clock,
};
using var http = FitnessPipeline.CreateHttpClient(settings, new Uri("https://tour.test/"), service.CreateHandler());

clock.Advance(TimeSpan.FromHours(7)); // the access token has expired by now
Console.WriteLine($"{clock.GetUtcNow():HH:mm} GET api/activities/1 -> {await http.GetStringAsync("api/activities/1")}");
Console.WriteLine($"      refresh token rotated and saved before use: {(await store.LoadAsync("me"))!.RefreshToken != issued.RefreshToken}");
Console.WriteLine($"{clock.GetUtcNow():HH:mm} GET api/activities/2 -> {await http.GetStringAsync("api/activities/2")}");

var third = http.GetStringAsync("api/activities/3"); // the window of 2 is spent: this one waits for :15
await clock.WaitForPendingTimersAsync();
Console.WriteLine($"{clock.GetUtcNow():HH:mm} GET api/activities/3 waits for the window to reopen at {clock.NextTimerDue:HH:mm}");
clock.AdvanceToNextTimer();
Console.WriteLine($"{clock.GetUtcNow():HH:mm} GET api/activities/3 -> {await third}");

try
{
    await http.GetStringAsync("api/activities/999");
}
catch (ResourceNotFoundException ex)
{
    Console.WriteLine($"{clock.GetUtcNow():HH:mm} typed error: {ex.GetType().Name}: {ex.Message}");
}

Console.WriteLine($"the service saw {service.Requests.Count()} requests and answered {service.RateLimits!.Responses429} with 429");
folder.Delete(recursive: true);

sealed class TourEmulator : ServiceEmulator
{
    public TourEmulator(TimeProvider clock)
        : base(clock)
    {
        OAuth = new OAuthTokenEndpointEmulator(clock);
        OAuth.RegisterClient("tour-app", "tour-secret");
        OAuth.MapRoutes(Router, "/oauth/token", "/oauth/revoke");
        RateLimits = new RateLimitSimulator(clock);
        RateLimits.AddWindow("15-minute", 2, TimeSpan.FromMinutes(15), r => r.Path.StartsWith("/api/", StringComparison.Ordinal));
        Router.MapGet("/api/activities/{id}", request => OAuth.Authenticate(request) is null
            ? EmulatorResponses.Empty(HttpStatusCode.Unauthorized)
            : request.GetRouteValue("id") is "999"
                ? EmulatorResponses.Json(HttpStatusCode.NotFound, """{"message":"Record Not Found"}""")
                : EmulatorResponses.Json(HttpStatusCode.OK, $$"""{"id":{{request.GetRouteValue("id")}},"name":"Morning Run"}"""));
    }

    public OAuthTokenEndpointEmulator OAuth { get; }
}
