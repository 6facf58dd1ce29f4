namespace TrioTest.Tour;

/// <summary>
/// The tour: the examples of "Is asyncio too hard to use? Try Trio!", in the article's order, each run on TrioTest's
/// deterministic loop, printing what happened, the virtual and real time, the checkpoint trace as a timeline, and the
/// claims of the section, checked. See <see cref="TourCommand.Usage"/> for the options.
/// </summary>
internal static class Program
{
    public static int Main(string[] args) => TourCommand.Run(args, Console.Out, Console.Error);
}
