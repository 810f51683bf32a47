#!/usr/bin/env bash
# Regenerates ECommerce.sln from the project files in the tree: one solution builds everything.
set -euo pipefail
cd "$(dirname "$0")/.."

mapfile -t projects < <(git ls-files --cached --others --exclude-standard '*.csproj' | sort)
rm -f ECommerce.sln
dotnet new sln -n ECommerce --format sln >/dev/null
dotnet sln ECommerce.sln add "${projects[@]}" >/dev/null
echo "ECommerce.sln: ${#projects[@]} projects"
