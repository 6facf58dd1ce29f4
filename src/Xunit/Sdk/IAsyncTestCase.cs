namespace TrioTest.Xunit.Sdk;

/// <summary>A test case that carries TrioTest settings: an <see cref="AsyncTestCase"/> or an <see cref="AsyncTheoryTestCase"/>.</summary>
internal interface IAsyncTestCase
{
    /// <summary>Gets the resolved settings.</summary>
    AsyncTestSettings Settings { get; }
}
