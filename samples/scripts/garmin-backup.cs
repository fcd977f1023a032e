#!/usr/bin/env dotnet
// An incremental Garmin Connect backup with the backup engine, against the built-in Garmin emulator: no account,
// no network. Run it twice: the second run finds nothing new after one listing request.
// Run: dotnet run samples/scripts/garmin-backup.cs [folder]
// For your real account, drop the emulator lines (PrimaryHandler and the ticket login) and sign in once with
// `fitness garmin login` (the token lands in ~/.config/fitnessclients/tokens, key "garmin").
#:project ../../src/FitnessClients.GarminConnect/FitnessClients.GarminConnect.csproj
#:project ../../src/FitnessClients.Backup/FitnessClients.Backup.csproj
#:project ../../src/FitnessClients.Testing/FitnessClients.Testing.csproj

using FitnessClients.Backup;
using FitnessClients.Core.Activities;
using FitnessClients.Core.RateLimiting;
using FitnessClients.Core.Tokens;
using FitnessClients.GarminConnect;
using FitnessClients.GarminConnect.Auth;
using FitnessClients.Testing;

var folder = Path.GetFullPath(args.Length > 0 ? args[0] : "garmin-backup-demo");
var garminService = new GarminConnectEmulator(TimeProvider.System, new GarminConnectEmulatorOptions { ActivityCount = 40 });
var options = new GarminConnectClientOptions
{
    TokenStore = new FileTokenStore(Path.Combine(folder, ".tokens")),
    TokenKey = "garmin",
    PrimaryHandler = garminService.CreateHandler(),               // every Garmin host is served by the emulator
    RateLimitPolicy = new TokenBucketRateLimitPolicy(50, 50),     // in-process: no need for Garmin's 1 request/s
    ExpandMultisport = true,
};

using (var login = new GarminAuthenticator(options))
{
    await login.LoginWithTicketAsync(garminService.IssueServiceTicket());
}

using var garmin = GarminConnectClient.Create(options);
var engine = new BackupEngine(new GarminActivitySource(garmin));
var result = await engine.RunAsync(
    new BackupOptions
    {
        BackupDirectory = folder,
        Formats = [ActivityFormat.Original, ActivityFormat.Gpx],
        Layout = new BackupLayout { SubfolderTemplate = "{YYYY}" },
        RequestCounter = () => garminService.Requests.Count(),
    });

Console.WriteLine($"{folder}: listed {result.Listed}, downloaded {result.Downloaded}, skipped {result.Skipped}, " +
                  $"not available {result.NotAvailable}, failed {result.Failed}, {result.RequestsMade} requests in {result.Elapsed.TotalSeconds:F1} s");
