using FluentAssertions;

namespace TrioTest.Testing.Tests.Running;

/// <summary>
/// Work on other threads rejoins the schedule where the seed says, not when the thread finishes: a body with
/// <see cref="Trio.ToThreadAsync{T}(Func{CancellationToken, T}, string?, string, int)"/> beside a checkpointing task
/// replays byte for byte, however long each thread takes.
/// </summary>
public class ToThreadReplayTests
{
    [Fact]
    public void ToThreadBesideACheckpointingTask_ReplaysTheSameTrace_WhateverTheThreadsTake()
    {
        var hashes = new HashSet<string>();

        for (int run = 0; run < 100; run++)
        {
            int spin = run % 4;
            TrioTestResult result = TrioTestRunner.Run(() => Nursery.RunAsync(nursery =>
            {
                nursery.StartSoon(async () =>
                {
                    for (int i = 0; i < 3; i++)
                    {
                        // Real work of varying length: nothing here may show in the trace's order.
                        await Trio.ToThreadAsync(() => Thread.Sleep(spin), "blocking work");
                        await Trio.CheckpointAsync("after work");
                    }
                }, "worker");
                nursery.StartSoon(async () =>
                {
                    for (int i = 0; i < 30; i++)
                    {
                        await Trio.CheckpointAsync("tick");
                    }
                }, "ticker");
                return Task.CompletedTask;
            }), new TrioTestOptions { Seed = 9, GetEnvironmentVariable = _ => null });

            result.ThrowIfFailed();
            hashes.Add(result.Trace.Hash);
        }

        hashes.Should().ContainSingle("the schedule, not the threads' timing, decides where thread work rejoins");
    }
}
