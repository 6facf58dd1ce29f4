namespace TrioTest.Core.Tests.Scheduling;

public sealed class SeedTests
{
    [Theory]
    [InlineData("0x9E3779B97F4A7C15", 0x9E3779B97F4A7C15UL)]
    [InlineData("  0x2a ", 0x2AUL)]
    [InlineData("0X1", 1UL)]
    [InlineData("42", 42UL)]
    [InlineData("18446744073709551615", ulong.MaxValue)]
    [InlineData("0xFFFFFFFFFFFFFFFF", ulong.MaxValue)]
    public void Parse_TakesHexAndDecimal(string text, ulong value)
    {
        Assert.Equal(new Seed(value), Seed.Parse(text));
        Assert.True(Seed.TryParse(text.AsSpan(), out Seed fromSpan));
        Assert.Equal(value, fromSpan.Value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("0x")]
    [InlineData("0x1FFFFFFFFFFFFFFFF")]
    [InlineData("-1")]
    [InlineData("18446744073709551616")]
    [InlineData("0xNOTHEX")]
    [InlineData("fifo+1:1@0x2A")]
    public void Parse_RefusesOtherText_SayingWhatASeedIs(string text)
    {
        Assert.False(Seed.TryParse(text, out _));
        FormatException error = Assert.Throws<FormatException>(() => Seed.Parse(text));
        Assert.Equal($"\"{text}\" is not a seed: use {Seed.Expected}.", error.Message);
    }

    [Fact]
    public void ToString_IsTheReportsForm_AndParsesBack()
    {
        var seed = new Seed(0x2A);

        Assert.Equal("0x000000000000002A", seed.ToString());
        Assert.Equal("seed 0x000000000000002A", $"seed {seed}");
        Assert.Equal(seed, Seed.Parse(seed.ToString()));
        Span<char> buffer = stackalloc char[18];
        Assert.True(seed.TryFormat(buffer, out int written, default, null));
        Assert.Equal("0x000000000000002A", buffer[..written].ToString());
        Assert.False(seed.TryFormat(stackalloc char[17], out _, default, null));
    }

    [Fact]
    public void Derive_IsTheExplorationsFamily_DistinctAndStable()
    {
        Seed baseSeed = 7;

        Assert.Equal(new Seed(DeterministicRandom.DeriveSeed(7, 3)), baseSeed.Derive(3));
        Assert.Equal(100, Enumerable.Range(1, 100).Select(i => baseSeed.Derive((ulong)i)).Distinct().Count());
        Assert.True(new Seed(1).CompareTo(new Seed(2)) < 0);
    }
}
