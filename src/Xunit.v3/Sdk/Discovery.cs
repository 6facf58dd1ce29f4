using Xunit.Sdk;
using Xunit.v3;

namespace TrioTest.Xunit.v3.Sdk;

/// <summary>What both discoverers share: the method and settings check, and the settings a test case carries.</summary>
internal static class Discovery
{
    /// <summary>Returns a test case that fails with what to change when the method cannot run or a setting is out of range, else <see langword="null"/>.</summary>
    /// <param name="discoveryOptions">xunit's discovery options.</param>
    /// <param name="testMethod">The test method.</param>
    /// <param name="attribute">Its attribute.</param>
    /// <param name="attributeName">The attribute's name, for messages.</param>
    /// <returns>The failing test case, or <see langword="null"/>.</returns>
    public static IXunitTestCase? Check(ITestFrameworkDiscoveryOptions discoveryOptions, IXunitTestMethod testMethod, IFactAttribute attribute, string attributeName)
    {
        string? error = TestAdapterSupport.CheckMethod(testMethod.Method, attributeName, attribute is ITheoryAttribute, "[AsyncTheory] with [InlineData], [MemberData] or [ClassData] rows", "[Fact]");
        if (error is null)
        {
            try
            {
                TestAdapterSupport.CreateOptions(testMethod.Method, AsyncTestSettings.Deserialize(Settings(attribute)), attributeName, testMethod.MethodName);
            }
            catch (TrioTestConfigurationException e)
            {
                error = e.Message;
            }
        }

        if (error is null)
        {
            return null;
        }

        var details = TestIntrospectionHelper.GetTestCaseDetails(discoveryOptions, testMethod, attribute);
        return new ExecutionErrorTestCase(details.ResolvedTestMethod, details.TestCaseDisplayName, details.UniqueID, details.SourceFilePath, details.SourceLineNumber, error);
    }

    /// <summary>The values set on the attribute, with xunit's own <c>Timeout</c> as TrioTest's real-time watchdog, serialized for the test case.</summary>
    /// <param name="attribute">The test's attribute.</param>
    /// <returns>The serialized settings.</returns>
    public static string Settings(IFactAttribute attribute)
    {
        AsyncTestSettings settings = AsyncTestSettings.Deserialize(((AsyncTestAttribute)attribute).Settings.Serialize());
        if (attribute.Timeout != 0)
        {
            // The harness enforces it on the loop; left to xunit, it would run the test on a thread-pool task.
            settings.Timeout = attribute.Timeout;
        }

        return settings.Serialize();
    }
}
