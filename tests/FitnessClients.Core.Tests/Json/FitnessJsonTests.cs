using System.Text.Json;
using FitnessClients.Core.Json;

namespace FitnessClients.Core.Tests.Json;

public class FitnessJsonTests
{
    private sealed record Feed(List<Item> Items, string? Next);

    private sealed record Item(string? Type, double? Total, long Id);

    [Test]
    public void Reads_runkeeper_style_trailing_commas_comments_any_case_and_numbers_as_strings()
    {
        const string json = """
            {
              // a comment
              "ITEMS": [
                { "type": "Running", "total": "5000.5", "id": "1", "unknown": [1,2,], },
                { "type": "Cycling", "total": 12000, "id": 2.0, },
              ],
            }
            """;

        var feed = JsonSerializer.Deserialize<Feed>(json, FitnessJson.Default)!;

        Assert.That(feed.Items, Is.EqualTo(new[] { new Item("Running", 5000.5, 1), new Item("Cycling", 12000, 2) }));
        Assert.That(feed.Next, Is.Null);
    }

    [Test]
    public void Leaves_null_properties_out_when_writing()
    {
        var json = JsonSerializer.Serialize(new Item(null, 1.5, 3), FitnessJson.Default);

        Assert.That(json, Is.EqualTo("""{"Total":1.5,"Id":3}"""));
    }

    [Test]
    public void The_shared_options_are_read_only_and_created_options_are_not()
    {
        Assert.That(FitnessJson.Default.IsReadOnly, Is.True);
        var created = FitnessJson.CreateOptions();
        Assert.That(created.IsReadOnly, Is.False);
        Assert.That(created, Is.Not.SameAs(FitnessJson.CreateOptions()));
    }

    [Test]
    public void Combines_with_a_source_generated_context()
    {
        var options = FitnessJson.CreateOptions(TestJsonContext.Default);

        var model = JsonSerializer.Deserialize<WireModel>(
            """{"Elapsed_Time": 480.0, "start_date": "2024-05-01T07:30:00Z", "name": "Morning Run", "status": "pending",}""",
            options)!;

        Assert.That(model.ElapsedTime, Is.EqualTo(480));
        Assert.That(model.StartDate, Is.EqualTo(new DateTimeOffset(2024, 5, 1, 7, 30, 0, TimeSpan.Zero)));
        Assert.That(model.Status!.Value, Is.EqualTo("pending"));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<WireModel>("""{"elapsed_time": 480.5}""", options));
    }

    [Test]
    public void AddConverters_equips_options_built_elsewhere()
    {
        var options = new JsonSerializerOptions();
        FitnessJson.AddConverters(options.Converters);

        // Open enums are not found by reflection here (that would not trim): the type names its converter, or
        // reflection-based options add the factory themselves, as CreateOptions() does.
        Assert.That(options.Converters.OfType<OpenEnumJsonConverterFactory>(), Is.Empty);
        options.Converters.Add(new OpenEnumJsonConverterFactory());

        Assert.That(JsonSerializer.Deserialize<long>("480.0", options), Is.EqualTo(480));
        Assert.That(JsonSerializer.Deserialize<SportType>("\"Run\"", options), Is.EqualTo(SportType.Run));
    }
}
