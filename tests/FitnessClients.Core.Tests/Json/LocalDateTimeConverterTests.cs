using System.Text.Json;
using FitnessClients.Core.Json;

namespace FitnessClients.Core.Tests.Json;

public class LocalDateTimeConverterTests
{
    private static readonly JsonSerializerOptions Options = FitnessJson.CreateOptions();

    [TestCase("\"2024-05-01 09:30:00\"", "2024-05-01T09:30:00.0000000")]
    [TestCase("\"2024-05-01T09:30:00\"", "2024-05-01T09:30:00.0000000")]
    [TestCase("\"2024-05-01T09:30:00.0\"", "2024-05-01T09:30:00.0000000")]
    [TestCase("\"2024-05-01T09:30:00.123\"", "2024-05-01T09:30:00.1230000")]
    [TestCase("\"2024-05-01T09:30:00.1234567\"", "2024-05-01T09:30:00.1234567")]
    [TestCase("\"2024-05-01T09:30:00+02:00\"", "2024-05-01T09:30:00.0000000")]
    [TestCase("\"2024-05-01T09:30:00Z\"", "2024-05-01T09:30:00.0000000")]
    [TestCase("\"Tue, 1 Mar 2011 07:00:00\"", "2011-03-01T07:00:00.0000000")]
    [TestCase("\"Sat, 25 Jun 2016 20:17:23\"", "2016-06-25T20:17:23.0000000")]
    public void Reads_the_wall_clock_digits_as_written(string json, string expected)
    {
        var value = JsonSerializer.Deserialize<DateTime>(json, Options);

        Assert.That(value.ToString("O", System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo(expected));
        Assert.That(value.Kind, Is.EqualTo(DateTimeKind.Unspecified));
    }

    [Test]
    public void Refuses_epoch_numbers_because_they_are_instants()
    {
        var ex = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<DateTime>("1714548600", Options));

        Assert.That(ex!.Message, Does.Contain("1714548600").And.Contain("DateTimeOffset"));
    }

    [TestCase("\"01/05/2024 09:30\"")]
    [TestCase("\"2024-05-32 09:30:00\"")]
    public void Refuses_other_forms_with_the_value(string json)
    {
        var ex = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<DateTime>(json, Options));

        Assert.That(ex!.Message, Does.Contain(json).And.Contain("not a local date and time"));
    }

    [Test]
    public void Writes_iso_without_an_offset()
    {
        var json = JsonSerializer.Serialize(new DateTime(2024, 5, 1, 9, 30, 0, 250), Options);

        Assert.That(json, Is.EqualTo("\"2024-05-01T09:30:00.25\""));
    }
}
