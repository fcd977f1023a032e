using System.Text.Json.Serialization;

namespace FitnessClients.Core.Tokens;

/// <summary>
/// The JSON shape of a stored token. Source-generated so token files are read and written without reflection,
/// and indented because people open these files to see which account and scopes they hold.
/// </summary>
/// <remarks>
/// Nullable annotations are enforced, so a file whose <c>access_token</c> is <c>null</c> is rejected as corrupt
/// instead of producing a token that fails on first use.
/// </remarks>
[JsonSourceGenerationOptions(WriteIndented = true, RespectNullableAnnotations = true)]
[JsonSerializable(typeof(OAuthToken))]
internal sealed partial class TokenJsonContext : JsonSerializerContext;
