using TrioTest;
using TrioTest.NUnit;

namespace TrioTest.NUnit.Template;

public class Tests
{
    // Runs on TrioTest's loop: the five minutes are virtual and pass in microseconds.
    [AsyncTest]
    public async Task Sleep_takes_virtual_time()
    {
        await Trio.SleepAsync(TimeSpan.FromMinutes(5));

        Assert.That(Trio.CurrentTime, Is.EqualTo(TimeSpan.FromMinutes(5)));
    }
}
