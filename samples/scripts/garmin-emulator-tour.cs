#!/usr/bin/env dotnet
// The Garmin Connect client against the built-in Garmin emulator: no account, no network.
// Signs in with a service ticket (as you would after copying one from the browser), lists the newest activities
// with their real UTC offsets, and downloads a FIT original and a GPX export, including the "not available" cases.
// Run: dotnet run samples/scripts/garmin-emulator-tour.cs
#:project ../../src/FitnessClients.GarminConnect/FitnessClients.GarminConnect.csproj
#:project ../../src/FitnessClients.Testing/FitnessClients.Testing.csproj

using FitnessClients.Core.Tokens;
using FitnessClients.GarminConnect;
using FitnessClients.GarminConnect.Auth;
using FitnessClients.Testing;

var garminService = new GarminConnectEmulator(TimeProvider.System, new GarminConnectEmulatorOptions { ActivityCount = 40 });
var options = new GarminConnectClientOptions
{
    TokenStore = new InMemoryTokenStore(),
    TokenKey = "garmin",
    PrimaryHandler = garminService.CreateHandler(), // every Garmin host is served by the emulator
};

using (var login = new GarminAuthenticator(options))
{
    var token = await login.LoginWithTicketAsync(garminService.IssueServiceTicket());
    Console.WriteLine($"signed in: token expires {token.ExpiresAt:u}, DI client {token.Extras[GarminTokenExtras.DiClientId]}");
}

using var garmin = GarminConnectClient.Create(options);
var me = await garmin.Profile.GetSocialProfileAsync();
Console.WriteLine($"account: {me.DisplayName}");

var output = Directory.CreateTempSubdirectory("garmin-tour-");
var shown = 0;
await foreach (var activity in garmin.Activities.ListAsync(new GarminActivityQuery { MaxCount = 8, ExpandMultisport = true }))
{
    var id = activity.ActivityId!.Value;
    var fit = await garmin.Downloads.DownloadToFileAsync(id, GarminDownloadFormat.Original, output.FullName + "/", new GarminDownloadOptions { UnpackOriginal = true });
    var gpx = await garmin.Downloads.DownloadToFileAsync(id, GarminDownloadFormat.Gpx, output.FullName + "/");
    Console.WriteLine($"{activity.StartTime:yyyy-MM-dd HH:mm zzz}  {activity.ActivityType?.TypeKey,-16} {activity.ActivityName}");
    Console.WriteLine($"    original: {(fit.IsAvailable ? Path.GetFileName(fit.FilePath) : "not available (" + fit.UnavailableReason + ")")}" +
                      $"   gpx: {(gpx.IsAvailable ? Path.GetFileName(gpx.FilePath) : "not available (" + gpx.UnavailableReason + ")")}");
    shown++;
}

Console.WriteLine($"{shown} activities, {Directory.GetFiles(output.FullName).Length} files in {output.FullName}; the emulator saw {garminService.Requests.Count()} requests");
output.Delete(recursive: true);
