#!/usr/bin/env bash
# The whole-process benchmark: what a user waits for. Generates two xunit projects of 1,000 tests each with the same
# trivial async body, one as TrioTest [AsyncTest]s and one as plain [Fact]s, builds both once, then times
# `dotnet test --no-build` of each, alternating, 5 times. Prints one line per run, "subject SECONDS" ([AsyncTest]) or
# "baseline SECONDS" ([Fact]); `TrioTest.Benchmarks report` turns them into the ratio of medians on the goals page.
# Usage: tests/TrioTest.Benchmarks/whole-process.sh [runs] > wall-times.txt
set -euo pipefail
cd "$(dirname "$0")/../.."
repo=$(pwd)
runs=${1:-5}
tests=1000
work="${TMPDIR:-/tmp}/triotest-whole-process"
rm -rf "$work"
mkdir -p "$work"

version() { sed -n "s/.*PackageVersion Include=\"$1\" Version=\"\([^\"]*\)\".*/\1/p" Directory.Packages.props; }

generate() { # name attribute using
    local dir="$work/$1"
    mkdir -p "$dir"
    cat > "$dir/$1.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
    <IsPackable>false</IsPackable>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="Microsoft.NET.Test.Sdk" Version="$(version Microsoft.NET.Test.Sdk)" />
    <PackageReference Include="xunit" Version="$(version xunit)" />
    <PackageReference Include="xunit.runner.visualstudio" Version="$(version xunit.runner.visualstudio)" />
  </ItemGroup>
  <ItemGroup>
    <ProjectReference Include="$repo/src/Xunit/TrioTest.Xunit.csproj" />
  </ItemGroup>
</Project>
XML
    {
        echo "$3"
        echo "namespace WholeProcess;"
        for class in $(seq 1 $((tests / 10))); do
            echo "public class Tests$class"
            echo "{"
            for method in $(seq 1 10); do
                echo "    [$2] public async Task Test$method() => await Task.Yield();"
            done
            echo "}"
        done
    } > "$dir/Tests.cs"
}

generate AsyncTests AsyncTest "using TrioTest.Xunit;"
generate Facts Fact "using Xunit;"
# Building is not what the ratio measures: both are built once, quietly, before any timing.
for project in AsyncTests Facts; do
    dotnet build -c Release "$work/$project" -nologo -v q >&2
done

timed() { # project -> seconds
    local start end
    start=$(date +%s.%N)
    dotnet test --no-build -c Release "$work/$1" -nologo -v q >&2
    end=$(date +%s.%N)
    echo "$end - $start" | bc
}

for _ in $(seq 1 "$runs"); do
    echo "subject $(timed AsyncTests)"
    echo "baseline $(timed Facts)"
done
