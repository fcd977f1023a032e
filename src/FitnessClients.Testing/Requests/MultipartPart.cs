using System.Text;

namespace FitnessClients.Testing;

/// <summary>One part of a <c>multipart/form-data</c> body: a form field or an uploaded file.</summary>
public sealed class MultipartPart
{
    internal MultipartPart(IReadOnlyDictionary<string, string> headers, string? name, string? fileName, ReadOnlyMemory<byte> data)
    {
        Headers = headers;
        Name = name;
        FileName = fileName;
        Data = data;
    }

    /// <summary>The part's headers, by case-insensitive name.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; }

    /// <summary>The form field name from <c>Content-Disposition</c>; <see langword="null"/> when the part has none.</summary>
    public string? Name { get; }

    /// <summary>The uploaded file's name (<c>filename*</c> preferred over <c>filename</c>); <see langword="null"/> for plain fields.</summary>
    public string? FileName { get; }

    /// <summary>The part's <c>Content-Type</c>, or <see langword="null"/> when the part does not say (plain fields usually do not).</summary>
    public string? ContentType => Headers.TryGetValue("Content-Type", out var value) ? value : null;

    /// <summary>The part's bytes exactly as sent.</summary>
    public ReadOnlyMemory<byte> Data { get; }

    /// <summary>The part's bytes as UTF-8 text: how services read plain form fields.</summary>
    public string ReadAsString() => Encoding.UTF8.GetString(Data.Span);

    /// <inheritdoc />
    public override string ToString() => $"MultipartPart {{ Name = {Name}, FileName = {FileName}, ContentType = {ContentType}, Length = {Data.Length} }}";
}
