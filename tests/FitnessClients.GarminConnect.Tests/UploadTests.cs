using System.Net;
using System.Text;
using FitnessClients.GarminConnect.Tests.Support;

namespace FitnessClients.GarminConnect.Tests;

/// <summary>Uploads: the multipart shape and the 202/409 outcomes.</summary>
public class UploadTests
{
    private const string Accepted = """
        {"detailedImportResult":{"uploadId":212157427938,"uploadUuid":{"uuid":"6e56051d-1dd4-4f2c-b8ba-00a1a7d82eb3"},"owner":2591602,"fileSize":5289,"processingTime":36,"creationDate":"2023-09-29 01:58:19.113 GMT","fileName":"12129115726_ACTIVITY.fit","successes":[{"internalId":12129115726,"externalId":null,"messages":null}],"failures":[]}}
        """;

    private const string Duplicate = """
        {"detailedImportResult":{"uploadId":1,"fileName":"run.fit","successes":[],"failures":[{"internalId":12129115726,"externalId":null,"messages":[{"code":202,"content":"Duplicate Activity."}]}]}}
        """;

    [Test]
    public async Task The_file_goes_as_the_multipart_part_file_with_its_name()
    {
        using var h = await GarminHarness.CreateAsync();
        h.On("upload-service/upload", _ => GarminHarness.Json(Accepted, HttpStatusCode.Accepted), HttpMethod.Post);
        var fit = TestStreams.Bytes(5289);

        var result = await h.Client.Uploads.UploadAsync(new MemoryStream(fit), "/home/jane/12129115726_ACTIVITY.fit");

        Assert.That(result.Status, Is.EqualTo(GarminUploadStatus.Created));
        Assert.That(result.ActivityId, Is.EqualTo(12129115726));
        Assert.That(result.Response?.UploadUuid?.Uuid, Is.EqualTo("6e56051d-1dd4-4f2c-b8ba-00a1a7d82eb3"));
        var request = h.Single("upload-service/upload");
        Assert.That(request.Method, Is.EqualTo(HttpMethod.Post));
        Assert.That(request.Header("Authorization"), Is.EqualTo("Bearer " + GarminHarness.AccessToken));
        Assert.That(request.ContentType, Does.StartWith("multipart/form-data; boundary="));
        var body = Encoding.Latin1.GetString(request.Body!);
        Assert.That(body, Does.Contain("Content-Disposition: form-data; name=\"file\"; filename=\"12129115726_ACTIVITY.fit\""));
        Assert.That(body, Does.Contain("Content-Type: application/octet-stream"));
        Assert.That(body, Does.Contain(Encoding.Latin1.GetString(fit)), "the file's bytes, unchanged");
    }

    [Test]
    public async Task A_409_is_a_duplicate_result_with_the_existing_activity()
    {
        using var h = await GarminHarness.CreateAsync();
        h.On("upload-service/upload", _ => GarminHarness.Json(Duplicate, HttpStatusCode.Conflict), HttpMethod.Post);

        var result = await h.Client.Uploads.UploadAsync(new MemoryStream([1, 2, 3]), "run.fit");

        Assert.That(result.IsDuplicate, Is.True);
        Assert.That(result.ActivityId, Is.EqualTo(12129115726));
        Assert.That(result.Messages, Is.EqualTo(new[] { "Duplicate Activity." }));
        Assert.That(h.Requests, Has.Count.EqualTo(1), "a POST is not retried");
    }

    [Test]
    public async Task A_409_without_a_body_is_still_a_duplicate()
    {
        using var h = await GarminHarness.CreateAsync();
        h.On("upload-service/upload", _ => new HttpResponseMessage(HttpStatusCode.Conflict), HttpMethod.Post);

        var result = await h.Client.Uploads.UploadAsync(new MemoryStream([1]), "run.fit");

        Assert.That(result.Status, Is.EqualTo(GarminUploadStatus.Duplicate));
        Assert.That(result.ActivityId, Is.Null);
    }

