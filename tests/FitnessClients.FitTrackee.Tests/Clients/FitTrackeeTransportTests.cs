using System.IO.Pipelines;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using FitnessClients.Testing;
using RichardSzalay.MockHttp;
using static FitnessClients.FitTrackee.Tests.Clients.FitTrackeeTestClient;

namespace FitnessClients.FitTrackee.Tests.Clients;

/// <summary>What the Refit layer must not change: downloads stream and release their response, and a bad body is not a Refit exception.</summary>
public class FitTrackeeTransportTests
{
    [Test]
    public async Task A_download_is_handed_over_before_its_body_has_arrived_and_disposing_it_releases_the_response()
    {
        var pipe = new Pipe();
        using var mock = new MockHttpMessageHandler();
        mock.Expect(HttpMethod.Get, Root + "api/workouts/w1/gpx/download").Respond(_ =>
        {
            var content = new StreamContent(pipe.Reader.AsStream());
            content.Headers.ContentType = new MediaTypeHeaderValue("application/gpx+xml");
            content.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileName = "w1.gpx" };
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
        });
        using var client = await CreateAsync(mock, new FakeTimeProvider(FakeTimeDefaults.Start));
        await pipe.Writer.WriteAsync(Encoding.UTF8.GetBytes("<gpx>"));

        // The body is still open: a buffering client would wait here for ever, so a bounded wait turns that into a failure.
        var file = await client.Workouts.DownloadGpxAsync("w1").WaitAsync(TimeSpan.FromSeconds(30));
        var first = new byte[5];
        await file.Content.ReadExactlyAsync(first);
        await file.DisposeAsync();
        var afterDispose = await pipe.Writer.WriteAsync(Encoding.UTF8.GetBytes("<trk/></gpx>"));

        Assert.That(Encoding.UTF8.GetString(first), Is.EqualTo("<gpx>"));
        Assert.That(file.Extension, Is.EqualTo("gpx"));
        Assert.That(afterDispose.IsCompleted, Is.True, "disposing the file stopped reading the response body");
    }

    [Test]
    public async Task A_body_that_is_not_json_surfaces_as_a_json_error_not_a_refit_exception()
    {
        using var mock = new MockHttpMessageHandler();
        mock.Expect(HttpMethod.Get, Root + "api/sports").Respond("application/json", "{\"status\": \"success\", \"data\": ");
        using var client = await CreateAsync(mock, new FakeTimeProvider(FakeTimeDefaults.Start));

        Assert.ThrowsAsync(Is.InstanceOf<JsonException>(), () => client.Sports.ListAsync());
    }
}
