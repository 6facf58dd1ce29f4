using FluentAssertions;

namespace TrioTest.Tour.Tests;

public class TraceFilesTests
{
    [Fact]
    public void PathFor_OneSection_IsTheFileItself()
    {
        string path = TraceFiles.PathFor("out/trace.json", "cpu", single: true);

        path.Should().Be("out/trace.json");
    }

    [Theory]
    [InlineData("out/trace.json", "out/trace.cpu.json")]
    [InlineData("trace.json", "trace.cpu.json")]
    [InlineData("trace", "trace.cpu")]
    public void PathFor_WholeTour_PutsTheSectionBeforeTheExtension(string file, string expected)
    {
        string path = TraceFiles.PathFor(file, "cpu", single: false);

        path.Should().Be(expected);
    }
}
