#!/usr/bin/env dotnet-script
// A Garmin Connect backup as a dotnet-script (https://github.com/dotnet-script/dotnet-script) script.
// NOT built by CI: it references the published packages, which must exist on nuget.org (or a local feed).
// Sign in once first (e.g. `fitness garmin login --ticket ST-...`), then: dotnet script garmin-backup.csx -- ~/garmin-backup
#r "nuget: FitnessClients.GarminConnect, 0.1.0-preview.1"
#r "nuget: FitnessClients.Backup, 0.1.0-preview.1"

using FitnessClients.Backup;
using FitnessClients.Core.Activities;
using FitnessClients.Core.Tokens;
using FitnessClients.GarminConnect;

var folder = Path.GetFullPath(Args.Count > 0 ? Args[0] : "garmin-backup");
var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
using var garmin = GarminConnectClient.Create(new GarminConnectClientOptions
{
    TokenStore = new FileTokenStore(Path.Combine(home, ".config", "fitnessclients", "tokens")),
    TokenKey = "garmin",
    ExpandMultisport = true,
});

var engine = new BackupEngine(new GarminActivitySource(garmin));
var result = await engine.RunAsync(new BackupOptions
{
    BackupDirectory = folder,
    Formats = [ActivityFormat.Original, ActivityFormat.Gpx, ActivityFormat.SummaryJson],
    Filter = new BackupFilter { Count = 20 },
});
Console.WriteLine($"listed {result.Listed}, downloaded {result.Downloaded}, not available {result.NotAvailable}, failed {result.Failed}");
