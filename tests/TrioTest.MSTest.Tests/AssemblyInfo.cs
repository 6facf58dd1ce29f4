// The fixture runs share one process per class and one test sets nothing global, but keep MSTest's default: one at a time.
[assembly: DoNotParallelize]
