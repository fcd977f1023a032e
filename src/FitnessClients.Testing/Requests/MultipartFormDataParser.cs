using System.Text;

namespace FitnessClients.Testing;

/// <summary>Splits a buffered multipart body at its boundaries (RFC 2046 section 5.1.1) and reads each part's headers.</summary>
internal static class MultipartFormDataParser
{
    private const int MaxPartHeaderBytes = 16 * 1024;

    public static List<MultipartPart> Parse(ReadOnlySpan<byte> body, string boundary)
    {
        // The first delimiter may start the body; every later one is preceded by CRLF, which belongs to it.
        var dashBoundary = Encoding.ASCII.GetBytes("--" + boundary);
        var delimiter = Encoding.ASCII.GetBytes("\r\n--" + boundary);
        var parts = new List<MultipartPart>();

        var position = body.StartsWith(dashBoundary) ? 0 : IndexOrThrow(body, delimiter, 0, "no opening boundary") + 2;
        position += dashBoundary.Length;
        while (true)
        {
            var rest = body[position..];
            if (rest.StartsWith("--"u8))
            {
                return parts; // close delimiter; anything after is epilogue
            }

            // Transport padding (spaces, tabs) may follow a delimiter before its CRLF.
            var lineEnd = rest.IndexOf("\r\n"u8);
            if (lineEnd < 0 || !rest[..lineEnd].Trim(" \t"u8).IsEmpty)
            {
                throw new FormatException("A multipart boundary is not followed by a line break.");
            }

            var partStart = position + lineEnd + 2;
            var partEnd = IndexOrThrow(body, delimiter, partStart, "a part has no closing boundary");
            parts.Add(ReadPart(body[partStart..partEnd]));
            position = partEnd + delimiter.Length;
        }
    }

    private static int IndexOrThrow(ReadOnlySpan<byte> body, ReadOnlySpan<byte> value, int start, string problem)
    {
        var index = body[start..].IndexOf(value);
        return index >= 0 ? start + index : throw new FormatException($"Malformed multipart body: {problem}.");
    }

    private static MultipartPart ReadPart(ReadOnlySpan<byte> part)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        int dataStart;
        if (part.StartsWith("\r\n"u8))
        {
            dataStart = 2; // a part without headers
        }
        else
        {
            var headerEnd = part.IndexOf("\r\n\r\n"u8);
            if (headerEnd < 0 || headerEnd > MaxPartHeaderBytes)
            {
                throw new FormatException("Malformed multipart body: a part's headers do not end with an empty line.");
            }

            foreach (var line in Encoding.UTF8.GetString(part[..headerEnd]).Split("\r\n"))
            {
                var colon = line.IndexOf(':', StringComparison.Ordinal);
                if (colon <= 0)
                {
                    throw new FormatException("Malformed multipart body: a part header has no name.");
                }

                headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
            }

            dataStart = headerEnd + 4;
        }

        string? name = null;
        string? fileName = null;
        if (headers.TryGetValue("Content-Disposition", out var disposition))
        {
            var parameters = ContentDispositionReader.ReadParameters(disposition);
            name = parameters.GetValueOrDefault("name");
            fileName = parameters.TryGetValue("filename*", out var extended) ? ContentDispositionReader.DecodeExtendedValue(extended) : parameters.GetValueOrDefault("filename");
        }

        return new MultipartPart(headers, name, fileName, part[dataStart..].ToArray());
    }
}
