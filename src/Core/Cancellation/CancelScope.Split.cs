using System.Collections.ObjectModel;

namespace TrioTest;

/// <summary>What a scope catches when its body leaves with an error: its own cancellations, alone or out of a nursery's group.</summary>
public sealed partial class CancelScope
{
    /// <summary>
    /// Takes this scope's own cancellations out of <paramref name="error"/>, as Trio's cancel scope splits them out of an
    /// exception group: a <see cref="Cancelled"/> that this scope absorbs is removed, a .NET cancellation for this scope's
    /// token that an outer scope must catch becomes <see cref="Cancelled"/>, and a <see cref="NurseryException"/> is split
    /// member by member (nested groups too), so an outer scope's cancellations stay in the group for that scope to catch.
    /// </summary>
    /// <param name="error">The error leaving the scope's body.</param>
    /// <param name="caught">Set to <see langword="true"/> if anything was absorbed; never reset.</param>
    /// <returns>What must propagate: <see langword="null"/> if all of it was this scope's, <paramref name="error"/> itself if none was, else the rest.</returns>
    internal Exception? Split(Exception error, ref bool caught)
    {
        switch (error)
        {
            case OperationCanceledException canceled:
                switch (Classify(canceled))
                {
                    case Catch.Absorb:
                        caught = true;
                        return null;
                    case Catch.AsCancelled:
                        return new Cancelled(GetEffectiveReason(), canceled.CancellationToken, canceled);
                    default:
                        return error;
                }

            case NurseryException group:
                return SplitGroup(group, ref caught);
            default:
                return error;
        }
    }

    /// <summary>Splits each member of <paramref name="group"/>; the group is kept as it is when no member changed.</summary>
    private Exception? SplitGroup(NurseryException group, ref bool caught)
    {
        ReadOnlyCollection<Exception> members = group.InnerExceptions;
        List<Exception>? rest = null;
        for (int i = 0; i < members.Count; i++)
        {
            Exception? kept = Split(members[i], ref caught);
            if (rest is null && !ReferenceEquals(kept, members[i]))
            {
                rest = new List<Exception>(members.Count);
                for (int j = 0; j < i; j++)
                {
                    rest.Add(members[j]);
                }
            }

            if (rest is not null && kept is not null)
            {
                rest.Add(kept);
            }
        }

        return rest is null ? group : NurseryException.Of(rest);
    }
}
