using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using FitnessClients.Backup.Manifest;
using FitnessClients.Backup.Storage;

namespace FitnessClients.Backup.Csv;

/// <summary>Writes <c>activities.csv</c> from the manifest: every field quoted, UTF-8, one row per activity, oldest first.</summary>
internal static class ActivityCsvWriter
{
    public static async Task WriteAsync(string path, string service, IReadOnlyList<ManifestActivity> activities, CsvTemplate template)
    {
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture) { ShouldQuote = _ => true };
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = new CsvWriter(text, configuration))
        {
            foreach (var column in template.Columns)
            {
                csv.WriteField(column.Title);
            }

            await csv.NextRecordAsync().ConfigureAwait(false);
            foreach (var activity in activities)
            {
                foreach (var column in template.Columns)
                {
                    csv.WriteField(column.Key == "service" ? service : CsvValues.Get(column.Key, activity));
                }

                await csv.NextRecordAsync().ConfigureAwait(false);
            }

            await csv.FlushAsync().ConfigureAwait(false);
        }

        await AtomicFile.WriteAllBytesAsync(path, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(text.ToString())).ConfigureAwait(false);
    }
}
