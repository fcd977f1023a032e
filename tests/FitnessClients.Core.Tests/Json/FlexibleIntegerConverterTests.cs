using System.Text.Json;
using FitnessClients.Core.Json;

namespace FitnessClients.Core.Tests.Json;

public class FlexibleIntegerConverterTests
{
    private static readonly JsonSerializerOptions Options = FitnessJson.CreateOptions();

    private sealed record Numbers(int Count, long Id, int? Optional, long? OptionalId, short Small);

    private sealed record Annotated(
        [property: System.Text.Json.Serialization.JsonConverter(typeof(FlexibleInt64Converter))] long Value,
        [property: System.Text.Json.Serialization.JsonConverter(typeof(FlexibleNullableInt32Converter))] int? Maybe);

    [TestCase("480", 480)]
    [TestCase("480.0", 480)]
    [TestCase("4.8e2", 480)]
    [TestCase("\"480\"", 480)]
    [TestCase("\" 480 \"", 480)]
    [TestCase("\"480.00\"", 480)]
    [TestCase("-7", -7)]
    [TestCase("-7.0", -7)]
    [TestCase("2147483647", int.MaxValue)]
    [TestCase("-2147483648", int.MinValue)]
    public void Int32_accepts_whole_numbers_in_every_spelling(string json, int expected)
    {
        Assert.That(JsonSerializer.Deserialize<int>(json, Options), Is.EqualTo(expected));
    }

    [TestCase("9007199254740993", 9007199254740993L)]
    [TestCase("9223372036854775807", long.MaxValue)]
    [TestCase("\"-9223372036854775808\"", long.MinValue)]
    [TestCase("12345678901.0", 12345678901L)]
    public void Int64_keeps_every_digit(string json, long expected)
    {
        Assert.That(JsonSerializer.Deserialize<long>(json, Options), Is.EqualTo(expected));
    }

    [TestCase("480.5", "480.5")]
    [TestCase("\"480.5\"", "\"480.5\"")]
    [TestCase("0.1", "0.1")]
    public void A_fraction_is_refused_with_a_message_naming_the_value(string json, string quoted)
    {
        var ex = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<long>(json, Options));
        Assert.That(ex!.Message, Does.Contain(quoted).And.Contain("not a whole number").And.Contain("Int64"));
    }

    [TestCase("2147483648")]
    [TestCase("2147483648.0")]
    [TestCase("\"-2147483649\"")]
    [TestCase("1e30")]
    public void Out_of_range_values_are_refused_with_the_range(string json)
    {
        var ex = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<int>(json, Options));
        Assert.That(ex!.Message, Does.Contain("outside the range of Int32").And.Contain("2147483647"));
    }

    [Test]
    public void A_huge_exponent_is_refused_as_out_of_range()
    {
        var ex = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<long>("1e300", Options));
        Assert.That(ex!.Message, Does.Contain("1e300").And.Contain("outside the range"));
    }

    [TestCase("\"abc\"", "\"abc\"")]
    [TestCase("\"\"", "\"\"")]
    public void Non_numeric_strings_are_refused_with_the_value(string json, string quoted)
    {
        var ex = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<int>(json, Options));
        Assert.That(ex!.Message, Does.Contain(quoted).And.Contain("not a number"));
    }

    [TestCase("true", "a boolean")]
    [TestCase("{}", "an object")]
    [TestCase("[]", "an array")]
    public void Other_json_types_are_refused(string json, string described)
    {
        var ex = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<int>(json, Options));
        Assert.That(ex!.Message, Does.Contain(described));
    }

    [Test]
    public void Nullable_properties_read_null_and_empty_strings_as_null()
    {
        var numbers = JsonSerializer.Deserialize<Numbers>("""{"count":"3","id":7.0,"optional":null,"optionalId":"","small":"2"}""", Options)!;

        Assert.That(numbers, Is.EqualTo(new Numbers(3, 7, null, null, 2)));
    }

    [Test]
    public void Nullable_properties_still_refuse_fractions()
    {
        var ex = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Numbers>("""{"optional":1.5}""", Options));
        Assert.That(ex!.Message, Does.Contain("1.5"));
        Assert.That(ex.Path, Is.EqualTo("$.optional"));
    }

    [Test]
    public void Integers_are_written_as_plain_numbers()
    {
        var json = JsonSerializer.Serialize(new Numbers(3, 9007199254740993, 5, null, -1), Options);

        Assert.That(json, Is.EqualTo("""{"Count":3,"Id":9007199254740993,"Optional":5,"Small":-1}"""));
    }

    [Test]
    public void Named_converters_work_as_attributes_without_the_shared_options()
    {
        var value = JsonSerializer.Deserialize<Annotated>("""{"Value":480.0,"Maybe":""}""")!;

        Assert.That(value, Is.EqualTo(new Annotated(480, null)));
    }

    [Test]
    public void Dictionary_keys_are_read_and_written()
    {
        var map = JsonSerializer.Deserialize<Dictionary<long, string>>("""{"12":"a","-3":"b"}""", Options)!;

        Assert.That(map, Is.EquivalentTo(new Dictionary<long, string> { [12] = "a", [-3] = "b" }));
        Assert.That(JsonSerializer.Serialize(map, Options), Is.EqualTo("""{"12":"a","-3":"b"}"""));
    }

    [Test]
    public void Values_are_read_from_a_real_strava_shaped_body_with_floats()
    {
        var numbers = JsonSerializer.Deserialize<Numbers>("""{"count": 1.0e0, "id": 12345678987654321, "optional": 0.0, "small": 0}""", Options)!;

        Assert.That(numbers.Count, Is.EqualTo(1));
        Assert.That(numbers.Id, Is.EqualTo(12345678987654321L));
        Assert.That(numbers.Optional, Is.Zero);
    }
}
