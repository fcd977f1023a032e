using FitnessClients.Core.OAuth;

namespace FitnessClients.Core.Tests.OAuth;

public class AuthorizationCallbackTests
{
    private const string State = "st4te-Xyz_123";
    private const string Code = "c0de-2342abcd";

    [TestCase("https://localhost/?state=st4te-Xyz_123&code=c0de-2342abcd&scope=read,activity:read_all")]
    [TestCase("http://127.0.0.1:5000/authorization?state=st4te-Xyz_123&code=c0de-2342abcd&scope=read%2Cactivity%3Aread_all")]
    [TestCase("  https://localhost/?state=st4te-Xyz_123&code=c0de-2342abcd&scope=read,activity:read_all \r\n")]
    [TestCase("\"https://localhost/?state=st4te-Xyz_123&code=c0de-2342abcd&scope=read,activity:read_all\"")]
    [TestCase("<https://localhost/?state=st4te-Xyz_123&code=c0de-2342abcd&scope=read,activity:read_all>")]
    [TestCase("https://localhost/?state=st4te-Xyz_123&code=c0de-\n2342abcd&scope=read,activity:read_all")]
    [TestCase("https://localhost/?state=st4te-Xyz_123&code=c0de-2342abcd&scope=read,activity:read_all#_=_")]
    [TestCase("?state=st4te-Xyz_123&code=c0de-2342abcd&scope=read,activity:read_all")]
    [TestCase("state=st4te-Xyz_123&code=c0de-2342abcd&scope=read,activity:read_all")]
    [TestCase("myapp://oauth/callback?code=c0de-2342abcd&scope=read+activity%3Aread_all&state=st4te-Xyz_123")]
    public void Accepts_the_pasted_address_in_its_common_shapes(string pasted)
    {
        var callback = AuthorizationCallback.ParseRedirectUrl(pasted, State);

        Assert.That(callback.Code, Is.EqualTo(Code));
        Assert.That(callback.State, Is.EqualTo(State));
        Assert.That(callback.Scopes, Is.EqualTo(new[] { "read", "activity:read_all" }));
        Assert.That(callback.Query["code"], Is.EqualTo(Code));
    }

    [Test]
    public void A_redirect_without_scope_has_no_scopes()
    {
        var callback = AuthorizationCallback.ParseRedirectUrl($"https://localhost/?code={Code}&state={State}", State);

        Assert.That(callback.Scope, Is.Null);
        Assert.That(callback.Scopes, Is.Empty);
    }

    [TestCase("https://localhost/?state=other&code=c0de-2342abcd")]
    [TestCase("https://localhost/?code=c0de-2342abcd")]
    [TestCase("https://localhost/?state=ST4TE-XYZ_123&code=c0de-2342abcd")]
    public void A_missing_or_different_state_is_refused_without_revealing_the_code(string pasted)
    {
        var ex = Assert.Throws<OAuthCallbackException>(() => AuthorizationCallback.ParseRedirectUrl(pasted, State));

        Assert.That(ex!.Reason, Is.EqualTo(OAuthCallbackFailure.StateMismatch));
        Assert.That(ex, Is.Not.InstanceOf<AuthenticationRequiredException>());
        Assert.That(ex.Message, Does.Contain("state").And.Not.Contain(Code));
    }

    [Test]
    public void Access_denied_is_reported_as_a_cancelled_sign_in()
    {
        var ex = Assert.Throws<OAuthCallbackException>(() => AuthorizationCallback.ParseRedirectUrl($"http://127.0.0.1:5000/authorization?state={State}&error=access_denied", State));

        Assert.That(ex!.Reason, Is.EqualTo(OAuthCallbackFailure.AccessDenied));
        Assert.That(ex.ErrorCode, Is.EqualTo("access_denied"));
        Assert.That(ex.Message, Does.Contain("cancelled"));
    }

    [Test]
    public void Other_errors_carry_the_code_and_description()
    {
        var ex = Assert.Throws<OAuthCallbackException>(() => AuthorizationCallback.ParseRedirectUrl(
            $"https://localhost/?error=invalid_scope&error_description=The+requested+scope+is+invalid&state={State}", State));

        Assert.That(ex!.Reason, Is.EqualTo(OAuthCallbackFailure.AuthorizationError));
        Assert.That(ex.ErrorCode, Is.EqualTo("invalid_scope"));
        Assert.That(ex.ResponseExcerpt, Is.EqualTo("The requested scope is invalid"));
        Assert.That(ex.Message, Does.Contain("invalid_scope").And.Contain("The requested scope is invalid"));
    }

    [Test]
    public void An_error_with_a_foreign_state_is_a_state_mismatch()
    {
        var ex = Assert.Throws<OAuthCallbackException>(() => AuthorizationCallback.ParseRedirectUrl("https://localhost/?error=access_denied&state=other", State));

        Assert.That(ex!.Reason, Is.EqualTo(OAuthCallbackFailure.StateMismatch));
    }

    [Test]
    public void An_error_without_state_is_still_reported()
    {
        var ex = Assert.Throws<OAuthCallbackException>(() => AuthorizationCallback.ParseRedirectUrl("https://localhost/?error=access_denied", State));

        Assert.That(ex!.Reason, Is.EqualTo(OAuthCallbackFailure.AccessDenied));
    }

    [Test]
    public void A_redirect_with_neither_code_nor_error_is_reported_as_missing_code()
    {
        var ex = Assert.Throws<OAuthCallbackException>(() => AuthorizationCallback.ParseRedirectUrl($"https://localhost/?state={State}", State));

        Assert.That(ex!.Reason, Is.EqualTo(OAuthCallbackFailure.MissingCode));
        Assert.That(ex.Message, Does.Contain("connected athletes"));
    }

    [TestCase("c0de-2342abcd")]
    [TestCase("https://localhost/")]
    [TestCase("   ")]
    [TestCase("")]
    public void Text_that_is_not_a_redirect_is_refused_with_instructions(string pasted)
    {
        var ex = Assert.Throws<OAuthCallbackException>(() => AuthorizationCallback.ParseRedirectUrl(pasted, State));

        Assert.That(ex!.Reason, Is.EqualTo(OAuthCallbackFailure.InvalidRedirect));
        Assert.That(ex.Message, Does.Contain("address bar"));
        Assert.That(ex.Message, Does.Not.Contain(Code));
    }

    [Test]
    public void A_repeated_code_or_state_is_refused()
    {
        var ex = Assert.Throws<OAuthCallbackException>(() => AuthorizationCallback.ParseRedirectUrl($"https://localhost/?code={Code}&state={State}&code=evil", State));

        Assert.That(ex!.Reason, Is.EqualTo(OAuthCallbackFailure.InvalidRedirect));
        Assert.That(ex.Message, Does.Contain("'code'").And.Not.Contain(Code));
    }

    [Test]
    public void ToString_does_not_print_the_code()
    {
        var callback = AuthorizationCallback.ParseRedirectUrl($"https://localhost/?code={Code}&state={State}&scope=read", State);

        Assert.That(callback.ToString(), Does.Not.Contain(Code).And.Contain("read"));
    }

    [Test]
    public void The_expected_state_must_be_given()
    {
        Assert.Throws<ArgumentException>(() => AuthorizationCallback.ParseRedirectUrl($"https://localhost/?code={Code}&state=", ""));
    }
}
