#!/usr/bin/env bash
# Measures what TrioTest's analyzers add to the build of samples/TrioTest.Samples.Xunit: N rebuilds of the project
# alone (its references already built) with the analyzers and N without (TrioTestAnalyzers=false), interleaved, and
# prints the medians and their ratio. Usage: eng/measure-analyzer-cost.sh [N=5] [Configuration=Release]
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5}"
configuration="${2:-Release}"
project=samples/TrioTest.Samples.Xunit/TrioTest.Samples.Xunit.csproj

dotnet build "$project" -c "$configuration" -nologo -v:q > /dev/null   # references, restore and a warm build server

time_build() {
    local start end
    start=$(date +%s.%N)
    dotnet build "$project" -c "$configuration" --no-incremental --no-restore -nologo -v:q -p:BuildProjectReferences=false "$@" > /dev/null
    end=$(date +%s.%N)
    echo "$end - $start" | bc
}

with=(); without=()
for _ in $(seq "$runs"); do
    with+=("$(time_build)")
    without+=("$(time_build -p:TrioTestAnalyzers=false)")
done

median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
m_with=$(median "${with[@]}")
m_without=$(median "${without[@]}")
echo "with analyzers:    ${with[*]} s (median $m_with s)"
echo "without analyzers: ${without[*]} s (median $m_without s)"
echo "ratio: $(echo "scale=3; $m_with / $m_without" | bc)"
