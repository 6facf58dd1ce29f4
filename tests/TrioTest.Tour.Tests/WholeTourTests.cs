using System.Text.Json;
using FluentAssertions;

namespace TrioTest.Tour.Tests;

/// <summary>The tour as the README runs it: every section, to the end.</summary>
[Collection(RealTimeCollection.Name)]
public sealed class WholeTourTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("triotest-tour-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Run_WholeTour_RunsEverySectionToTheEndAndWritesATraceFilePerSection()
    {
        string path = Path.Combine(_directory, "tour.json");

        (int exit, string output, string error) = TourCommandTests.Run("--trace-json", path);

        exit.Should().Be(0, output);
        error.Should().BeEmpty();
        output.Should().NotContain("[!!]").And.Contain("every claim held");
        foreach (Running.TourSection section in TourCommand.Sections)
        {
            output.Should().Contain($"== {section.Title} ({section.Name}) ==");
            string file = Path.Combine(_directory, $"tour.{section.Name}.json");
            using JsonDocument json = JsonDocument.Parse(File.ReadAllBytes(file));
            json.RootElement.GetProperty("traceEvents").GetArrayLength().Should().BePositive("{0} holds the {1} section's trace", file, section.Name);
        }

        File.Exists(path).Should().BeFalse("the whole tour writes one file per section, not the bare name");
    }
}
