using FluentAssertions;

namespace TrioTest.Testing.Tests.Sharding;

public class TestShardTests
{
    [Theory]
    [InlineData("0/8", 0, 8)]
    [InlineData(" 7 / 8 ", 7, 8)]
    [InlineData("0/1", 0, 1)]
    public void TryParse_IOverN_ReadsBoth(string text, int index, int count)
    {
        bool parsed = TestShard.TryParse(text, out TestShard shard);

        parsed.Should().BeTrue();
        shard.Should().Be(new TestShard(index, count));
        shard.ToString().Should().Be($"{index}/{count}");
    }

    [Theory]
    [InlineData("3/2")]
    [InlineData("8/8")]
    [InlineData("-1/8")]
    [InlineData("1/0")]
    [InlineData("1")]
    [InlineData("a/b")]
    [InlineData("")]
    [InlineData(null)]
    public void TryParse_Invalid_ReturnsFalse(string? text)
    {
        TestShard.TryParse(text, out _).Should().BeFalse();
    }

    [Fact]
    public void Parse_Invalid_ThrowsWithTheValueAndTheForm()
    {
        Action parse = () => TestShard.Parse("3/2");

        parse.Should().Throw<TrioTestConfigurationException>().WithMessage("*\"3/2\": use i/n with 0 <= i < n, such as 0/8*");
    }

    [Fact]
    public void Constructor_IndexOutOfRange_Throws()
    {
        Action create = () => _ = new TestShard(8, 8);

        create.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*0 to 7*");
    }

    [Fact]
    public void Owns_EveryPosition_BelongsToExactlyOneShard()
    {
        TestShard[] shards = [.. Enumerable.Range(0, 8).Select(i => new TestShard(i, 8))];

        int[] owners = [.. Enumerable.Range(0, 100).Select(position => shards.Count(s => s.Owns(position)))];

        owners.Should().AllBeEquivalentTo(1);
    }
}
