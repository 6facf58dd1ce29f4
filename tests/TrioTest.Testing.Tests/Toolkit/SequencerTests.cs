using FluentAssertions;

namespace TrioTest.Testing.Tests.Toolkit;

public sealed class SequencerTests
{
    [Theory]
    [InlineData(1UL)]
    [InlineData(2UL)]
    [InlineData(3UL)]
    [InlineData(4UL)]
    public void EnterAsync_BlocksStartedInAnyOrder_RunInPositionOrder(ulong seed)
    {
        var log = new List<string>();
        var sequencer = new Sequencer();

        VirtualRun.Run(() => Nursery.RunAsync(nursery =>
        {
            foreach (int position in new[] { 3, 1, 4, 0, 2 })
            {
                nursery.StartSoon(async () =>
                {
                    using (await sequencer.EnterAsync(position))
                    {
                        log.Add($"enter {position}");
                        await Trio.CheckpointAsync();
                        log.Add($"exit {position}");
                    }
                }, $"block {position}");
            }

            return Task.CompletedTask;
        }), seed, new RandomStrategy());

        log.Should().Equal(
            "enter 0", "exit 0", "enter 1", "exit 1", "enter 2", "exit 2", "enter 3", "exit 3", "enter 4", "exit 4");
    }

    [Fact]
    public void EnterAsync_PositionZero_EntersWithoutACheckpoint()
    {
        var sequencer = new Sequencer();

        Exception? error = VirtualRun.Run(() => Capture.ExceptionAsync(async () =>
        {
            using (Checkpoints.AssertNoCheckpoints())
            {
                using (await sequencer.EnterAsync(0))
                {
                }
            }
        }));

        error.Should().BeNull();
    }

    [Fact]
    public void EnterAsync_LaterPosition_IsACheckpointEvenWhenItsTurnHasCome()
    {
        var sequencer = new Sequencer();

        Exception? error = VirtualRun.Run(() => Capture.ExceptionAsync(async () =>
        {
            using (await sequencer.EnterAsync(0))
            {
            }

            using (Checkpoints.AssertCheckpoints())
            {
                using (await sequencer.EnterAsync(1))
                {
                }
            }
        }));

        error.Should().BeNull();
    }

    [Fact]
    public void EnterAsync_PreviousBlockThrew_NextBlockStillRuns()
    {
        var log = new List<string>();
        var sequencer = new Sequencer();

        VirtualRun.Run(() => Nursery.RunAsync(nursery =>
        {
            nursery.StartSoon(async () =>
            {
                using (await sequencer.EnterAsync(1))
                {
                    log.Add("second");
                }
            });
            nursery.StartSoon(async () =>
            {
                try
                {
                    await using (await sequencer.EnterAsync(0))
                    {
                        log.Add("first throws");
                        throw new InvalidTimeZoneException("boom");
                    }
                }
                catch (InvalidTimeZoneException)
                {
                    log.Add("first caught");
                }
            });
            return Task.CompletedTask;
        }));

        log.Should().Equal("first throws", "first caught", "second");
    }

    [Fact]
    public void EnterAsync_ReusedPosition_ThrowsInvalidOperationException()
    {
        var sequencer = new Sequencer();

        Exception? error = VirtualRun.Run(() => Capture.ExceptionAsync(async () =>
        {
            using (await sequencer.EnterAsync(0))
            {
            }

            using (await sequencer.EnterAsync(0))
            {
            }
        }));

        error.Should().BeOfType<InvalidOperationException>()
            .Which.Message.Should().StartWith("Attempted to reuse sequence point 0");
    }

    [Fact]
    public void EnterAsync_NegativePosition_ThrowsArgumentOutOfRangeException()
    {
        var sequencer = new Sequencer();

        Exception? error = Capture.Exception(() => sequencer.EnterAsync(-1));

        error.Should().BeOfType<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("position");
    }

    [Fact]
    public void EnterAsync_WaiterCancelled_ThrowsSequenceBrokenInsteadOfCancelled()
    {
        var sequencer = new Sequencer();
        var scope = new CancelScope();
        Exception? error = null;

        VirtualRun.Run(() => Nursery.RunAsync(async nursery =>
        {
            nursery.StartSoon(async () => error = await Capture.ExceptionAsync(() => scope.RunAsync(async () =>
            {
                using (await sequencer.EnterAsync(1))
                {
                }
            })), "waiter");
            await Trio.WaitAllTasksBlockedAsync();
            scope.Cancel();
        }));

        error.Should().BeOfType<InvalidOperationException>()
            .Which.Message.Should().StartWith("Sequencer wait cancelled -- sequence broken").And.Contain("position 1");
        scope.CancelledCaught.Should().BeFalse("the Cancelled was replaced, so the scope had nothing to absorb");
        sequencer.IsBroken.Should().BeTrue();
    }

    [Fact]
    public void EnterAsync_AfterAWaiterWasCancelled_OtherWaitersAndLaterCallersFail()
    {
        var sequencer = new Sequencer();
        var scope = new CancelScope();
        Exception? otherWaiter = null;
        Exception? laterCaller = null;
        Exception? reuse = null;

        VirtualRun.Run(() => Nursery.RunAsync(async nursery =>
        {
            nursery.StartSoon(() => Capture.ExceptionAsync(() => scope.RunAsync(async () =>
            {
                using (await sequencer.EnterAsync(1))
                {
                }
            })), "cancelled waiter");
            nursery.StartSoon(async () => otherWaiter = await Capture.ExceptionAsync(async () =>
            {
                using (await sequencer.EnterAsync(2))
                {
                }
            }), "other waiter");
            await Trio.WaitAllTasksBlockedAsync();
            scope.Cancel();
            await Trio.WaitAllTasksBlockedAsync();
            laterCaller = Capture.Exception(() => sequencer.EnterAsync(3));
            reuse = Capture.Exception(() => sequencer.EnterAsync(2));
        }));

        otherWaiter.Should().BeOfType<InvalidOperationException>()
            .Which.Message.Should().Be("Sequence broken: position 2 cannot run in order, because the block at position 1 was cancelled while it waited for its turn.");
        laterCaller.Should().BeOfType<InvalidOperationException>().Which.Message.Should().StartWith("Sequence broken: position 3");
        reuse.Should().BeOfType<InvalidOperationException>().Which.Message.Should().StartWith("Attempted to reuse sequence point 2");
    }

    [Fact]
    public void EnterAsync_BlockThatNeverGetsItsTurn_IsNamedInTheDeadlockReport()
    {
        var sequencer = new Sequencer();

        Exception? error = Capture.Exception(() => VirtualRun.Run(async () =>
        {
            using (await sequencer.EnterAsync(2))
            {
            }
        }));

        error.Should().BeOfType<DeadlockException>().Which.Message.Should().Contain("sequence point 2");
    }
}
