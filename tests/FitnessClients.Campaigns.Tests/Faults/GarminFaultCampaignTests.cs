using FitnessClients.Campaigns.Tests.Support;

namespace FitnessClients.Campaigns.Tests.Faults;

/// <summary>
/// The fault campaign against Garmin Connect: a first backup (original + GPX, multisport legs expanded) over
/// loopback HTTP while the emulator injects faults at 10 % of requests.
/// </summary>
[Category("Campaign")]
public class GarminFaultCampaignTests
{
    [Test]
    public async Task A_backup_under_ten_percent_faults_completes_byte_identical_to_a_fault_free_run()
    {
        using var temp = new TempFolder();
        var clean = await GarminFaultRun.RunAsync(temp.Sub("clean"), CampaignSize.FaultActivities, faultSeed: null);
        var run = await GarminFaultRun.RunAsync(temp.Sub("faults"), CampaignSize.FaultActivities, faultSeed: 7);

        FaultCampaignAssert.SameBackup("garmin", temp.Sub("clean"), clean, temp.Sub("faults"), run);
    }
}
