#!/usr/bin/env bash
# Measures `digest archive` on a year of issues: copies the sample publication into a temporary
# folder with twelve month folders (2025-01 … 2025-12, each a copy of content/2025-06 with its own
# number and date), then times a cold run (empty archive folder) and an up-to-date run.
# Usage: bench/archive-12.sh [JOBS]   (default: the number of cores). Leaves nothing behind.
set -euo pipefail
home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jobs="${1:-$(nproc)}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

pub="$work/publication"
mkdir -p "$pub"
for entry in "$home"/content/*; do
  name="$(basename "$entry")"
  [[ "$name" =~ ^[0-9]{4}-[0-9]{2}$ ]] || cp -r "$entry" "$pub/"
done
for month in 01 02 03 04 05 06 07 08 09 10 11 12; do
  cp -r "$home/content/2025-06" "$pub/2025-$month"
  sed -i -e "s/^number: .*/number: $((10#$month))/" -e "s/^date: .*/date: \"2025-$month\"/" "$pub/2025-$month/issue.yaml"
done

"$home/digest" --version >/dev/null   # builds the jar first if needed, outside the timing

run() {
  local start end
  start=$(date +%s.%N)
  "$home/digest" archive "$pub" -o "$work/archive" --jobs "$jobs" > "$work/log" 2>&1 || { cat "$work/log"; exit 1; }
  end=$(date +%s.%N)
  printf '%s: %.1f s wall (%s)\n' "$1" "$(echo "$end - $start" | bc)" "$(tail -1 "$work/log")"
}
echo "12 issues of $(find "$pub/2025-06" -name '*.md' ! -name '_*' | wc -l) articles each, --jobs $jobs, $(nproc) cores"
run "cold"
run "up to date"
echo "archive: $(find "$work/archive" -name '*.pdf' | wc -l) PDFs, $(du -sh "$work/archive" | cut -f1)"
