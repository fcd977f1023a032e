using FitnessClients.Core.OAuth;

namespace FitnessClients.Core.Tests.OAuth;

public class PkceCodesTests
{
    private const string Unreserved = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~";

    [Test]
    public void Matches_the_rfc_7636_appendix_b_example()
    {
        var codes = PkceCodes.FromVerifier("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk");

        Assert.That(codes.Challenge, Is.EqualTo("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"));
        Assert.That(codes.Method, Is.EqualTo("S256"));
        Assert.That(PkceCodes.ComputeS256Challenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"), Is.EqualTo("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"));
    }

    [Test]
    public void Creates_a_64_character_verifier_from_the_unreserved_set_by_default()
    {
        var codes = PkceCodes.Create();

        Assert.That(codes.Verifier, Has.Length.EqualTo(64));
        Assert.That(codes.Verifier.All(Unreserved.Contains), Is.True);
        Assert.That(codes.Challenge, Is.EqualTo(PkceCodes.ComputeS256Challenge(codes.Verifier)));
        Assert.That(codes.Challenge, Has.Length.EqualTo(43).And.Not.Contain("=").And.Not.Contain("+").And.Not.Contain("/"));
    }

    [Test]
    public void Fresh_verifiers_differ_and_use_the_whole_alphabet()
    {
        var verifiers = Enumerable.Range(0, 200).Select(_ => PkceCodes.Create(128).Verifier).ToList();

        Assert.That(verifiers.Distinct().Count(), Is.EqualTo(200));
        // 25,600 draws from 66 characters: every character appears unless the generator is broken.
        Assert.That(string.Concat(verifiers).Distinct().Count(), Is.EqualTo(Unreserved.Length));
    }

    [TestCase(43)]
    [TestCase(128)]
    public void Accepts_the_length_limits(int length)
    {
        Assert.That(PkceCodes.Create(length).Verifier, Has.Length.EqualTo(length));
    }

    [TestCase(42)]
    [TestCase(129)]
    public void Refuses_lengths_outside_the_rfc_range(int length)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PkceCodes.Create(length));
        Assert.Throws<ArgumentException>(() => PkceCodes.FromVerifier(new string('a', length)));
    }

    [Test]
    public void Refuses_a_verifier_with_characters_outside_the_unreserved_set()
    {
        var ex = Assert.Throws<ArgumentException>(() => PkceCodes.FromVerifier(new string('a', 50) + "+/="));

        Assert.That(ex!.Message, Does.Contain("letters, digits"));
    }

    [Test]
    public void ToString_does_not_reveal_the_verifier()
    {
        var codes = PkceCodes.Create();

        Assert.That(codes.ToString(), Does.Not.Contain(codes.Verifier).And.Contain("S256"));
    }
}
