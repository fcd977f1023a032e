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

        // Streamed to the file: the whole table as one string (and again as bytes) was the largest allocation of a
        // backup of a long history, made at its very end when the manifest is largest.
        await AtomicFile.WriteAsync(path, async stream =>
        {
            var text = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 64 * 1024, leaveOpen: true);
            await using (text.ConfigureAwait(false))
            {
                var csv = new CsvWriter(text, configuration);
                await using (csv.ConfigureAwait(false))
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
                            csv.WriteField(column.Key == "service" ? CsvValues.Text(service) : CsvValues.Get(column.Key, activity));
                        }

                        await csv.NextRecordAsync().ConfigureAwait(false);
                    }

                    await csv.FlushAsync().ConfigureAwait(false);
                }
            }
        }).ConfigureAwait(false);
    }
}
