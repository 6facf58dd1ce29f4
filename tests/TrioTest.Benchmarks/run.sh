#!/usr/bin/env bash
# Runs a short configuration of every suite (about ten minutes on 2 cores) and writes docs/benchmarks.md: the goals
# table computed from this run's exported JSON (met or not per goal), the same ratios measured interleaved in one process
# (and the timers goal taken apart), the ratio tables, the schedules-to-first-failure table of the bug corpus, and the
# machine they ran on. Nothing on the page is typed by hand.
# Usage: tests/TrioTest.Benchmarks/run.sh [extra BenchmarkDotNet args]
# TRIOTEST_WHOLE_PROCESS=0 skips the whole-process benchmark (whole-process.sh, a few minutes);
# TRIOTEST_ADAPTER_OVERHEAD=0 skips the adapter overhead of every framework (adapter-overhead.sh, several minutes).
set -euo pipefail
cd "$(dirname "$0")/../.."
artifacts="${TMPDIR:-/tmp}/triotest-benchmarks"
rm -rf "$artifacts"
# CoyoteBenchmarks' baseline runs on tests/TrioTest.Benchmarks.Coyote rewritten by Coyote's rewriter: with this variable, every
# build of that project (the one below and BenchmarkDotNet's own before it measures) restores the coyote tool pinned in
# .config/dotnet-tools.json and rewrites the assembly (tests/TrioTest.Benchmarks.Coyote/Coyote.targets).
export TRIOTEST_COYOTE_REWRITE=1
dotnet build -c Release tests/TrioTest.Benchmarks
# Stops here, not ten minutes later, if Coyote would not control the body: the assembly is not rewritten, or Coyote misses
# the deadlock of the bounded buffer's buggy twin.
dotnet run -c Release --no-build --project tests/TrioTest.Benchmarks -- coyote-check
dotnet run -c Release --no-build --project tests/TrioTest.Benchmarks -- \
    --filter '*' --job short --artifacts "$artifacts" --exporters github json "$@"
wall="$artifacts/whole-process.txt"
if [ "${TRIOTEST_WHOLE_PROCESS:-1}" != 0 ]; then
    tests/TrioTest.Benchmarks/whole-process.sh > "$wall"
fi
adapters="$artifacts/adapter-overhead.txt"
if [ "${TRIOTEST_ADAPTER_OVERHEAD:-1}" != 0 ]; then
    tests/TrioTest.Benchmarks/adapter-overhead.sh > "$adapters"
fi
goals="$artifacts/goals.md"
dotnet run -c Release --no-build --project tests/TrioTest.Benchmarks -- report "$artifacts/results" "$wall" "$adapters" > "$goals"
# The same ratios with subject and baseline taking turns in one process: steady where the machine's load changes.
interleaved="$artifacts/interleaved.md"
dotnet run -c Release --no-build --project tests/TrioTest.Benchmarks -- interleaved 11 300 > "$interleaved"
# The GC's share and the bytes per run of the bodies the goals measure: what the "why not met" column cites.
profiles="$artifacts/profiles.txt"
for body in checkpoint trace null-instrument spawn timers bare explore-no-trace explore buffer-bare buffer nunit-plain nunit; do
    dotnet run -c Release --no-build --project tests/TrioTest.Benchmarks -- profile "$body" 3
done > "$profiles"
corpus="$artifacts/corpus.md"
dotnet run -c Release --no-build --project tests/TrioTest.Benchmarks -- corpus > "$corpus"

out=docs/benchmarks.md
{
    echo "# Benchmarks"
    echo
    echo "Produced by \`tests/TrioTest.Benchmarks/run.sh\` (BenchmarkDotNet short job) on $(date -u +%Y-%m-%d)."
    echo "Machine: $(nproc) cores, $(uname -m), $(dotnet --version) SDK. Shared and noisy: read the ratios, not the times."
    echo
    cat "$goals"
    echo
    echo "## The goals' ratios, measured interleaved"
    echo
    echo "Produced by \`dotnet run -c Release --project tests/TrioTest.Benchmarks -- interleaved 11 300\`: in one process, each"
    echo "goal's subject and baseline take turns for 11 rounds, 300 ms each after a full collection (and a second's warm-up"
    echo "first), and each round gives one ratio. BenchmarkDotNet measures the two sides in processes minutes apart, so a change"
    echo "of load between them moves its ratio; here it moves both sides of a round alike. On a quiet machine two runs agreed"
    echo "within a few percent; under a heavy load that changes by the second, rows still move from run to run, and a row's"
    echo "quartiles show by how much within this one. The verdicts above are BenchmarkDotNet's; where the tables disagree and"
    echo "the quartiles are narrow, this one is the steadier."
    echo "The second table takes the timers goal apart the same way."
    echo
    cat "$interleaved"
    echo
    for report in "$artifacts"/results/*-report-github.md; do
        echo "## $(basename "$report" -report-github.md | sed 's/^TrioTest\.Benchmarks\.//')"
        echo
        sed -n '/^|/,$p' "$report"
        echo
    done
    echo "## Profiles"
    echo
    echo "Produced by \`dotnet run -c Release --project tests/TrioTest.Benchmarks -- profile BODY 3\` for each body: each body"
    echo "run in a loop for 3 s, with the bytes it allocates and the share of time the GC paused it. Run it under"
    echo "\`perf record\` (DOTNET_PerfMapEnabled=1) or \`dotnet-trace collect\` for the CPU profile the goals cite."
    echo
    echo '```'
    cat "$profiles"
    echo '```'
    echo
    echo "## Schedules to first failure (bug corpus, 100 base seeds, budget 1,000)"
    echo
    echo "Produced by \`dotnet run -c Release --project tests/TrioTest.Benchmarks -- corpus\`. A count, the same on every machine."
    echo
    cat "$corpus"
} > "$out"
echo "wrote $out"
