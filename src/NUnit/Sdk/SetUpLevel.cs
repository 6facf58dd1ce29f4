using System.Reflection;
using NUnit.Framework;
using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;

namespace TrioTest.NUnit.Sdk;

/// <summary>
/// The <c>[SetUp]</c> and <c>[TearDown]</c> methods one class of a fixture's hierarchy declares. NUnit runs the levels
/// from the base class down for set-up and back up for tear-down, and runs a level's tear-downs only when its set-ups
/// were started; TrioTest keeps that order, on the loop.
/// </summary>
/// <param name="SetUps">The level's set-up methods, in the order NUnit found them.</param>
/// <param name="TearDowns">The level's tear-down methods, in the order NUnit found them (they run in reverse).</param>
internal sealed record SetUpLevel(IReadOnlyList<MethodInfo> SetUps, IReadOnlyList<MethodInfo> TearDowns)
{
    /// <summary>Gets the levels of the fixture that holds <paramref name="test"/>, base class first, skipping classes that declare neither.</summary>
    /// <param name="test">The test.</param>
    /// <returns>The levels.</returns>
    public static IReadOnlyList<SetUpLevel> For(TestMethod test)
    {
        // A parameterized method's cases sit one level further down, under the method's suite.
        Test? fixture = test.Parent as TestFixture ?? test.Parent?.Parent as TestFixture;
        IMethodInfo[] setUps = fixture?.SetUpMethods ?? test.TypeInfo?.GetMethodsWithAttribute<SetUpAttribute>(inherit: true) ?? [];
        IMethodInfo[] tearDowns = fixture?.TearDownMethods ?? test.TypeInfo?.GetMethodsWithAttribute<TearDownAttribute>(inherit: true) ?? [];
        var levels = new List<SetUpLevel>();
        for (Type? type = test.TypeInfo?.Type; type is not null && type != typeof(object); type = type.BaseType)
        {
            // An override belongs to the class that declares it, so it runs once, at its own level.
            MethodInfo[] levelSetUps = [.. setUps.Select(static m => m.MethodInfo).Where(m => m.DeclaringType == type)];
            MethodInfo[] levelTearDowns = [.. tearDowns.Select(static m => m.MethodInfo).Where(m => m.DeclaringType == type)];
            if (levelSetUps.Length > 0 || levelTearDowns.Length > 0)
            {
                levels.Insert(0, new SetUpLevel(levelSetUps, levelTearDowns));
            }
        }

        return levels;
    }
}
