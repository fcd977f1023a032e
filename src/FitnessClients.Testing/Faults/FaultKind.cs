namespace FitnessClients.Testing;

/// <summary>What a <see cref="Fault"/> does to a request.</summary>
public enum FaultKind
{
    /// <summary>Answers with a status code (and optional headers and body) instead of the service.</summary>
    Status = 0,

    /// <summary>Answers with an HTML error page, as a proxy or a crashed web framework would.</summary>
    HtmlErrorPage = 1,

    /// <summary>Answers with a response built by a delegate (e.g. one of <see cref="HtmlErrorPages"/>).</summary>
    Response = 2,

    /// <summary>Holds the request for a while on the emulator's clock, then serves it normally.</summary>
    Delay = 3,

    /// <summary>Drops the connection without an answer.</summary>
    ConnectionReset = 4,

    /// <summary>Serves the real response, but the body stops part-way while the full length was advertised.</summary>
    TruncatedBody = 5,

    /// <summary>Serves the real response with its body trickling in chunks on the emulator's clock.</summary>
    SlowBody = 6,
}
