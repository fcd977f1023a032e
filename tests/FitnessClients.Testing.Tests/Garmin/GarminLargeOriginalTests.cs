using System.Buffers.Binary;
using System.IO.Compression;
using FitnessClients.Testing;

namespace FitnessClients.Testing.Tests.Garmin;

public class GarminLargeOriginalTests
{
    private const long Size = 20_000_000;

    [Test]
    public async Task A_huge_original_is_produced_while_it_is_read([Values] Transport transport)
    {
        var emulator = GarminTestSupport.Create(30, configure: o => o.LargeOriginalSize = Size);
        var activity = emulator.ListedActivities.First(a => a.OriginalFormat == GarminOriginalFormat.Fit);
        await using var connection = await EmulatorConnection.OpenAsync(emulator, transport);
        var http = connection.Client;
        http.DefaultRequestHeaders.Authorization = new("Bearer", emulator.IssueTokens().AccessToken);

        using var response = await http.GetAsync($"download-service/files/activity/{activity.Id}", HttpCompletionOption.ResponseHeadersRead);
        await using var body = await response.Content.ReadAsStreamAsync();
        var start = new byte[64 * 1024];
        await body.ReadExactlyAsync(start);

        Assert.That(response.Content.Headers.ContentLength, Is.GreaterThan(Size));
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/x-zip-compressed"));
        Assert.That(emulator.LargeOriginalBytesProduced, Is.LessThan(Size / 2), "only what was read (plus socket buffers) has been produced");
        Assert.That(BinaryPrimitives.ReadUInt32LittleEndian(start), Is.EqualTo(0x04034b50u), "a ZIP local file header");

        using var rest = new MemoryStream();
        rest.Write(start);
        await body.CopyToAsync(rest);
        Assert.That(rest.Length, Is.EqualTo(response.Content.Headers.ContentLength));
        rest.Position = 0;
        using var archive = new ZipArchive(rest, ZipArchiveMode.Read);
        var entry = archive.Entries.Single();
        Assert.That(entry.FullName, Is.EqualTo($"{activity.Id}_ACTIVITY.fit"));
        Assert.That(entry.Length, Is.EqualTo(Size));
        using var fit = new MemoryStream();
        await using (var entryStream = entry.Open())
        {
            await entryStream.CopyToAsync(fit); // ZipArchive checks the CRC-32 at the end of a stored entry
        }

        FitFileAssert.IsValid(fit.GetBuffer().AsSpan(0, (int)fit.Length));
        var expected = new byte[4096];
        GeneratedContent.Fill(expected, 1_000_000, activity.Seed);
        Assert.That(fit.GetBuffer().AsSpan(14 + 1_000_000, 4096).ToArray(), Is.EqualTo(expected));
        Assert.That(emulator.LargeOriginalBytesProduced, Is.EqualTo(response.Content.Headers.ContentLength));
    }

    [Test]
    public void The_large_original_needs_a_fit_activity()
    {
        var emulator = GarminTestSupport.Create(30);
        var manual = emulator.ListedActivities.First(a => a.IsManual);

        Assert.That(() => emulator.SetLargeOriginal(manual.Id, Size), Throws.ArgumentException);
        Assert.That(() => emulator.SetLargeOriginal(emulator.ListedActivities[0].Id, 5_000_000_000), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }
}
