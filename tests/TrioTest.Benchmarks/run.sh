#!/usr/bin/env bash
# Runs a short configuration of every suite (a few minutes on 2 cores) and writes docs/benchmarks.md with the
# ratio tables and the machine they ran on. Usage: tests/TrioTest.Benchmarks/run.sh [extra BenchmarkDotNet args]
set -euo pipefail
cd "$(dirname "$0")/../.."
artifacts="${TMPDIR:-/tmp}/triotest-benchmarks"
rm -rf "$artifacts"
dotnet run -c Release --project tests/TrioTest.Benchmarks -- \
    --filter '*' --job short --artifacts "$artifacts" --exporters github "$@"

out=docs/benchmarks.md
{
    echo "# Benchmarks"
    echo
    echo "Produced by \`tests/TrioTest.Benchmarks/run.sh\` (BenchmarkDotNet short job) on $(date -u +%Y-%m-%d)."
    echo "Machine: $(nproc) cores, $(uname -m), $(dotnet --version) SDK. Shared and noisy: read the ratios, not the times."
    echo
    for report in "$artifacts"/results/*-report-github.md; do
        echo "## $(basename "$report" -report-github.md | sed 's/^TrioTest\.Benchmarks\.//')"
        echo
        sed -n '/^|/,$p' "$report"
        echo
    done
} > "$out"
echo "wrote $out"
