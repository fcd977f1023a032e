using System.Buffers;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace FitnessClients.Core.OAuth;

/// <summary>
/// A PKCE (RFC 7636) verifier and its <c>S256</c> challenge. The challenge goes into the authorization URL, the
/// verifier into the code exchange, so a code intercepted on its way back to a loopback or pasted URL is useless
/// to anyone without the verifier.
/// </summary>
/// <remarks><see cref="ToString"/> does not print the verifier.</remarks>
/// <example>
/// <code>
/// var pkce = PkceCodes.Create();
/// var request = new AuthorizationRequest { ..., Pkce = pkce };
/// // later
/// await tokenClient.ExchangeCodeAsync(callback.Code, redirectUri, pkce.Verifier, ct);
/// </code>
/// </example>
public sealed class PkceCodes
{
    /// <summary>The only challenge method this class produces (SHA-256); <c>plain</c> protects nothing and is not offered.</summary>
    public const string S256 = "S256";

    /// <summary>The verifier length <see cref="Create"/> uses by default.</summary>
    public const int DefaultVerifierLength = 64;

    /// <summary>The shortest verifier RFC 7636 allows.</summary>
    public const int MinVerifierLength = 43;

    /// <summary>The longest verifier RFC 7636 allows.</summary>
    public const int MaxVerifierLength = 128;

    // RFC 7636 §4.1: unreserved = ALPHA / DIGIT / "-" / "." / "_" / "~"
    private const string UnreservedCharacters = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~";

    private static readonly SearchValues<char> Unreserved = SearchValues.Create(UnreservedCharacters);

    private PkceCodes(string verifier)
    {
        Verifier = verifier;
        Challenge = ComputeS256Challenge(verifier);
    }

    /// <summary>The secret sent with the code exchange (<c>code_verifier</c>).</summary>
    public string Verifier { get; }

    /// <summary>The value sent in the authorization URL (<c>code_challenge</c>): base64url(SHA-256(verifier)) without padding.</summary>
    public string Challenge { get; }

    /// <summary>The value of <c>code_challenge_method</c>: always <see cref="S256"/>.</summary>
    public string Method => S256;

    /// <summary>Creates codes with a fresh verifier drawn uniformly from the unreserved characters by a cryptographic RNG.</summary>
    /// <param name="verifierLength">The verifier length, 43 to 128.</param>
    public static PkceCodes Create(int verifierLength = DefaultVerifierLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(verifierLength, MinVerifierLength);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(verifierLength, MaxVerifierLength);
        return new PkceCodes(RandomNumberGenerator.GetString(UnreservedCharacters, verifierLength));
    }

    /// <summary>Rebuilds the codes from a verifier kept from earlier (e.g. across the two steps of a headless sign-in).</summary>
    /// <param name="verifier">43 to 128 unreserved characters.</param>
    /// <exception cref="ArgumentException">The verifier has the wrong length or a character outside the unreserved set.</exception>
    public static PkceCodes FromVerifier(string verifier)
    {
        Validate(verifier);
        return new PkceCodes(verifier);
    }

    /// <summary>Computes the <c>S256</c> challenge of <paramref name="verifier"/>.</summary>
    /// <param name="verifier">A valid verifier.</param>
    public static string ComputeS256Challenge(string verifier)
    {
        Validate(verifier);
        var hash = SHA256.HashData(Encoding.ASCII.GetBytes(verifier));
        return Base64Url.EncodeToString(hash);
    }

    /// <summary>Describes the codes without the verifier.</summary>
    public override string ToString() => $"PkceCodes {{ Method = {Method}, VerifierLength = {Verifier.Length} }}";

    private static void Validate(string verifier)
    {
        ArgumentNullException.ThrowIfNull(verifier);
        if (verifier.Length is < MinVerifierLength or > MaxVerifierLength)
        {
            throw new ArgumentException($"A PKCE verifier must be {MinVerifierLength} to {MaxVerifierLength} characters long; this one has {verifier.Length}.", nameof(verifier));
        }

        if (verifier.AsSpan().IndexOfAnyExcept(Unreserved) >= 0)
        {
            throw new ArgumentException("A PKCE verifier may only contain letters, digits and - . _ ~.", nameof(verifier));
        }
    }
}
