namespace FitnessClients.Core.RateLimiting;

/// <summary>Runs a policy's usage readers so that a faulty reader can never make <c>OnResponse</c> throw.</summary>
internal static class RateLimitUsageReaders
{
    public static List<RateLimitUsageReport> ReadAll(IReadOnlyList<IRateLimitUsageReader> readers, HttpResponseMessage response, DateTimeOffset now)
    {
        var reports = new List<RateLimitUsageReport>();
        foreach (var reader in readers)
        {
            try
            {
                reports.AddRange(reader.Read(response, now));
            }
            catch (Exception)
            {
                // The counts stay local for this response; the next response's headers correct them.
            }
        }

        return reports;
    }
}
