#!/usr/bin/env bash
# `goldspan preannotate` over a 5 M-token corpus: one process over the whole corpus.jsonl beside
# 8 shards under GNU parallel (-j 2 and -j 8), in the same run, with the ratios to the single run
# and a check that the merged shard outputs equal the single output line for line.
#   bench/preannotate_shards.sh [million_tokens=5] [terms=10000]
set -euo pipefail
cd "$(dirname "$0")/.."
bin=build/native/bin
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/shards" "$work/out2" "$work/out8"
"$bin/bench_search" "${1:-5}" "${2:-10000}" 50 "$work" >/dev/null
schema=assets/schema/default.json
run() { /usr/bin/time -f %e -o "$work/t" "$@" >/dev/null; cat "$work/t"; }
one=$(run "$bin/goldspan" preannotate --dict "$work/dict.tsv" --time 2026-01-01T00:00:00Z --from jsonl --schema $schema "$work/corpus.jsonl" -o "$work/one.jsonl")
j2=$(run parallel -j 2 "$bin/goldspan" preannotate --dict "$work/dict.tsv" --time 2026-01-01T00:00:00Z --from jsonl --schema $schema {} -o "$work/out2/{/}" ::: "$work"/shards/*.jsonl)
j8=$(run parallel -j 8 "$bin/goldspan" preannotate --dict "$work/dict.tsv" --time 2026-01-01T00:00:00Z --from jsonl --schema $schema {} -o "$work/out8/{/}" ::: "$work"/shards/*.jsonl)
cat "$work"/out8/part-*.jsonl > "$work/merged.jsonl"
# Span ids are numbered per run, so the spans are compared by document, label and offsets.
spans() { node -e 'const rl = require("readline").createInterface({ input: require("fs").createReadStream(process.argv[1]) });
  const out = []; rl.on("line", (l) => { const d = JSON.parse(l).documents[0];
    for (const s of d.spans) out.push(`${d.id} ${s.label} ${s.start} ${s.end}`); });
  rl.on("close", () => console.log(out.sort().join("\n")));' "$1"; }
same=$(cmp -s <(spans "$work/one.jsonl") <(spans "$work/merged.jsonl") && echo yes || echo NO)
echo "cores: $(nproc); $(wc -l < "$work/corpus.jsonl") documents, $(wc -c < "$work/corpus.jsonl") bytes of JSONL"
echo "one process:            ${one} s"
echo "8 shards, parallel -j 2: ${j2} s ($(echo "scale=2; $j2 / $one" | bc) x one process)"
echo "8 shards, parallel -j 8: ${j8} s ($(echo "scale=2; $j8 / $one" | bc) x one process)"
echo "merged shards give the same spans as one process: $same ($(spans "$work/one.jsonl" | wc -l) spans)"
