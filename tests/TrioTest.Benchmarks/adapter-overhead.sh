#!/usr/bin/env bash
# The adapter-overhead benchmark of the frameworks that have no in-process runner to time (MSTest, xunit v3, TUnit; xunit
# v2 and NUnit too, for one table): for each framework, two generated projects of 1,000 tests (TRIOTEST_ADAPTER_TESTS) with the same trivial async
# body, one as that framework's plain async test and one as TrioTest's attribute, built once, then run through the
# framework's own runner alternately, 5 times. Prints "FRAMEWORK subject SECONDS" ([AsyncTest]) and
# "FRAMEWORK baseline SECONDS" (plain) per run; `TrioTest.Benchmarks report` turns them into ratios of medians.
# Usage: tests/TrioTest.Benchmarks/adapter-overhead.sh [runs] [frameworks...] > adapter-wall-times.txt
set -euo pipefail
cd "$(dirname "$0")/../.."
repo=$(pwd)
runs=${1:-5}
shift || true
frameworks=("${@:-xunit nunit mstest xunitv3 tunit}")
read -r -a frameworks <<< "${frameworks[*]}"
tests=${TRIOTEST_ADAPTER_TESTS:-1000}
work="${TMPDIR:-/tmp}/triotest-adapter-overhead"
rm -rf "$work"
mkdir -p "$work"

version() { sed -n "s/.*PackageVersion Include=\"$1\" Version=\"\([^\"]*\)\".*/\1/p" Directory.Packages.props | head -1; }
package() { echo "    <PackageReference Include=\"$1\" Version=\"$(version "$1")\" />"; }

# framework -> packages, adapter project, plain attribute, TrioTest attribute, class attribute, usings, extra properties
describe() {
    case "$1" in
        xunit) packages="$(package Microsoft.NET.Test.Sdk)$(package xunit)$(package xunit.runner.visualstudio)"
               adapter=Xunit; plain="[Fact]"; trio="[AsyncTest]"; class=""; usings="using Xunit; using TrioTest.Xunit;"; extra="" ;;
        nunit) packages="$(package Microsoft.NET.Test.Sdk)$(package NUnit)$(package NUnit3TestAdapter)"
               adapter=NUnit; plain="[Test]"; trio="[AsyncTest]"; class=""; usings="using NUnit.Framework; using TrioTest.NUnit;"; extra="" ;;
        mstest) packages="$(package Microsoft.NET.Test.Sdk)$(package MSTest.TestFramework)$(package MSTest.TestAdapter)"
               adapter=MSTest; plain="[TestMethod]"; trio="[AsyncTestMethod]"; class="[TestClass]"; usings="using Microsoft.VisualStudio.TestTools.UnitTesting; using TrioTest.MSTest;"; extra="" ;;
        xunitv3) packages="$(package Microsoft.NET.Test.Sdk)$(package xunit.v3.mtp-off)$(package xunit.runner.visualstudio)"
               adapter=Xunit.v3; plain="[Fact]"; trio="[AsyncTest]"; class=""; usings="using Xunit; using TrioTest.Xunit.v3;"; extra="<OutputType>Exe</OutputType>" ;;
        tunit) packages="$(package TUnit.Core)$(package TUnit.Engine)"
               adapter=TUnit; plain="[Test]"; trio="[Test, AsyncTest]"; class=""; usings="using TUnit.Core; using TrioTest.TUnit;"; extra="<OutputType>Exe</OutputType><IsTestProject>false</IsTestProject>" ;;
        *) echo "unknown framework $1 (xunit, nunit, mstest, xunitv3, tunit)" >&2; exit 2 ;;
    esac
}

generate() { # framework kind attribute
    local dir="$work/$1-$2"
    mkdir -p "$dir"
    cat > "$dir/$1-$2.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
    <IsPackable>false</IsPackable>
    <NoWarn>\$(NoWarn);CS8019;CS0105</NoWarn>
    $extra
  </PropertyGroup>
  <ItemGroup>
$packages
  </ItemGroup>
  <ItemGroup>
    <ProjectReference Include="$repo/src/$adapter/TrioTest.$adapter.csproj" />
  </ItemGroup>
</Project>
XML
    {
        echo "$usings"
        echo "namespace AdapterOverhead;"
        for c in $(seq 1 $((tests / 10))); do
            echo "$class public class Tests$c"
            echo "{"
            for m in $(seq 1 10); do
                echo "    $3 public async Task Test$m() => await Task.Yield();"
            done
            echo "}"
        done
    } > "$dir/Tests.cs"
}

timed() { # framework kind -> seconds
    local dir="$work/$1-$2" start end
    start=$(date +%s.%N)
    if [ "$1" = tunit ]; then
        dotnet "$dir/bin/Release/net10.0/$1-$2.dll" >/dev/null
    else
        dotnet test --no-build -c Release "$dir" -nologo -v q >/dev/null
    fi
    end=$(date +%s.%N)
    awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f\n", b - a }'
}

for framework in "${frameworks[@]}"; do
    describe "$framework"
    generate "$framework" trio "$trio"
    generate "$framework" plain "$plain"
    for kind in trio plain; do
        dotnet build -c Release "$work/$framework-$kind" -nologo -v q >&2
    done
    for _ in $(seq 1 "$runs"); do
        echo "$framework subject $(timed "$framework" trio)"
        echo "$framework baseline $(timed "$framework" plain)"
    done
done
