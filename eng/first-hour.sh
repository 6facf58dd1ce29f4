#!/usr/bin/env bash
# A new user's first hour, end to end, on the packages as they are packed from this checkout:
#   1. packs every package into a temporary folder feed, with a build-unique version (0.1.0-local.<time>), so the NuGet
#      cache never answers with an older pack of the same version;
#   2. installs TrioTest.Templates from that feed (into a private template hive) and creates a project from each
#      template, triotest-xunit and triotest-nunit;
#   3. creates projects with the SDK's own `dotnet new xunit` and `dotnet new nunit` (their pins, NUnit 4.3.2 on the .NET
#      10 SDK) and adds TrioTest.Xunit / TrioTest.NUnit with `dotnet add package`;
#   4. pastes the README's quick start ("In 30 seconds", xunit or NUnit) into each and runs `dotnet test`;
#   5. checks that one body under one seed gives the same trace hash in the plain xunit and NUnit projects.
# Prints one line per project and "first-hour: N passed, N failed"; exits non-zero if any step fails.
# The feed's NuGet config adds the folder to the sources the machine already has (no <clear/>), so everything else
# restores from the default source. TRIOTEST_FIRST_HOUR_RESULTS=<dir> writes each project's TRX there (.ci/run counts
# them); TRIOTEST_FIRST_HOUR_KEEP=1 keeps the temporary folder.
set -euo pipefail

cd "$(dirname "$0")/.."
repo=$PWD

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

work=$(mktemp -d "${TMPDIR:-/tmp}/triotest-first-hour.XXXXXX")
feed=$work/feed
hive=$work/template-hive
projects=$work/projects
results=${TRIOTEST_FIRST_HOUR_RESULTS:-$work/results}
suffix=local.$(date -u +%Y%m%d%H%M%S)
version=

cleanup() {
    # The packs of this run in the global packages folder are never needed again: remove them.
    if [ -n "$version" ]; then
        packages=$(dotnet nuget locals global-packages --list | sed 's/^[^:]*: *//')
        rm -rf "$packages"/triotest.*/"$version"
    fi
    if [ "${TRIOTEST_FIRST_HOUR_KEEP:-}" = 1 ]; then
        echo "first-hour: kept $work"
    else
        rm -rf "$work"
    fi
}
trap cleanup EXIT

step() { echo "first-hour: $*"; }
fail() { echo "first-hour: error: $*" >&2; exit 1; }

started=$SECONDS
step "packing into $feed (version suffix $suffix)"
# --artifacts-path keeps the pack's build out of the checkout's bin/ and obj/; ContinuousIntegrationBuild maps PDB paths.
dotnet pack eng/packages.slnf -c Release -o "$feed" --artifacts-path "$work/artifacts" \
    -p:VersionSuffix="$suffix" -p:ContinuousIntegrationBuild=true -nologo -v q \
    || fail "dotnet pack failed"

