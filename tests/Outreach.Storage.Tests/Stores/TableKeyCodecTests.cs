using Outreach.Storage.Stores;

namespace Outreach.Storage.Tests.Stores;

public sealed class TableKeyCodecTests
{
    [Fact]
    public void Ids_without_reserved_characters_are_stored_unchanged()
    {
        Assert.Equal("student-1", TableKeyCodec.Encode("student-1"));
        Assert.Equal("0123abcdef", TableKeyCodec.Decode("0123abcdef"));
    }

    [Fact]
    public void Reserved_characters_separator_percent_and_controls_are_escaped_reversibly()
    {
        const string value = "C# / Q&A?\\50%|x\ty";

        var encoded = TableKeyCodec.Encode(value);

        Assert.Equal("C%23 %2F Q&A%3F%5C50%25%7Cx%09y", encoded);
        Assert.Equal(value, TableKeyCodec.Decode(encoded));
    }

    [Fact]
    public void Joined_parts_split_back_even_when_a_part_contains_the_separator()
    {
        var key = TableKeyCodec.Join("owner|1", "task/2");

        Assert.Equal("owner%7C1|task%2F2", key);
        Assert.Equal(["owner|1", "task/2"], TableKeyCodec.Split(key, 2));
    }

    [Fact]
    public void A_dangling_percent_is_not_a_valid_encoding()
    {
        var error = Assert.Throws<FormatException>(() => TableKeyCodec.Decode("abc%2"));

        Assert.Equal("'abc%2' is not an encoded key part: '%' must be followed by two hex digits.", error.Message);
    }
}
