using Outreach.Core.Outcomes;

namespace Outreach.Core.Tests.Outcomes;

public sealed class EncodedWordsTests
{
    [Theory]
    [InlineData("=?UTF-8?B?Wm/Dqw==?=", "Zoë")]
    [InlineData("=?iso-8859-1?Q?J=FCrgen_M=FCller?=", "Jürgen Müller")]
    [InlineData("=?utf-8?q?Caf=C3=A9?= au lait", "Café au lait")]
    [InlineData("Re: =?UTF-8?B?Wm/Dqw==?= and you", "Re: Zoë and you")]
    [InlineData("plain subject", "plain subject")]
    [InlineData("=?windows-1252?Q?=93quoted=94?=", "\u201Cquoted\u201D")]
    [InlineData("=?utf-8*en?Q?hello?=", "hello")]
    public void Decodes_base64_and_quoted_printable_words(string raw, string expected)
    {
        Assert.Equal(expected, EncodedWords.Decode(raw));
    }

    [Fact]
    public void Joins_adjacent_words_dropping_the_whitespace_between_them()
    {
        Assert.Equal("ab", EncodedWords.Decode("=?utf-8?Q?a?= \r\n =?utf-8?Q?b?="));
    }

    [Fact]
    public void Decodes_a_utf8_character_split_across_two_words()
    {
        // "Ζωή Παπαδοπούλου" split after 5 bytes, in the middle of "ή".
        Assert.Equal("Ζωή Παπαδοπούλου", EncodedWords.Decode("=?UTF-8?B?zpbPic4=?= =?UTF-8?B?riDOoM6xz4DOsc60zr/PgM6/z43Ou86/z4U=?="));
    }

    [Theory]
    [InlineData("=?x-unknown?Q?abc?= ok")]
    [InlineData("=?utf-7?Q?abc?= ok")] // known to .NET but switched off: it throws NotSupportedException, not ArgumentException
    public void Leaves_a_word_in_an_unknown_or_unsupported_charset_as_written(string subject)
    {
        Assert.Equal(subject, EncodedWords.Decode(subject));
    }
}
