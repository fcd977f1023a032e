using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace FitnessClients.Core.Http;

/// <summary>
/// The transport rules every service client follows: no plain <c>http://</c> off the loopback interface unless the
/// user opted in, and TLS validated against the system's roots or the user's own CA, never switched off. Self-hosted
/// services (FitTrackee) are where these matter: their address is typed by a person, and their certificate is often
/// issued by a private CA, which tempts scripts to disable verification altogether.
/// </summary>
public static class TransportSecurity
{
    /// <summary>
    /// Refuses <paramref name="address"/> when it is not HTTPS, unless it points at the loopback interface or
    /// <see cref="FitnessClientOptions.AllowInsecureHttp"/> is set.
    /// </summary>
    /// <param name="address">An absolute address the client will send credentials to.</param>
    /// <param name="options">The client's options.</param>
    /// <param name="parameterName">The name reported in the exception.</param>
    /// <exception cref="ArgumentException">The address is relative, not HTTP(S), or plain HTTP to another host without the opt-in.</exception>
    public static void ValidateAddress(Uri address, FitnessClientOptions options, string parameterName = "options")
    {
        ArgumentNullException.ThrowIfNull(address);
        ArgumentNullException.ThrowIfNull(options);
        if (!address.IsAbsoluteUri)
        {
            throw new ArgumentException($"The address '{address}' must be absolute, e.g. https://fittrackee.example.org/.", parameterName);
        }

        if (address.Scheme == Uri.UriSchemeHttps)
        {
            return;
        }

        if (address.Scheme != Uri.UriSchemeHttp)
        {
            throw new ArgumentException($"The address '{address.GetLeftPart(UriPartial.Authority)}' must use https:// (or http:// to this machine).", parameterName);
        }

        if (address.IsLoopback || options.AllowInsecureHttp)
        {
            return;
        }

        throw new ArgumentException(
            $"Refusing plain http:// to {address.Host}: the access token, refresh token and client secret would cross the network unencrypted. " +
            "Use https:// (a certificate from a private CA can be trusted with TrustedCertificateAuthorities), " +
            $"or set {nameof(FitnessClientOptions.AllowInsecureHttp)} = true if this network is fully trusted (http to localhost/127.0.0.1 is always allowed).",
            parameterName);
    }

    /// <summary>
    /// The sending handler a client creates when the caller gave none: pooled connections, automatic decompression,
    /// and, when <see cref="FitnessClientOptions.TrustedCertificateAuthorities"/> is not empty, server certificates
    /// validated against those roots only.
    /// </summary>
    /// <param name="options">The client's options.</param>
    /// <returns>A new handler the caller owns.</returns>
    public static SocketsHttpHandler CreatePrimaryHandler(FitnessClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var handler = FitnessPipeline.CreatePrimaryHandler(options.PooledConnectionLifetime);
        if (options.TrustedCertificateAuthorities.Count > 0)
        {
            handler.SslOptions = CreateSslOptions(options.TrustedCertificateAuthorities);
        }

        return handler;
    }

    /// <summary>TLS options that trust exactly <paramref name="authorities"/> as roots (name and validity still checked).</summary>
    /// <param name="authorities">The CA certificates.</param>
    /// <returns>Options for <see cref="SocketsHttpHandler.SslOptions"/>.</returns>
    public static SslClientAuthenticationOptions CreateSslOptions(IEnumerable<X509Certificate2> authorities)
    {
        ArgumentNullException.ThrowIfNull(authorities);
        var policy = new X509ChainPolicy
        {
            TrustMode = X509ChainTrustMode.CustomRootTrust,
            // A private CA rarely runs a CRL or OCSP endpoint; an unreachable one would fail every connection.
            RevocationMode = X509RevocationMode.NoCheck,
        };
        foreach (var authority in authorities)
        {
            ArgumentNullException.ThrowIfNull(authority, nameof(authorities));
            policy.CustomTrustStore.Add(authority);
        }

        if (policy.CustomTrustStore.Count == 0)
        {
            throw new ArgumentException("At least one certificate authority is needed.", nameof(authorities));
        }

        return new SslClientAuthenticationOptions { CertificateChainPolicy = policy };
    }
}
