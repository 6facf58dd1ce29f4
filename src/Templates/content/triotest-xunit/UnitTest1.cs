using TrioTest;
using TrioTest.Xunit;

namespace TrioTest.Xunit.Template;

public class UnitTest1
{
    // Runs on TrioTest's loop: the five minutes are virtual and pass in microseconds.
    [AsyncTest]
    public async Task Sleep_takes_virtual_time()
    {
        await Trio.SleepAsync(TimeSpan.FromMinutes(5));

        Assert.Equal(TimeSpan.FromMinutes(5), Trio.CurrentTime);
    }
}
