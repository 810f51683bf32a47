#!/usr/bin/env bash
# Regenerates ECommerce.sln (every project) and ECommerce.Offline.slnf (all but the Aspire AppHost,
# whose packages do not restore without full NuGet access) from the project files in the tree.
set -euo pipefail
cd "$(dirname "$0")/.."

mapfile -t projects < <(git ls-files --cached --others --exclude-standard '*.csproj' | sort)

# `dotnet sln add` loads each project, and Aspire.AppHost.Sdk does not resolve offline: while adding, the
# AppHost's project file stands in as a plain one (the solution records only its path and type).
apphost=AppHost/AppHost.csproj
if [ -f "$apphost" ]; then
  cp "$apphost" "$apphost.keep"
  trap 'mv -f "$apphost.keep" "$apphost"' EXIT
  echo '<Project Sdk="Microsoft.NET.Sdk" />' > "$apphost"
fi
rm -f ECommerce.sln
dotnet new sln -n ECommerce --format sln >/dev/null
dotnet sln ECommerce.sln add "${projects[@]}" >/dev/null

{
  printf '{\n  "solution": {\n    "path": "ECommerce.sln",\n    "projects": [\n'
  first=1
  for p in "${projects[@]}"; do
    case "$p" in AppHost/*) continue ;; esac
    [ $first -eq 1 ] || printf ',\n'
    printf '      "%s"' "$p"
    first=0
  done
  printf '\n    ]\n  }\n}\n'
} > ECommerce.Offline.slnf

# What ./run.sh builds: the apps and their libraries, no tests or benchmarks (a fresh clone comes up sooner).
{
  printf '{\n  "solution": {\n    "path": "ECommerce.sln",\n    "projects": [\n'
  first=1
  for p in "${projects[@]}"; do
    case "$p" in AppHost/*|tests/*|bench/*) continue ;; esac
    [ $first -eq 1 ] || printf ',\n'
    printf '      "%s"' "$p"
    first=0
  done
  printf '\n    ]\n  }\n}\n'
} > ECommerce.Run.slnf
echo "ECommerce.sln: ${#projects[@]} projects; ECommerce.Offline.slnf: all but AppHost; ECommerce.Run.slnf: the apps"
