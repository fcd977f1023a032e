using FitnessClients.Campaigns.Tests.Support;

namespace FitnessClients.Campaigns.Tests.Faults;

/// <summary>
/// The fault campaign against Strava: a first backup (GPX, summary JSON, streams JSON) over loopback HTTP under
/// Strava's enforced rate limits while the emulator injects faults at 10 % of requests.
/// </summary>
[Category("Campaign")]
public class StravaFaultCampaignTests
{
    [Test]
    public async Task A_backup_under_ten_percent_faults_completes_byte_identical_to_a_fault_free_run()
    {
        using var temp = new TempFolder();
        var clean = await StravaFaultRun.RunAsync(temp.Sub("clean"), CampaignSize.FaultActivities, faultSeed: null);
        var run = await StravaFaultRun.RunAsync(temp.Sub("faults"), CampaignSize.FaultActivities, faultSeed: 7);

        FaultCampaignAssert.SameBackup("strava", temp.Sub("clean"), clean, temp.Sub("faults"), run);
    }
}
