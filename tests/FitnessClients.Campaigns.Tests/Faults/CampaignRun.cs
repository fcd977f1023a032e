using FitnessClients.Backup;
using FitnessClients.Campaigns.Tests.Support;

namespace FitnessClients.Campaigns.Tests.Faults;

/// <summary>What one campaign backup did: the engine's result, the requests the emulator saw, the faults and the fake time spent.</summary>
internal sealed record CampaignRun(BackupResult Result, long Requests, FaultMix? Faults, TimeSpan FakeTime, TimeSpan RealTime, long ServiceLimit429 = 0);
