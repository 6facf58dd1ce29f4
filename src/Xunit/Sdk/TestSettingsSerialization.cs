using Xunit.Abstractions;

namespace TrioTest.Xunit.Sdk;

/// <summary>Carries a test case's <see cref="TestSettings"/> through xunit's serialization of test cases (Test Explorer, runners in other processes).</summary>
internal static class TestSettingsSerialization
{
    /// <summary>Reads settings that <see cref="Serialize"/> wrote.</summary>
    public static TestSettings Deserialize(IXunitSerializationInfo data)
    {
        string seed = data.GetValue<string>("TrioSeed");
        return new TestSettings(
            seed.Length == 0 ? null : TrioTest.Testing.TrioSeed.Parse(seed, "the serialized test case's seed"),
            data.GetValue<int>("TrioIterations"),
            (ExplorationStrategy)data.GetValue<int>("TrioStrategy"),
            data.GetValue<int>("TrioPctDepth"),
            data.GetValue<double>("TrioAutojumpThreshold"),
            data.GetValue<double>("TrioVirtualTimeLimit"),
            data.GetValue<int>("TrioTimeout"),
            data.GetValue<bool>("TrioStrict"),
            data.GetValue<bool>("TrioRecordRegressions"),
            data.GetValue<int>("TrioBlockedLoopTimeout"),
            data.GetValue<long>("TrioStepLimit"),
            data.GetValue<int>("TrioTraceWindow"),
            data.GetValue<string>("TrioSchedule") is { Length: > 0 } schedule ? schedule : null,
            data.GetValue<bool>("TrioShrink"));
    }

    /// <summary>Writes the settings into a test case's serialization.</summary>
    public static void Serialize(TestSettings settings, IXunitSerializationInfo data)
    {
        data.AddValue("TrioSeed", settings.Seed is { } seed ? TrioTest.Testing.TrioSeed.Format(seed) : string.Empty);
        data.AddValue("TrioIterations", settings.Iterations);
        data.AddValue("TrioStrategy", (int)settings.Strategy);
        data.AddValue("TrioPctDepth", settings.PctDepth);
        data.AddValue("TrioAutojumpThreshold", settings.AutojumpThreshold);
        data.AddValue("TrioVirtualTimeLimit", settings.VirtualTimeLimit);
        data.AddValue("TrioTimeout", settings.Timeout);
        data.AddValue("TrioStrict", settings.Strict);
        data.AddValue("TrioRecordRegressions", settings.RecordRegressions);
        data.AddValue("TrioBlockedLoopTimeout", settings.BlockedLoopTimeout);
        data.AddValue("TrioStepLimit", settings.StepLimit);
        data.AddValue("TrioTraceWindow", settings.TraceWindow);
        data.AddValue("TrioSchedule", settings.Schedule ?? string.Empty);
        data.AddValue("TrioShrink", settings.Shrink);
    }
}
