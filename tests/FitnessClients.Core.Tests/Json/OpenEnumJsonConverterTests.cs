using System.Text.Json;
using FitnessClients.Core.Json;

namespace FitnessClients.Core.Tests.Json;

public class OpenEnumJsonConverterTests
{
    private static readonly JsonSerializerOptions Options = FitnessJson.CreateOptions();

    private sealed record Activity(SportType Type, SportType? SubType, StatusCode? Status);

    [Test]
    public void Known_values_compare_equal_to_the_static_instances()
    {
        var activity = JsonSerializer.Deserialize<Activity>("""{"type":"Run","subType":"Ride"}""", Options)!;

        Assert.That(activity.Type, Is.EqualTo(SportType.Run));
        Assert.That(activity.SubType, Is.EqualTo(SportType.Ride));
        Assert.That(activity.Type.IsKnown, Is.True);
    }

    [Test]
    public void Unknown_values_are_kept_and_written_back_unchanged()
    {
        const string json = """{"Type":"EBikeRide","SubType":"Velomobile","Status":"queued"}""";

        var activity = JsonSerializer.Deserialize<Activity>(json, Options)!;

        Assert.That(activity.Type.Value, Is.EqualTo("EBikeRide"));
        Assert.That(activity.Type.IsKnown, Is.False);
        Assert.That(activity.Status!.Value, Is.EqualTo("queued"));
        Assert.That(JsonSerializer.Serialize(activity, Options), Is.EqualTo(json));
    }

    [Test]
    public void Numbers_are_read_as_their_text()
    {
        var activity = JsonSerializer.Deserialize<Activity>("""{"Type":17,"SubType":2.50}""", Options)!;

        Assert.That(activity.Type.Value, Is.EqualTo("17"));
        Assert.That(activity.SubType!.Value.Value, Is.EqualTo("2.50"));
    }

    [Test]
    public void Null_is_allowed_for_nullable_properties_and_refused_for_plain_structs()
    {
        var activity = JsonSerializer.Deserialize<Activity>("""{"Type":"Run","SubType":null,"Status":null}""", Options)!;
        Assert.That(activity.SubType, Is.Null);
        Assert.That(activity.Status, Is.Null);

        var ex = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Activity>("""{"Type":null}""", Options));
        Assert.That(ex!.Message, Does.Contain("SportType").And.Contain("null").And.Contain("nullable"));
    }

    [TestCase("true", "a boolean")]
    [TestCase("{}", "an object")]
    public void Other_json_types_are_refused_with_the_type_name(string value, string described)
    {
        var ex = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<SportType>(value, Options));

        Assert.That(ex!.Message, Does.Contain("SportType").And.Contain(described));
    }

    [Test]
    public void Open_enums_work_as_dictionary_keys()
    {
        var map = JsonSerializer.Deserialize<Dictionary<SportType, int>>("""{"Run":3,"Kitesurf":1}""", Options)!;

        Assert.That(map[SportType.Run], Is.EqualTo(3));
        Assert.That(map[SportType.FromValue("Kitesurf")], Is.EqualTo(1));
        Assert.That(JsonSerializer.Serialize(map, Options), Is.EqualTo("""{"Run":3,"Kitesurf":1}"""));
    }

    [Test]
    public void The_factory_only_claims_types_that_implement_the_interface_for_themselves()
    {
        var factory = new OpenEnumJsonConverterFactory();

        Assert.That(factory.CanConvert(typeof(SportType)), Is.True);
        Assert.That(factory.CanConvert(typeof(StatusCode)), Is.True);
        Assert.That(factory.CanConvert(typeof(string)), Is.False);
        Assert.That(factory.CanConvert(typeof(DayOfWeek)), Is.False);
    }

    [Test]
    public void The_default_struct_is_written_as_null()
    {
        Assert.That(JsonSerializer.Serialize(default(SportType), Options), Is.EqualTo("null"));
    }
}
