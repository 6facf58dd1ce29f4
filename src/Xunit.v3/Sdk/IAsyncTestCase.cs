namespace TrioTest.Xunit.v3.Sdk;

/// <summary>A test case that carries TrioTest settings: an <see cref="AsyncTestCase"/> or an <see cref="AsyncTheoryTestCase"/>.</summary>
internal interface IAsyncTestCase
{
    /// <summary>Gets the values set on the test's attribute (xunit's <c>Timeout</c> included), as <see cref="AsyncTestSettings.Serialize"/> writes them.</summary>
    string Settings { get; }

    /// <summary>Gets the attribute's name, for messages and the report's replay line.</summary>
    string AttributeName { get; }
}
