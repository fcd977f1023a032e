using System.Text;

namespace FitnessClients.Backup.Tests;

/// <summary>Names safe on Windows, macOS and Linux, measured in UTF-8 bytes.</summary>
public class FileNameSanitizerTests
{
    [TestCase("Morning run", "Morning_run")]
    [TestCase("Morning run: 10/10 ", "Morning_run_10_10")]
    [TestCase(@"a\b/c:d*e?f""g<h>i|j", "a_b_c_d_e_f_g_h_i_j")]
    [TestCase("tab\there\nnewline\u0001ctrl", "tab_here_newline_ctrl")]
    [TestCase("trailing dots...", "trailing_dots")]
    [TestCase("  spaces  ", "spaces")]
    [TestCase("..", "")]
    [TestCase(".hidden", "hidden")]
    [TestCase("evil\u202Egpj.exe", "evilgpj.exe")]
    [TestCase("a\u200Eb\u200Fc\u2066d\u2069", "abcd")]
    [TestCase("Zürich Lauf", "Zürich_Lauf")]
    [TestCase("Bieg 🏃‍♀️ w deszczu", "Bieg_🏃‍♀️_w_deszczu")]
    [TestCase("日本語のラン", "日本語のラン")]
    [TestCase("a____b", "a_b")]
    [TestCase(null, "")]
    [TestCase("   ", "")]
    public void Sanitizes(string? input, string expected) =>
        Assert.That(FileNameSanitizer.Sanitize(input), Is.EqualTo(expected));

    [TestCase("CON")]
    [TestCase("con")]
    [TestCase("NUL")]
    [TestCase("COM1")]
    [TestCase("lpt9")]
    [TestCase("AUX")]
    [TestCase("PRN")]
    public void Reserved_device_names_get_a_prefix(string name)
    {
        Assert.That(FileNameSanitizer.IsReserved(name), Is.True);
        Assert.That(FileNameSanitizer.Sanitize(name), Is.EqualTo("_" + name));
        Assert.That(FileNameSanitizer.IsReserved(FileNameSanitizer.Sanitize(name)), Is.False);
    }

    [TestCase("nul.txt", true)]
    [TestCase("CONSOLE", false)]
    [TestCase("COM10", false)]
    public void Reserved_names_are_recognised_with_extensions(string name, bool reserved) =>
        Assert.That(FileNameSanitizer.IsReserved(name), Is.EqualTo(reserved));

    [Test]
    public void Length_is_limited_in_utf8_bytes_without_splitting_characters()
    {
        var emoji = string.Concat(Enumerable.Repeat("🏃‍♀️", 10));
        var cut = FileNameSanitizer.Sanitize(emoji, 30);
        Assert.That(Encoding.UTF8.GetByteCount(cut), Is.LessThanOrEqualTo(30));
        Assert.That(cut, Is.EqualTo(string.Concat(Enumerable.Repeat("🏃‍♀️", 30 / Encoding.UTF8.GetByteCount("🏃‍♀️")))));

        var accents = FileNameSanitizer.Sanitize(new string('é', 100), 11);
        Assert.That(accents, Is.EqualTo(new string('é', 5)));
    }

    [Test]
    public void A_cut_that_ends_on_a_separator_is_trimmed()
    {
        Assert.That(FileNameSanitizer.Sanitize("abcd efgh", 5), Is.EqualTo("abcd"));
        Assert.That(FileNameSanitizer.Sanitize("abc. efgh", 5), Is.EqualTo("abc"));
    }

    [Test]
    public void Lone_surrogates_are_replaced()
    {
        var result = FileNameSanitizer.Sanitize("a\uD800b");
        Assert.That(result, Is.EqualTo("a_b"));
        Assert.That(Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(result)), Is.EqualTo(result));
    }

    [Test]
    public void Combining_marks_are_composed_so_the_same_name_gives_the_same_file()
    {
        Assert.That(FileNameSanitizer.Sanitize("Zu\u0308rich"), Is.EqualTo(FileNameSanitizer.Sanitize("Zürich")));
    }
}
