// These fixtures fail on purpose: their seeds must not land in a regression file in the repository.
[assembly: AsyncTestDefaults(RecordRegressions = false)]

// One test at a time, as MSTest runs by default: the order of the output lines is the order of the code.
[assembly: DoNotParallelize]
