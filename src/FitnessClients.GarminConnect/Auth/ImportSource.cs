using System.Text.Json;

namespace FitnessClients.GarminConnect.Auth;

/// <summary>Reads the text of another tool's token files, with errors that name the file but never its content.</summary>
internal static class ImportSource
{
    public static readonly JsonDocumentOptions JsonOptions = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 16 };

    /// <summary>Files larger than this are not token files; refusing them keeps a wrong path from loading a huge file.</summary>
    private const long MaxFileBytes = 1024 * 1024;

    /// <summary>Expands a leading <c>~</c> to the user's home directory.</summary>
    public static string ExpandHome(string path)
    {
        if (path == "~")
        {
            return Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        }

        if (path.StartsWith("~/", StringComparison.Ordinal) || path.StartsWith("~" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), path[2..]);
        }

        return path;
    }

    /// <summary>Reads a token file; a missing file, a symlink or an oversized file is reported by path.</summary>
    public static async Task<string> ReadFileAsync(string path, string what, CancellationToken cancellationToken)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            throw new FileNotFoundException($"The {what} '{path}' does not exist.", path);
        }

        if (info.LinkTarget is not null)
        {
            throw new Core.Tokens.TokenStoreException($"The {what} '{path}' is a symbolic link; it was not followed. Point the import at the file itself.") { Path = path };
        }

        if (info.Length > MaxFileBytes)
        {
            throw new Core.Tokens.TokenStoreException($"The {what} '{path}' is {info.Length} bytes, far more than a token file; it was not read.") { Path = path };
        }

        return await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Parses JSON, reporting an error by position only (a JSON error message may quote the content).</summary>
    public static JsonDocument ParseJson(string text, string what, string? path)
    {
        try
        {
            return JsonDocument.Parse(text.TrimStart('\uFEFF'), JsonOptions);
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line ? $" (error at line {line + 1}, byte {ex.BytePositionInLine + 1})" : string.Empty;
            throw new Core.Tokens.TokenStoreException($"The {what}{Describe(path)} is not valid JSON{where}. Its content is not shown because it may hold tokens.") { Path = path };
        }
    }

    /// <summary>A token-store error about the content of <paramref name="what"/>.</summary>
    public static Core.Tokens.TokenStoreException Invalid(string what, string? path, string problem) =>
        new($"The {what}{Describe(path)} {problem}. Its content is not shown because it may hold tokens.") { Path = path };

    public static string? GetString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string Describe(string? path) => path is null ? string.Empty : $" '{path}'";
}
