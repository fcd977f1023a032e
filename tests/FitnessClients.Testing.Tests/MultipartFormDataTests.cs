using System.Net.Http.Headers;
using System.Text;
using FitnessClients.Testing;

namespace FitnessClients.Testing.Tests;

public class MultipartFormDataTests
{
    private static async Task<MultipartFormData> RoundTripAsync(MultipartFormDataContent content)
    {
        var bytes = await content.ReadAsByteArrayAsync();
        return MultipartFormData.Parse(bytes, content.Headers.ContentType!.ToString());
    }

    [Test]
    public async Task Parses_fields_and_files_written_by_MultipartFormDataContent()
    {
        // A binary file whose bytes include CRLF, dashes and something that looks like a boundary line.
        var binary = new byte[] { 0x0E, 0x10, 0x0D, 0x0A, 0x2D, 0x2D, 0x0D, 0x0A, 0x0D, 0x0A, 0x00, 0xFF }
            .Concat(Encoding.ASCII.GetBytes("\r\n--not-the-boundary\r\n")).Concat(new byte[] { 0x0D }).ToArray();
        using var content = new MultipartFormDataContent();
        content.Add(new StringContent("fit"), "data_type");
        content.Add(new StringContent("Morning run ☀"), "name");
        var file = new ByteArrayContent(binary);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        content.Add(file, "file", "run 2026-01-05.fit");

        var form = await RoundTripAsync(content);

        Assert.That(form.Parts.Select(p => p.Name), Is.EqualTo(new[] { "data_type", "name", "file" }));
        Assert.That(form.GetValue("data_type"), Is.EqualTo("fit"));
        Assert.That(form.GetValue("name"), Is.EqualTo("Morning run ☀"));
        var part = form.GetPart("file")!;
        Assert.That(part.FileName, Is.EqualTo("run 2026-01-05.fit"));
        Assert.That(part.ContentType, Is.EqualTo("application/octet-stream"));
        Assert.That(part.Data.ToArray(), Is.EqualTo(binary));
        Assert.That(form.GetPart("data_type")!.FileName, Is.Null);
        Assert.That(form.GetPart("missing"), Is.Null);
    }

    [Test]
    public async Task Prefers_the_RFC_5987_filename_for_non_ASCII_names()
    {
        using var content = new MultipartFormDataContent();
        content.Add(new ByteArrayContent([1, 2, 3]), "file", "Läufe/été.gpx");
        var form = await RoundTripAsync(content);
        Assert.That(form.GetPart("file")!.FileName, Is.EqualTo("Läufe/été.gpx"));
    }

    [Test]
    public void Parses_a_hand_written_body_with_quoted_parameters_preamble_and_epilogue()
    {
        const string body =
            "preamble to ignore\r\n" +
            "--XyZ\r\n" +
            "Content-Disposition: form-data; name=\"description\"\r\n\r\n" +
            "line one\r\nline two\r\n" +
            "--XyZ  \r\n" +
            "content-disposition: form-data; name=\"file\"; filename=\"a \\\"quoted\\\" name.tcx\"\r\n" +
            "Content-Type: application/vnd.garmin.tcx+xml\r\n\r\n" +
            "<TrainingCenterDatabase/>\r\n" +
            "--XyZ\r\n" +
            "\r\n" +
            "headerless\r\n" +
            "--XyZ--\r\nepilogue";

        var form = MultipartFormData.Parse(Encoding.UTF8.GetBytes(body), "multipart/form-data; boundary=\"XyZ\"");

        Assert.That(form.Parts, Has.Count.EqualTo(3));
        Assert.That(form.GetValue("description"), Is.EqualTo("line one\r\nline two"));
        Assert.That(form.Parts[1].FileName, Is.EqualTo("a \"quoted\" name.tcx"));
        Assert.That(form.Parts[1].ContentType, Is.EqualTo("application/vnd.garmin.tcx+xml"));
        Assert.That(form.Parts[2].Name, Is.Null);
        Assert.That(form.Parts[2].ReadAsString(), Is.EqualTo("headerless"));
    }

    [Test]
    public void An_empty_form_has_no_parts()
    {
        var form = MultipartFormData.Parse("--b--\r\n"u8, "multipart/form-data; boundary=b");
        Assert.That(form.Parts, Is.Empty);
    }

    [TestCase("--b\r\nContent-Disposition: form-data; name=x\r\n\r\nvalue", "multipart/form-data; boundary=b")] // no closing boundary
    [TestCase("no boundary at all", "multipart/form-data; boundary=b")]
    [TestCase("--b\r\nContent-Disposition form-data\r\n\r\nv\r\n--b--", "multipart/form-data; boundary=b")] // header without colon
    [TestCase("--b--", "multipart/form-data")] // no boundary parameter
    [TestCase("--b--", "application/json")]
    public void Rejects_malformed_bodies(string body, string contentType)
    {
        Assert.That(() => MultipartFormData.Parse(Encoding.UTF8.GetBytes(body), contentType), Throws.InstanceOf<FormatException>());
    }
}
