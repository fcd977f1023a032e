using System.Net;
using System.Net.Http.Headers;
using System.Text;
using RichardSzalay.MockHttp;
using FitnessClients.Tests.Shared;

namespace FitnessClients.Core.Tests.Resilience;

/// <summary>What happens inside each attempt, below the package's resilience handler.</summary>
public class AttemptBufferingTests
{
    private const string Url = "https://www.strava.com/api/v3/athlete/activities";

    private static HttpResponseMessage CutOff(string mediaType) => new(HttpStatusCode.OK)
    {
        Content = new StreamContent(new BreaksAfterStream(Encoding.UTF8.GetBytes("[{\"id\": 1, \"name\": \"Morn")))
        {
            Headers = { ContentType = new MediaTypeHeaderValue(mediaType) },
        },
    };

    [Test]
    public async Task A_JSON_body_cut_off_part_way_is_retried()
    {
        using var h = new PipelineHarness();
        h.Mock.Expect(HttpMethod.Get, Url).Respond(_ => CutOff("application/json"));
        h.Mock.Expect(HttpMethod.Get, Url).Respond("application/json", "[{\"id\": 1}]");

        var call = h.Client.GetAsync(Url);
        await h.DriveAsync(call);
        using var response = await call;

        Assert.That(h.AttemptCount, Is.EqualTo(2));
        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("[{\"id\": 1}]"));
        Assert.That(h.Logs.Entries.Single(e => e.EventId.Name == "RetryScheduled").Message, Does.Contain("network error"));
    }

    [Test]
    public async Task A_download_stays_streamed_and_its_reader_sees_the_break()
    {
        using var h = new PipelineHarness();
        h.Mock.Expect(HttpMethod.Get, Url + "/1/export_gpx").Respond(_ => CutOff("application/gpx+xml"));

        using var response = await h.Client.GetAsync(Url + "/1/export_gpx", HttpCompletionOption.ResponseHeadersRead);
        await using var body = await response.Content.ReadAsStreamAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(h.AttemptCount, Is.EqualTo(1));
        Assert.CatchAsync<IOException>(() => body.CopyToAsync(Stream.Null));
    }

    /// <summary>Returns its bytes, then fails like a connection reset by the peer.</summary>
    private sealed class BreaksAfterStream(byte[] data) : ReadOnlyTestStream
    {
        private int _position;

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_position == data.Length)
            {
                throw new IOException("Connection reset by peer");
            }

            var n = Math.Min(count, data.Length - _position);
            Array.Copy(data, _position, buffer, offset, n);
            _position += n;
            return n;
        }
    }
}