    [Test]
    public async Task A_202_without_outcome_is_processing_with_the_status_location()
    {
        using var h = await GarminHarness.CreateAsync();
        const string location = "https://connectapi.garmin.com/activity-service/activity/status/1695952699113/6e56051d1dd44f2cb8ba00a1a7d82eb3";
        h.On(
            "upload-service/upload",
            _ =>
            {
                var response = GarminHarness.Json("""{"detailedImportResult":{"uploadId":212157427938,"successes":[],"failures":[]}}""", HttpStatusCode.Accepted);
                response.Headers.Location = new Uri(location);
                return response;
            },
            HttpMethod.Post);

        var result = await h.Client.Uploads.UploadAsync(new MemoryStream([1]), "run.gpx");

        Assert.That(result.Status, Is.EqualTo(GarminUploadStatus.Processing));
        Assert.That(result.StatusLocation, Is.EqualTo(new Uri(location)));
    }

    [Test]
    public async Task A_refused_file_is_a_failure_with_its_messages()
    {
        using var h = await GarminHarness.CreateAsync();
        h.OnJson("upload-service/upload", """{"detailedImportResult":{"successes":[],"failures":[{"internalId":null,"messages":[{"code":100,"content":"Invalid file."}]}]}}""", HttpStatusCode.Accepted, HttpMethod.Post);

        var result = await h.Client.Uploads.UploadAsync(new MemoryStream([1]), "broken.fit");

        Assert.That(result.Status, Is.EqualTo(GarminUploadStatus.Failed));
        Assert.That(result.Messages, Is.EqualTo(new[] { "Invalid file." }));
    }

    [Test]
    public async Task Other_errors_stay_exceptions()
    {
        using var h = await GarminHarness.CreateAsync();
        h.OnJson("upload-service/upload", """{"message":"bad"}""", HttpStatusCode.BadRequest, HttpMethod.Post);

        var error = Assert.ThrowsAsync<Core.FitnessApiException>(() => h.Client.Uploads.UploadAsync(new MemoryStream([1]), "x.fit"));

        Assert.That(error!.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }
    [TestCase("")]
    [TestCase("<html>accepted</html>")]
    public async Task A_202_whose_body_is_not_the_documented_JSON_is_processing(string body)
    {
        using var h = await GarminHarness.CreateAsync();
        h.On("upload-service/upload", _ => new HttpResponseMessage(HttpStatusCode.Accepted) { Content = new StringContent(body, Encoding.UTF8, body.Length == 0 ? "application/json" : "text/html") }, HttpMethod.Post);

        var result = await h.Client.Uploads.UploadAsync(new MemoryStream([1]), "run.fit");

        Assert.That(result.Status, Is.EqualTo(GarminUploadStatus.Processing));
        Assert.That(result.Response, Is.Null);
    }

    [Test]
    public async Task The_upload_part_cuts_a_path_to_its_file_name_and_drops_characters_that_break_the_header()
    {
        using var part = new Api.GarminUploadPart(new MemoryStream([1]), "/home/jane/my \"best\" run.fit").ToContent();

        Assert.That(part.Headers.ContentDisposition?.ToString(), Is.EqualTo("form-data; name=\"file\"; filename=\"my best run.fit\""));
        Assert.That(part.Headers.ContentType?.MediaType, Is.EqualTo("application/octet-stream"));
        Assert.Throws<ArgumentException>(() => _ = new Api.GarminUploadPart(new MemoryStream([1]), "/home/jane/"));
    }

    [Test]
    public async Task The_callers_stream_is_read_but_left_open()
    {
        using var h = await GarminHarness.CreateAsync();
        h.OnJson("upload-service/upload", Accepted, HttpStatusCode.Accepted, HttpMethod.Post);
        var file = new MemoryStream([1, 2, 3]);

        await h.Client.Uploads.UploadAsync(file, "run.fit");

        Assert.That(file.CanRead, Is.True, "the caller disposes it");
        Assert.That(file.Position, Is.EqualTo(3));
    }
}
