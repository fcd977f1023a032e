using FitnessClients.Backup;
using FitnessClients.Campaigns.Tests.Support;

namespace FitnessClients.Campaigns.Tests.Faults;

/// <summary>The fault campaign's verdict: same files, same bytes, same manifest, and a bounded, reported request overhead.</summary>
internal static class FaultCampaignAssert
{
    public static void SameBackup(string service, string reference, CampaignRun clean, string faulted, CampaignRun run)
    {
        var expected = TempFolder.Snapshot(reference, BackupEngine.ManifestFileName);
        var actual = TempFolder.Snapshot(faulted, BackupEngine.ManifestFileName);
        var extra = run.Requests - clean.Requests;
        var injected = run.Faults!.Injected;
        TestContext.Out.WriteLine(
            $"{service} fault campaign ({CampaignSize.Name}): {run.Result.Selected} activities, {actual.Count} files; " +
            $"fault-free {clean.Requests} requests, with faults {run.Requests} requests (+{extra}, {(double)extra / clean.Requests:P1}); " +
            $"{run.Faults}; 429s from the service's own limits: {run.ServiceLimit429} (fault-free {clean.ServiceLimit429}); fake time {run.FakeTime:c} (fault-free {clean.FakeTime:c}); real time {run.RealTime.TotalSeconds:0.0} s (fault-free {clean.RealTime.TotalSeconds:0.0} s)");

        Assert.Multiple(() =>
        {
            Assert.That(clean.Result.Failed, Is.Zero, "the fault-free run: " + string.Join("; ", clean.Result.Errors));
            Assert.That(run.Result.Failed, Is.Zero, "the run under faults completes: " + string.Join("; ", run.Result.Errors.Take(10)));
            Assert.That(injected, Is.GreaterThan(clean.Requests / 20), "faults were injected at about 10 %");
            Assert.That(actual.Keys, Is.EqualTo(expected.Keys), "the same files");
            foreach (var (name, bytes) in expected)
            {
                if (actual.TryGetValue(name, out var got))
                {
                    Assert.That(got, Is.EqualTo(bytes), $"{name} is byte-identical");
                }
            }

            Assert.That(ManifestText.WithoutRuns(faulted), Is.EqualTo(ManifestText.WithoutRuns(reference)), "the same manifest");

            // Every fault costs at most one request more (the resend; a slow JSON body beyond the attempt timeout is cut
            // and resent, a slow download just takes long), so nothing is repeated beyond what a fault forced. The slack
            // covers the request count's run-to-run wobble with four downloads in parallel (seen: one request).
            // A 429 from the service's own limit (Strava's windows) is resent after the wait: one request each, reported.
            var slack = 2 + (clean.Requests / 100);
            Assert.That(extra, Is.LessThanOrEqualTo(injected + run.ServiceLimit429 + slack), "extra requests are bounded by the faults injected");
            Assert.That(clean.ServiceLimit429, Is.Zero, "no 429 from the service's limits without faults");
            Assert.That(extra, Is.GreaterThanOrEqualTo(0));
        });
    }
}
