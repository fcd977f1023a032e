// A Native AOT consumer of the packed packages: published with PublishAot=true (so every trim or AOT warning in our
// packages shows up here), then run. It signs in to the in-process Garmin emulator with a service ticket, lists
// activities through the typed client, runs a short backup with the engine, and exits non-zero if anything is off.
using FitnessClients.Backup;
using FitnessClients.Core.Activities;
using FitnessClients.Core.RateLimiting;
using FitnessClients.Core.Tokens;
using FitnessClients.GarminConnect;
using FitnessClients.GarminConnect.Auth;
using FitnessClients.Testing;

var folder = Directory.CreateTempSubdirectory("fc-aot-");
try
{
    var service = new GarminConnectEmulator(TimeProvider.System, new GarminConnectEmulatorOptions { ActivityCount = 12 });
    var options = new GarminConnectClientOptions
    {
        TokenStore = new FileTokenStore(Path.Combine(folder.FullName, ".tokens")),
        TokenKey = "garmin",
        PrimaryHandler = service.CreateHandler(),
        RateLimitPolicy = new TokenBucketRateLimitPolicy(100, 100),
    };

    using (var login = new GarminAuthenticator(options))
    {
        await login.LoginWithTicketAsync(service.IssueServiceTicket());
    }

    using var garmin = GarminConnectClient.Create(options);
    var listed = 0;
    await foreach (var activity in garmin.Activities.ListAsync(new GarminActivityQuery { MaxCount = 5 }))
    {
        Console.WriteLine($"{activity.ActivityId} {activity.StartTimeLocal:yyyy-MM-dd HH:mm} {activity.ActivityName}");
        listed++;
    }

    var result = await new BackupEngine(new GarminActivitySource(garmin)).RunAsync(new BackupOptions
    {
        BackupDirectory = Path.Combine(folder.FullName, "backup"),
        Formats = [ActivityFormat.Original, ActivityFormat.Gpx, ActivityFormat.SummaryJson],
    });
    var files = Directory.EnumerateFiles(Path.Combine(folder.FullName, "backup"), "*", SearchOption.AllDirectories).Count();
    var csvPath = Path.Combine(folder.FullName, "backup", "activities.csv");
    var csvLines = File.Exists(csvPath) ? File.ReadAllLines(csvPath).Length : 0;
    Console.WriteLine($"backup: listed {result.Listed}, downloaded {result.Downloaded}, not available {result.NotAvailable}, failed {result.Failed}, {files} files, activities.csv {csvLines} lines");

    // activities.csv goes through CsvHelper's writer, the one dependency not annotated for trimming (a header and a
    // row per activity at least; a name may hold a line break inside quotes).
    if (listed != 5 || result.Listed != 12 || result.Failed != 0 || result.Downloaded == 0 || files < 12 || csvLines < 13)
    {
        Console.Error.WriteLine("aot consumer check failed");
        return 1;
    }

    Console.WriteLine("aot consumer check passed: signed in, listed and backed up from a Native AOT binary");
    return 0;
}
finally
{
    folder.Delete(recursive: true);
}
