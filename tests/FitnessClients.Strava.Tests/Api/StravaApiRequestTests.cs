using System.Net;
using System.Text;
using FitnessClients.Core.Http;
using FitnessClients.Strava.Api;
using FitnessClients.Strava.Models;
using Refit;
using RichardSzalay.MockHttp;
using FitnessClients.Tests.Shared;

namespace FitnessClients.Strava.Tests.Api;

/// <summary>What <see cref="IStravaApi"/> puts on the wire and hands back, on a bare HttpClient (no pipeline).</summary>
public class StravaApiRequestTests
{
    private const string Root = "https://www.strava.com/api/v3/";
    private MockHttpMessageHandler _mock = null!;
    private HttpClient _http = null!;
    private IStravaApi _api = null!;

    [SetUp]
    public void SetUp()
    {
        _mock = new MockHttpMessageHandler();
        _http = new HttpClient(_mock) { BaseAddress = new Uri(Root) };
        _api = RestService.ForGenerated<IStravaApi>(_http, FitnessRefit.CreateSettings(StravaJson.Options));
    }

    [TearDown]
    public void TearDown()
    {
        _http.Dispose();
        _mock.Dispose();
    }

    [Test]
    public async Task An_edit_is_a_put_of_snake_case_json_without_the_unset_fields()
    {
        string? body = null;
        string? mediaType = null;
        _mock.Expect(HttpMethod.Put, Root + "activities/7").Respond(async r =>
        {
            mediaType = r.Content!.Headers.ContentType?.MediaType;
            body = await r.Content.ReadAsStringAsync();
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("""{"id":7,"name":"Renamed"}""") };
        });

        var edited = await _api.UpdateActivityAsync(7, new StravaActivityUpdate { Name = "Renamed", GearId = "none" });

        _mock.VerifyNoOutstandingExpectation();
        Assert.That(mediaType, Is.EqualTo("application/json"));
        Assert.That(body, Is.EqualTo("""{"name":"Renamed","gear_id":"none"}"""));
        Assert.That(edited.Name, Is.EqualTo("Renamed"));
    }

    [Test]
    public async Task An_upload_sends_the_file_and_only_the_fields_given_and_leaves_the_callers_stream_open()
    {
        var parts = new List<(string? Name, string? FileName, string? MediaType, string Text)>();
        _mock.Expect(HttpMethod.Post, Root + "uploads").Respond(async r =>
        {
            foreach (var part in (MultipartFormDataContent)r.Content!)
            {
                var disposition = part.Headers.ContentDisposition!;
                parts.Add((disposition.Name, disposition.FileName, part.Headers.ContentType?.MediaType, await part.ReadAsStringAsync()));
            }

            return new HttpResponseMessage(HttpStatusCode.Created) { Content = new StringContent("""{"id":8919698041,"status":"Your activity is still being processed."}""") };
        });
        using var file = new MemoryStream("<gpx/>"u8.ToArray());

        var upload = await _api.CreateUploadAsync(new StreamPart(file, "activity.gpx", "application/octet-stream"), "gpx", externalId: "ext-1");

        _mock.VerifyNoOutstandingExpectation();
        Assert.That(upload.Id, Is.EqualTo(8919698041));
        Assert.That(parts, Is.EqualTo(new[]
        {
            ((string?)"file", (string?)"activity.gpx", (string?)"application/octet-stream", "<gpx/>"),
            ("data_type", null, "text/plain", "gpx"),
            ("external_id", null, "text/plain", "ext-1"),
        }), "no name part when none is given");
        Assert.That(file.CanRead, Is.True, "the caller owns the file stream");
    }

    [Test]
    public async Task Raw_json_comes_back_byte_for_byte_and_read_from_the_network_not_buffered()
    {
        var sent = Encoding.UTF8.GetBytes("{ \"id\": 7,\n  \"name\": \"Café ☕\", \"distance\": 1000.50 }");
        _mock.Expect(Root + "activities/7").WithExactQueryString("include_all_efforts=false")
            .Respond(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(new ForwardOnlyStream(sent)) });

        await using var json = await _api.GetActivityJsonAsync(7);

        Assert.That(json.CanSeek, Is.False, "streamed, not buffered");
        using var copy = new MemoryStream();
        await json.CopyToAsync(copy);
        Assert.That(copy.ToArray(), Is.EqualTo(sent));
        _mock.VerifyNoOutstandingExpectation();
    }

    [Test]
    public async Task A_listing_page_keeps_each_activity_as_strava_wrote_it()
    {
        _mock.Expect(Root + "athlete/activities").WithExactQueryString("before=1700000000&page=3&per_page=50")
            .Respond("application/json", """[{"id":1,"utc_offset":-14400.0,"extra":{"new":true}},{"id":2}]""");

        var page = await _api.ListActivitiesJsonAsync(before: 1_700_000_000, after: null, page: 3, perPage: 50);

        _mock.VerifyNoOutstandingExpectation();
        Assert.That(page.Select(e => e.GetRawText()), Is.EqualTo(new[] { """{"id":1,"utc_offset":-14400.0,"extra":{"new":true}}""", """{"id":2}""" }));
    }

    [Test]
    public async Task Photos_without_a_size_leave_it_out_and_streams_join_keys_after_key_by_type()
    {
        _mock.Expect(Root + "activities/7/photos").WithExactQueryString("photo_sources=true").Respond("application/json", "[]");
        _mock.Expect(Root + "activities/7/streams").WithExactQueryString("key_by_type=true&keys=time,heartrate")
            .Respond("application/json", """{"heartrate":{"data":[90,91]}}""");

        var photos = await _api.GetPhotosAsync(7, size: null);
        var streams = await _api.GetStreamsAsync(7, "time,heartrate");

        _mock.VerifyNoOutstandingExpectation();
        Assert.That(photos, Is.Empty);
        Assert.That(streams.Heartrate, Is.EqualTo(new int?[] { 90, 91 }));
    }
}
