namespace TrioTest;

/// <summary>A primitive whose waiters wait for tasks that hold it (a lock's owner, a limiter's borrowers): the edges of the deadlock report's wait-for graph.</summary>
internal interface IHeldResource
{
    /// <summary>Gets the primitive's description, such as <c>Lock "accounts"</c>.</summary>
    string Description { get; }

    /// <summary>Gets the tasks holding the resource now, in the order they took it.</summary>
    IReadOnlyList<TrioTask> Holders { get; }
}
