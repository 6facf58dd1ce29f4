#!/usr/bin/env bash
# Brings each package's PublicAPI.Unshipped.txt in line with its code: builds the packages with RS0016/RS0017 as
# warnings, adds the line of every public member the files lack (RS0016) and removes the lines of members that are gone
# (RS0017), then sorts the file. The lines are the analyzer's own (its messages quote them), as its IDE code fix writes
# them. Review the diff: once shipped, every line is a promise to users.
set -euo pipefail
cd "$(dirname "$0")/.."

log=$(mktemp)
trap 'rm -f "$log"' EXIT
# Building the adapters (xunit v2 and v3, NUnit, MSTest, TUnit) and TrioTest.FluentAssertions builds Core and Testing too. --no-incremental: the analyzers run
# only when the compiler does.
for project in Xunit NUnit FluentAssertions MSTest Xunit.v3 TUnit; do
    [ -d "src/$project" ] || continue
    dotnet build "src/$project/TrioTest.$project.csproj" -c Release --no-incremental -nologo -v q \
        -p:TreatWarningsAsErrors=false >>"$log" 2>&1 || { cat "$log" >&2; exit 1; }
done

python3 - "$log" <<'PY'
import collections, os, re, sys

added = collections.defaultdict(set)
removed = collections.defaultdict(set)
pattern = re.compile(r"(RS0016|RS0017): Symbol '(.*)' is (?:not part of the declared public API|part of the declared API, but is either not public or could not be found).*\[(.*\.csproj)\]")
for line in open(sys.argv[1], encoding="utf-8"):
    match = pattern.search(line)
    if match:
        rule, symbol, project = match.groups()
        (added if rule == "RS0016" else removed)[os.path.dirname(project)].add(symbol)

for directory in sorted(set(added) | set(removed)):
    path = os.path.join(directory, "PublicAPI.Unshipped.txt")
    lines = {l.rstrip("\n") for l in open(path, encoding="utf-8")} - {"#nullable enable", ""}
    lines = (lines | added[directory]) - removed[directory]
    with open(path, "w", encoding="utf-8", newline="\n") as out:
        out.write("#nullable enable\n")
        out.writelines(l + "\n" for l in sorted(lines, key=str.casefold))
    print(f"{os.path.relpath(path)}: +{len(added[directory])} -{len(removed[directory])}, {len(lines)} lines")
PY