core=$(cd "$feed" && ls TrioTest.Core.*.nupkg | grep -v snupkg)
version=${core#TrioTest.Core.}
version=${version%.nupkg}
for package in Core Testing FluentAssertions Xunit NUnit Analyzers Rewriting Templates; do
    [ -f "$feed/TrioTest.$package.$version.nupkg" ] || fail "TrioTest.$package.$version.nupkg is missing from the feed"
done
step "packed $version in $(( SECONDS - started )) s"

mkdir -p "$projects" "$results"
cat > "$work/nuget.config" <<CONFIG
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <add key="triotest-first-hour" value="$feed" />
  </packageSources>
</configuration>
CONFIG

# The README's quick starts: the csharp block after each <!-- quickstart:... --> marker.
quick_start() {
    awk -v marker="<!-- quickstart:$1" '
        index($0, marker) == 1 { found = 1; next }
        found && /^```csharp/ { inside = 1; next }
        inside && /^```/ { exit }
        inside { print }' "$repo/README.md"
}
quick_start xunit > "$work/QuickStart.xunit.cs"
quick_start nunit > "$work/QuickStart.nunit.cs"
[ -s "$work/QuickStart.xunit.cs" ] && [ -s "$work/QuickStart.nunit.cs" ] || fail "no quick start found in README.md"

dotnet new install "TrioTest.Templates::$version" --add-source "$feed" --debug:custom-hive "$hive" >/dev/null \
    || fail "dotnet new install TrioTest.Templates::$version failed"

passed=0
failed=0
# run_project NAME: restores, builds and tests $projects/NAME, its TRX into $results.
run_project() {
    local name=$1 began=$SECONDS
    if dotnet test "$projects/$name" -c Release -nologo -v q \
        --logger "trx;LogFileName=first-hour-$name.trx" --results-directory "$results" >"$work/$name.log" 2>&1; then
        passed=$((passed + 1))
        step "$name passed ($(( SECONDS - began )) s)"
    else
        failed=$((failed + 1))
        step "$name FAILED ($(( SECONDS - began )) s); its output:"
        tail -n 40 "$work/$name.log" | sed 's/^/    /'
    fi
}

# new_project NAME QUICKSTART dotnet-new-arguments...: a project, the quick start pasted beside its own test file.
new_project() {
    local name=$1 quick=$2
    shift 2
    dotnet new "$@" -o "$projects/$name" -n "$name" --debug:custom-hive "$hive" >/dev/null \
        || fail "dotnet new $* failed"
    cp "$work/QuickStart.$quick.cs" "$projects/$name/QuickStart.cs"
}

# The same body, with the same seed, in an xunit project and an NUnit project: each writes its trace hash, which must agree
# (the canonical trace names source files without lines, so the two files' different layouts do not matter).
seed_hash_body='
    public static string HashOfSeed42()
    {
        TrioTestResult result = TrioTestRunner.Run(async () =>
        {
            int balance = 0;
            await Nursery.RunAsync(nursery =>
            {
                nursery.StartSoon(async () => { int read = balance; await Trio.CheckpointAsync("read"); balance = read + 1; }, "a");
                nursery.StartSoon(async () => { int read = balance; await Trio.CheckpointAsync("read"); balance = read + 1; }, "b");
                return Task.CompletedTask;
            });
        }, new TrioTestOptions { Seed = 42 });
        string hash = result.Trace.Hash;
        if (Environment.GetEnvironmentVariable("TRIOTEST_HASH_OUT") is { Length: > 0 } folder)
        {
            File.WriteAllText(Path.Combine(folder, typeof(SeedHash).Assembly.GetName().Name + ".txt"), hash);
        }

        return hash;
    }'
seed_hash() {
    cat <<CS
using TrioTest;
using TrioTest.Testing;
$1

public class SeedHash
{
$seed_hash_body

    [$2]
    public void Trace_hash_of_seed_42_is_written() => Assert$3(HashOfSeed42().Length == 64);
}
CS
}
hashes=$work/hashes
mkdir -p "$hashes"
export TRIOTEST_HASH_OUT=$hashes

new_project TemplateXunit xunit triotest-xunit
new_project TemplateNUnit nunit triotest-nunit
new_project PlainXunit xunit xunit
new_project PlainNUnit nunit nunit
(cd "$projects/PlainXunit" && dotnet add package TrioTest.Xunit --version "$version" >"$work/add-xunit.log" 2>&1 \
    && dotnet add package TrioTest.FluentAssertions --version "$version" >>"$work/add-xunit.log" 2>&1) \
    || { cat "$work/add-xunit.log" >&2; fail "dotnet add package TrioTest.Xunit to a plain xunit project failed"; }
(cd "$projects/PlainNUnit" && dotnet add package TrioTest.NUnit --version "$version" >"$work/add-nunit.log" 2>&1) \
    || { cat "$work/add-nunit.log" >&2; fail "dotnet add package TrioTest.NUnit to a plain NUnit project failed"; }
step "NUnit in the plain NUnit project: $(grep -o 'Include="NUnit" Version="[^"]*"' "$projects/PlainNUnit/PlainNUnit.csproj")"

seed_hash "using Xunit;" Fact ".True" > "$projects/PlainXunit/SeedHash.cs"
seed_hash "using NUnit.Framework;" Test ".That" > "$projects/PlainNUnit/SeedHash.cs"

for name in TemplateXunit TemplateNUnit PlainXunit PlainNUnit; do
    run_project "$name"
done

xunit_hash=$(cat "$hashes/PlainXunit.txt" 2>/dev/null || true)
nunit_hash=$(cat "$hashes/PlainNUnit.txt" 2>/dev/null || true)
if [ -n "$xunit_hash" ] && [ "$xunit_hash" = "$nunit_hash" ]; then
    step "seed 0x2A: trace hash ${xunit_hash:0:16} in the xunit project and the NUnit project"
else
    failed=$((failed + 1))
    step "seed 0x2A gave different trace hashes: xunit '${xunit_hash:0:16}', NUnit '${nunit_hash:0:16}'"
fi

step "$passed passed, $failed failed in $(( SECONDS - started )) s"
[ "$failed" -eq 0 ]
