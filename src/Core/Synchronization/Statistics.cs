namespace TrioTest;

/// <summary>Statistics of a <see cref="ParkingLot"/>.</summary>
/// <param name="TasksWaiting">How many tasks are parked.</param>
public readonly record struct ParkingLotStatistics(int TasksWaiting);

/// <summary>Statistics of an <see cref="Event"/>.</summary>
/// <param name="IsSet">Whether the event is set.</param>
/// <param name="TasksWaiting">How many tasks wait for it.</param>
public readonly record struct EventStatistics(bool IsSet, int TasksWaiting);

/// <summary>Statistics of a <see cref="Lock"/>.</summary>
/// <param name="Locked">Whether the lock is held.</param>
/// <param name="Owner">The task holding it, if any.</param>
/// <param name="TasksWaiting">How many tasks wait for it.</param>
public readonly record struct LockStatistics(bool Locked, TrioTask? Owner, int TasksWaiting);

/// <summary>Statistics of a <see cref="Semaphore"/>.</summary>
/// <param name="Value">The current value.</param>
/// <param name="MaxValue">The maximum value, if any.</param>
/// <param name="TasksWaiting">How many tasks wait to acquire it.</param>
public readonly record struct SemaphoreStatistics(int Value, int? MaxValue, int TasksWaiting);

/// <summary>Statistics of a <see cref="Condition"/>.</summary>
/// <param name="TasksWaiting">How many tasks wait to be notified.</param>
/// <param name="Lock">The statistics of the condition's lock.</param>
public readonly record struct ConditionStatistics(int TasksWaiting, LockStatistics Lock);

/// <summary>Statistics of a <see cref="CapacityLimiter"/>.</summary>
/// <param name="BorrowedTokens">How many tokens are held.</param>
/// <param name="TotalTokens">How many tokens there are.</param>
/// <param name="Borrowers">Who holds them, in the order they took them.</param>
/// <param name="TasksWaiting">How many borrowers wait for a token.</param>
public readonly record struct CapacityLimiterStatistics(int BorrowedTokens, int TotalTokens, IReadOnlyList<object> Borrowers, int TasksWaiting);
