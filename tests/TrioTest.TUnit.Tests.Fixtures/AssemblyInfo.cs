// These fixtures fail on purpose: their seeds must not land in a regression file in the repository.
[assembly: AsyncTestDefaults(RecordRegressions = false)]
