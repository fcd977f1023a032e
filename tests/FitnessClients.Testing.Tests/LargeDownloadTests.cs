using System.Net;
using FitnessClients.Testing;

namespace FitnessClients.Testing.Tests;

public class LargeDownloadTests
{
    private const long Size = 50L * 1024 * 1024;

    [Test]
    public async Task A_50_MB_download_is_generated_while_the_client_reads_it([Values] Transport transport)
    {
        var emulator = new TestEmulator(new FakeTimeProvider(FakeTimeDefaults.Start));
        await using var connection = await EmulatorConnection.OpenAsync(emulator, transport);

        using var response = await connection.Client.GetAsync($"api/download/{Size}", HttpCompletionOption.ResponseHeadersRead);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentLength, Is.EqualTo(Size));
        var generated = emulator.LastDownload!;
        await using var stream = await response.Content.ReadAsStreamAsync();

        var buffer = new byte[81920];
        var expected = new byte[buffer.Length];
        long received = 0;
        long producedEarly = -1;
        int read;
        while ((read = await stream.ReadAsync(buffer)) > 0)
        {
            GeneratedContent.Fill(expected.AsSpan(0, read), received, 42);
            if (!buffer.AsSpan(0, read).SequenceEqual(expected.AsSpan(0, read)))
            {
                Assert.Fail($"Byte mismatch in the block at offset {received}.");
            }

            received += read;
            if (producedEarly < 0 && received >= 1024 * 1024)
            {
                producedEarly = generated.BytesProduced;
            }
        }

        Assert.That(received, Is.EqualTo(Size));
        Assert.That(generated.BytesProduced, Is.EqualTo(Size));
        // After the first MiB was read, the emulator had produced at most what socket buffers hold beyond it:
        // the body is generated on demand, not prepared in memory.
        Assert.That(producedEarly, Is.LessThan(Size / 2), $"produced {producedEarly} bytes when the client had read 1 MiB");
        if (transport == Transport.InProcess)
        {
            Assert.That(producedEarly, Is.LessThanOrEqualTo(1024 * 1024 + buffer.Length));
        }
    }

    [Test]
    public void Generated_bytes_are_a_pure_function_of_seed_and_offset()
    {
        var whole = new byte[1000];
        GeneratedContent.Fill(whole, 0, 7);
        var middle = new byte[101];
        GeneratedContent.Fill(middle, 333, 7);
        Assert.That(middle, Is.EqualTo(whole.AsSpan(333, 101).ToArray()));

        var otherSeed = new byte[1000];
        GeneratedContent.Fill(otherSeed, 0, 8);
        Assert.That(otherSeed, Is.Not.EqualTo(whole));
        Assert.That(whole.Distinct().Count(), Is.GreaterThan(200), "pseudo-random, not a constant pattern");
    }

    [Test]
    public async Task Generated_content_can_be_read_repeatedly_with_the_same_bytes()
    {
        using var content = new GeneratedContent(10_000, seed: 3);
        var first = await content.ReadAsByteArrayAsync();
        using var again = new GeneratedContent(10_000, seed: 3);
        using var stream = await again.ReadAsStreamAsync();
        var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        Assert.That(copy.ToArray(), Is.EqualTo(first));
        Assert.That(content.BytesProduced, Is.EqualTo(10_000));
    }
}
