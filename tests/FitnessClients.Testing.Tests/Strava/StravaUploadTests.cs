using System.Net;
using System.Net.Http.Headers;
using FitnessClients.Testing;
using static FitnessClients.Testing.Tests.Strava.StravaTestSupport;

namespace FitnessClients.Testing.Tests.Strava;

public class StravaUploadTests
{
    internal static MultipartFormDataContent Upload(byte[] file, string dataType, string? name = null)
    {
        var content = new MultipartFormDataContent();
        var part = new ByteArrayContent(file);
        part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        content.Add(part, "file", "ride." + dataType);
        content.Add(new StringContent(dataType), "data_type");
        if (name is not null)
        {
            content.Add(new StringContent(name), "name");
        }

        return content;
    }

    [Test]
    public async Task Upload_is_processed_on_the_emulator_clock_and_a_second_copy_is_a_duplicate()
    {
        var clock = new FakeTimeProvider(Now);
        var strava = Create(5, clock);
        using var http = AuthorizedClient(strava, "activity:write", "activity:read_all");
        byte[] file = [0x0E, 0x10, 1, 2, 3, 4, 5];
        using var created = await http.PostAsync(new Uri("api/v3/uploads", UriKind.Relative), Upload(file, "fit", "Evening ride"));
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        var upload = await JsonAsync(created);
        Assert.That(upload["status"]!.GetValue<string>(), Is.EqualTo("Your activity is still being processed."));
        var id = upload["id"]!.GetValue<long>();

        var pending = await GetJsonAsync(http, $"api/v3/uploads/{id}");
        Assert.That(pending["activity_id"], Is.Null);
        clock.Advance(TimeSpan.FromSeconds(5));
        var ready = await GetJsonAsync(http, $"api/v3/uploads/{id}");
        Assert.That(ready["status"]!.GetValue<string>(), Is.EqualTo("Your activity is ready."));
        var activityId = ready["activity_id"]!.GetValue<long>();
        Assert.That(strava.FindActivity(activityId)!.Name, Is.EqualTo("Evening ride"));
        Assert.That((await GetJsonAsync(http, $"api/v3/activities/{activityId}"))["name"]!.GetValue<string>(), Is.EqualTo("Evening ride"));

        using var again = await http.PostAsync(new Uri("api/v3/uploads", UriKind.Relative), Upload(file, "fit"));
        var second = (await JsonAsync(again))["id"]!.GetValue<long>();
        clock.Advance(TimeSpan.FromSeconds(5));
        var duplicate = await GetJsonAsync(http, $"api/v3/uploads/{second}");
        Assert.That(duplicate["status"]!.GetValue<string>(), Is.EqualTo("There was an error processing your activity."));
        Assert.That(duplicate["error"]!.GetValue<string>(), Is.EqualTo($"ride.fit duplicate of activity {activityId}"));
    }

    [Test]
    public async Task Upload_needs_activity_write_a_file_and_a_known_data_type()
    {
        var strava = Create(5);
        using var reader = AuthorizedClient(strava, "activity:read_all");
        using var denied = await reader.PostAsync(new Uri("api/v3/uploads", UriKind.Relative), Upload([1], "fit"));
        Assert.That(denied.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));

        using var writer = AuthorizedClient(strava, "activity:write");
        using var badType = await writer.PostAsync(new Uri("api/v3/uploads", UriKind.Relative), Upload([1], "zip"));
        Assert.That(await badType.Content.ReadAsStringAsync(), Is.EqualTo(Fault("Bad Request", "Upload", "data_type", "invalid")));
    }
}
