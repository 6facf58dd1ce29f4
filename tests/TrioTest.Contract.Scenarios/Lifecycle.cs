namespace TrioTest.Contract;

/// <summary>
/// Checks that a fixture's set-up, body and tear-down all run on TrioTest's loop: each framework's set-up method calls
/// <see cref="SetUp"/>, the body <see cref="CheckBodyAsync"/>, the tear-down <see cref="TearDown"/>. Any stage off the loop
/// (or on another thread than the others) fails the test with a message that names the stage.
/// </summary>
public sealed class Lifecycle
{
    /// <summary>The loop thread set-up ran on, once it ran.</summary>
    private int? _setUpThread;

    /// <summary>Records set-up; call it from the framework's set-up method.</summary>
    /// <exception cref="ContractViolationException">Set-up runs off the loop.</exception>
    public void SetUp()
    {
        Require("set-up");
        _setUpThread = Environment.CurrentManagedThreadId;
    }

    /// <summary>Checks, in the body, that set-up ran on this loop, and that virtual time works there.</summary>
    /// <returns>A task that completes after a virtual minute.</returns>
    /// <exception cref="ContractViolationException">Set-up did not run, or ran on another thread.</exception>
    public async Task CheckBodyAsync()
    {
        Require("the body");
        if (_setUpThread != Environment.CurrentManagedThreadId)
        {
            throw new ContractViolationException(_setUpThread is null ? "set-up did not run before the body" : "set-up ran on another thread than the body");
        }

        await Trio.SleepAsync(TimeSpan.FromMinutes(1));
    }

    /// <summary>Checks tear-down; call it from the framework's tear-down method.</summary>
    /// <exception cref="ContractViolationException">Tear-down runs off the loop, or on another thread than set-up.</exception>
    public void TearDown()
    {
        Require("tear-down");
        if (_setUpThread != Environment.CurrentManagedThreadId)
        {
            throw new ContractViolationException("tear-down ran on another thread than set-up");
        }
    }

    /// <summary>Fails unless the caller runs inside a TrioTest run.</summary>
    private static void Require(string stage)
    {
        if (!Trio.IsInRun)
        {
            throw new ContractViolationException($"{stage} ran off TrioTest's loop");
        }
    }
}
