using FluentAssertions;

namespace TrioTest.Testing.Tests.Toolkit;

public sealed class CheckpointsTests
{
    [Theory]
    [InlineData("checkpoint", true)]
    [InlineData("if-cancelled then shielded", true)]
    [InlineData("shielded then if-cancelled", true)]
    [InlineData("if-cancelled", false)]
    [InlineData("shielded", false)]
    [InlineData("nothing", false)]
    public void AssertCheckpoints_Block_PassesOnlyWhenBothCountersMoved(string block, bool passes)
    {
        Exception? error = VirtualRun.Run(() => Capture.ExceptionAsync(async () =>
        {
            using (Checkpoints.AssertCheckpoints())
            {
                await RunBlockAsync(block);
            }
        }));

        if (passes)
        {
            error.Should().BeNull();
        }
        else
        {
            error.Should().BeOfType<CheckpointAssertionException>();
        }
    }

    [Theory]
    [InlineData("nothing", true)]
    [InlineData("if-cancelled", false)]
    [InlineData("shielded", false)]
    [InlineData("checkpoint", false)]
    public void AssertNoCheckpoints_Block_PassesOnlyWhenNeitherCounterMoved(string block, bool passes)
    {
        Exception? error = VirtualRun.Run(() => Capture.ExceptionAsync(async () =>
        {
            using (Checkpoints.AssertNoCheckpoints())
            {
                await RunBlockAsync(block);
            }
        }));

        if (passes)
        {
            error.Should().BeNull();
        }
        else
        {
            error.Should().BeOfType<CheckpointAssertionException>();
        }
    }

    [Fact]
    public void AssertCheckpoints_BlockDidNotYield_MessageGivesBothCounters()
    {
        Exception? error = VirtualRun.Run(() => Capture.ExceptionAsync(async () =>
        {
            using (Checkpoints.AssertCheckpoints())
            {
                await Trio.CancelShieldedCheckpointAsync();
            }
        }));

        error!.Message.Should().Be("AssertCheckpoints: the block did not yield (schedule points 1, cancel points 0); a checkpoint needs both.");
    }

    [Fact]
    public void AssertNoCheckpoints_BlockYielded_MessageGivesBothCounters()
    {
        Exception? error = VirtualRun.Run(() => Capture.ExceptionAsync(async () =>
        {
            using (Checkpoints.AssertNoCheckpoints())
            {
                await Trio.CheckpointAsync();
                await Trio.CheckpointAsync();
            }
        }));

        error!.Message.Should().Be("AssertNoCheckpoints: the block yielded (schedule points 2, cancel points 2); it must pass neither.");
    }

    [Fact]
    public void AssertNoCheckpoints_BlockThrowsAfterACheckpoint_StillChecks()
    {
        Exception? error = VirtualRun.Run(() => Capture.ExceptionAsync(async () =>
        {
            using (Checkpoints.AssertNoCheckpoints())
            {
                await Trio.CheckpointAsync();
                throw new InvalidTimeZoneException("the block's own error");
            }
        }));

        error.Should().BeOfType<CheckpointAssertionException>();
    }

    [Fact]
    public void AssertCheckpoints_UsingBlockThrowsBeforeYielding_ChecksOnDisposeAnyway()
    {
        Exception? error = VirtualRun.Run(() => Capture.ExceptionAsync(() =>
        {
            using (Checkpoints.AssertCheckpoints())
            {
                throw new InvalidTimeZoneException("the block's own error");
            }
        }));

        error.Should().BeOfType<CheckpointAssertionException>("a using block cannot see that its body threw; the lambda form can");
    }

    [Fact]
    public void AssertCheckpointsAsync_BodyThrowsBeforeYielding_PropagatesTheBodyExceptionUnchecked()
    {
        Exception? error = VirtualRun.Run(() => Capture.ExceptionAsync(() =>
            Checkpoints.AssertCheckpointsAsync(() => throw new InvalidTimeZoneException("the block's own error"))));

        error.Should().BeOfType<InvalidTimeZoneException>().Which.Message.Should().Be("the block's own error");
    }

    [Fact]
    public void AssertCheckpointsAsync_BodyCompletesWithoutYielding_Throws()
    {
        Exception? error = VirtualRun.Run(() => Capture.ExceptionAsync(() =>
            Checkpoints.AssertCheckpointsAsync(() => Trio.CheckpointIfCancelledAsync().AsTask())));

        error.Should().BeOfType<CheckpointAssertionException>()
            .Which.Message.Should().Contain("schedule points 0, cancel points 1");
    }

    [Fact]
    public void AssertCheckpointsAsync_BodyYields_ReturnsItsResult()
    {
        int result = VirtualRun.Run(() => Checkpoints.AssertCheckpointsAsync(async () =>
        {
            await Trio.SleepAsync(TimeSpan.FromSeconds(1));
            return 42;
        }));

        result.Should().Be(42);
    }

    [Fact]
    public void AssertCheckpoints_EmptyNursery_FailsBothAssertions()
    {
        (Exception? checkpoints, Exception? noCheckpoints) = VirtualRun.Run(async () =>
        {
            Exception? first = await Capture.ExceptionAsync(async () =>
            {
                using (Checkpoints.AssertCheckpoints())
                {
                    await Nursery.RunAsync(_ => Task.CompletedTask);
                }
            });
            Exception? second = await Capture.ExceptionAsync(async () =>
            {
                using (Checkpoints.AssertNoCheckpoints())
                {
                    await Nursery.RunAsync(_ => Task.CompletedTask);
                }
            });
            return (first, second);
        });

        checkpoints.Should().BeOfType<CheckpointAssertionException>("leaving a nursery is a schedule point only");
        noCheckpoints.Should().BeOfType<CheckpointAssertionException>("leaving a nursery is still a schedule point");
    }

    [Fact]
    public void AssertCheckpoints_OutsideARun_ThrowsInvalidOperationException()
    {
        Exception? error = Capture.Exception(() => Checkpoints.AssertCheckpoints());

        error.Should().BeOfType<InvalidOperationException>().Which.Message.Should().Contain("inside Trio.Run");
    }

    [Fact]
    public void AssertCheckpoints_DisposedTwice_ChecksOnce()
    {
        Exception? error = VirtualRun.Run(() => Capture.ExceptionAsync(async () =>
        {
            CheckpointAssertionScope scope = Checkpoints.AssertNoCheckpoints();
            scope.Dispose();
            await Trio.CheckpointAsync();
            scope.Dispose();
        }));

        error.Should().BeNull();
    }

    private static async Task RunBlockAsync(string block)
    {
        switch (block)
        {
            case "checkpoint":
                await Trio.CheckpointAsync();
                break;
            case "if-cancelled then shielded":
                await Trio.CheckpointIfCancelledAsync();
                await Trio.CancelShieldedCheckpointAsync();
                break;
            case "shielded then if-cancelled":
                await Trio.CancelShieldedCheckpointAsync();
                await Trio.CheckpointIfCancelledAsync();
                break;
            case "if-cancelled":
                await Trio.CheckpointIfCancelledAsync();
                break;
            case "shielded":
                await Trio.CancelShieldedCheckpointAsync();
                break;
            case "nothing":
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(block), block, "unknown block");
        }
    }
}
