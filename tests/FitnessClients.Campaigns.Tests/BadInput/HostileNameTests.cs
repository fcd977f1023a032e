using FitnessClients.Backup;
using FitnessClients.Campaigns.Tests.Support;
using FitnessClients.Core.Activities;

namespace FitnessClients.Campaigns.Tests.BadInput;

/// <summary>
/// Names, ids, sports, extensions and dates a service could send, through the whole engine with every naming option on:
/// every activity ends up as files inside the folder under safe names, none lost, none overwriting another.
/// </summary>
[Category("Campaign")]
public class HostileNameTests
{
    private static readonly string[] HostileTexts =
    [
        "../../../../tmp/evil", "..\\..\\windows\\system32", "/etc/passwd", "C:\\Windows\\win.ini", "\\\\server\\share\\x",
        "CON", "nul", "NUL.txt", "COM1", "lpt9", "AUX ", "con.gpx",
        "tab\there\nnewline\r\0nul\u0007bell\u001b[31mred", "\u202Egnp.exe", "\u200F\u200E\u2066isolate\u2069", "\uFEFFbom",
        "🏃‍♀️ run 🔥👨‍👩‍👧‍👦 🇳🇿", "\uD800 lone surrogate", ".", "..", "...", " ", "", "trailing dots...", "a:b*c?d\"e<f>g|h",
        new string('x', 5000), string.Concat(Enumerable.Repeat("🏳️‍🌈", 300)), "名前 with spaces　ideographic", "%2e%2e%2f", "~/.ssh/id_rsa",
    ];

    [Test]
    public async Task Hostile_names_ids_and_dates_are_sanitised_inside_the_folder_with_no_file_lost()
    {
        using var temp = new TempFolder();
        var folder = temp.Sub("backup");
        var source = new HostileSource();
        var dates = new[]
        {
            DateTimeOffset.MinValue, new DateTimeOffset(1, 1, 1, 14, 0, 0, TimeSpan.FromHours(14)), new DateTimeOffset(1900, 2, 28, 23, 0, 0, TimeSpan.FromHours(-12)),
            new DateTimeOffset(1970, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2038, 1, 19, 3, 14, 8, TimeSpan.Zero),
            new DateTimeOffset(9999, 12, 31, 9, 0, 0, TimeSpan.FromHours(14)), DateTimeOffset.MaxValue,
        };
        var added = new List<ActivitySummary>();
        for (var i = 0; i < HostileTexts.Length; i++)
        {
            var text = HostileTexts[i];
            added.Add(source.Add(id: $"{i}", start: dates[i % dates.Length].AddTicks(dates[i % dates.Length] == DateTimeOffset.MaxValue ? -i : i), name: text, sport: HostileTexts[^(i + 1)], extension: i % 3 == 0 ? "../fit" : "fit", description: text));
        }

        // Ids are opaque text to the engine: hostile ones too (a future source might not parse them as numbers).
        foreach (var id in new[] { "../escape", "a/b", "CON", "x\0y", "..", "🏃" })
        {
            added.Add(source.Add(id: id, start: new DateTimeOffset(2024, 5, 5, 5, 5, 5, TimeSpan.Zero), name: id));
        }

        foreach (var layout in new[]
        {
            new BackupLayout { SubfolderTemplate = "{YYYY}/{MM}", NameSuffix = BackupNameSuffix.ActivityName, LocalTimePrefix = true },
            new BackupLayout { NameSuffix = BackupNameSuffix.Description },
        })
        {
            var target = Path.Combine(folder, layout.NameSuffix.ToString());
            var error = await Outcome.CaptureAsync(async () =>
            {
                var result = await new BackupEngine(source).RunAsync(new BackupOptions { BackupDirectory = target, Formats = [ActivityFormat.Original, ActivityFormat.Gpx], Layout = layout });
                Assert.That(result.Failed, Is.Zero, string.Join("\n", result.Errors));
            });
            Outcome.AssertTypedOrNone(error, layout.ToString());
            if (error is not null)
            {
                Assert.Fail($"{layout}: the run ended with {error.GetType().Name}: {error.Message}");
            }

            var files = Directory.EnumerateFiles(target, "*", SearchOption.AllDirectories).ToList();
            var payloads = files.Select(File.ReadAllText).ToList();
            foreach (var activity in added)
            {
                foreach (var format in new[] { ActivityFormat.Original, ActivityFormat.Gpx })
                {
                    var expected = System.Text.Encoding.UTF8.GetString(HostileSource.Bytes(activity.Id, format));
                    Assert.That(payloads.Count(p => p == expected), Is.EqualTo(1), $"{layout.NameSuffix}: {format.Name} of activity '{Escape(activity.Id)}' is kept exactly once");
                }
            }

            foreach (var file in files)
            {
                var relative = Path.GetRelativePath(target, file);
                Assert.That(relative, Does.Not.StartWith(".."), "inside the folder");
                foreach (var part in relative.Split(Path.DirectorySeparatorChar))
                {
                    Assert.That(part.IndexOfAny([.. Path.GetInvalidFileNameChars(), '\\', ':', '*', '?', '"', '<', '>', '|']), Is.EqualTo(-1), $"'{Escape(part)}' has no character Windows refuses");
                    Assert.That(FileNameSanitizer.IsReserved(part), Is.False, $"'{part}' is not a reserved device name");
                    Assert.That(part.Any(c => char.IsControl(c) || c is '\u202E' or '\u200F' or '\u2066'), Is.False, $"'{Escape(part)}' has no control or bidi characters");
                    Assert.That(part, Does.Not.EndWith(".").And.Not.EndWith(" "), $"'{part}' does not end in a dot or space");
                    Assert.That(System.Text.Encoding.UTF8.GetByteCount(part), Is.LessThanOrEqualTo(255), "within a file system's name limit");
                }
            }
        }

        Assert.That(Directory.GetFileSystemEntries(temp.Path), Is.EqualTo(new[] { folder }), "nothing written beside the folder");
    }

    private static string Escape(string text) => string.Concat(text.Select(c => char.IsControl(c) ? $"\\u{(int)c:X4}" : c.ToString()));
}
