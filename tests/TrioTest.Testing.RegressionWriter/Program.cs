using System.Globalization;
using TrioTest.Testing;

// Usage: TrioTest.Testing.RegressionWriter <file> <writer> <count>
// Records seeds 1..count for the test "Writer<writer>.Test", then prints how many were added and the warnings, one per
// line. Every writer waits on its standard input for one line first, so a test can start them all and release them at
// once: the writes then overlap instead of following each process's start-up.
if (args.Length != 3
    || !int.TryParse(args[1], NumberStyles.None, CultureInfo.InvariantCulture, out int writer)
    || !int.TryParse(args[2], NumberStyles.None, CultureInfo.InvariantCulture, out int count))
{
    Console.Error.WriteLine("usage: TrioTest.Testing.RegressionWriter <file> <writer number> <count>");
    return 2;
}

Console.WriteLine("ready");
Console.Out.Flush();
Console.In.ReadLine();
var warnings = new List<string>();
int added = 0;
for (int seed = 1; seed <= count; seed++)
{
    if (RegressionFile.Record(args[0], $"Writer{writer}.Test", (ulong)seed, $"writer {writer}, seed {seed}", warnings))
    {
        added++;
    }
}

Console.WriteLine(added);
foreach (string warning in warnings)
{
    Console.WriteLine(warning);
}

return 0;
