#!/usr/bin/env bash
# The .NET 10 SDK is the one thing the scripts cannot install from Debian's packages.
set -euo pipefail
if ! command -v dotnet >/dev/null 2>&1; then
  echo "The .NET 10 SDK is required: https://dotnet.microsoft.com/download/dotnet/10.0" >&2
  exit 1
fi
major=$(dotnet --version | cut -d. -f1)
if [ "$major" -lt 10 ]; then
  echo "The .NET 10 SDK is required (found $(dotnet --version))." >&2
  exit 1
fi
