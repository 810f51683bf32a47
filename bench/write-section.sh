#!/usr/bin/env bash
# Replaces (or appends) one benchmark's section in docs/benchmarks.md with standard input.
#   bench/write-section.sh <name> < section.md
set -euo pipefail
cd "$(dirname "$0")/.."
name=$1; file=docs/benchmarks.md
[ -f "$file" ] || printf '# Benchmarks\n\nWritten by the commands under `bench/`; each section says how it was measured.\n' >"$file"
section=$(cat)
python3 - "$file" "$name" "$section" <<'PY'
import re, sys
path, name, section = sys.argv[1:]
text = open(path).read()
start, end = f"<!-- {name}:start -->", f"<!-- {name}:end -->"
block = f"{start}\n{section.strip()}\n{end}"
if start in text:
    text = re.sub(re.escape(start) + r".*?" + re.escape(end), lambda _: block, text, flags=re.S)
else:
    text = text.rstrip() + "\n\n" + block + "\n"
open(path, "w").write(text)
PY
echo "docs/benchmarks.md: section '$name' written"
