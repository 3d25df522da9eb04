#!/usr/bin/env bash
# `goldspan agree` at scale: 3 annotators x DOCUMENTS x SPANS (default 1,000 x 100, 600,000
# tokens; bench/agree_corpus.py), side by side in one run, wall time and peak resident memory:
#   - native, whole gold JSON files (each file loaded)
#   - native, gold JSONL (streamed document by document)
#   - wasm CLI under node (build/wasm/bin/goldspan.js), both inputs, when it is built
#   - 8 shards per annotator (split -l) under GNU parallel: agree --partial per shard, then --merge
#   - native `adjudicate`, whole gold JSON beside gold JSONL in and out (streamed)
# and checks that the streamed output equals the whole files' and the merge the single run's.
#   bench/agree_scale.sh [documents=1000] [spans=100]
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
bin=build/native/bin
wasm=build/wasm/bin/goldspan.js
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
docs=${1:-1000}
spans=${2:-100}
python3 bench/agree_corpus.py "$docs" "$spans" "$work"
cd "$work"
who="ana bo cy"
for w in $who; do "$root/$bin/goldspan" convert --from gold --to gold-jsonl $w.json $w.jsonl; done
shard=$(( (docs + 7) / 8 ))
mkdir shards parts2 parts8
for w in $who; do split -l $shard -d --additional-suffix=.jsonl $w.jsonl shards/$w-; done
ids=$(cd shards && ls ana-*.jsonl | sed 's/ana-//; s/\.jsonl//')

# "seconds peak_MB" of one command, its output in $out
measure() { local out=$1; shift; /usr/bin/time -f "%e %M" -o t "$@" > "$out"; awk '{printf "%s %.0f", $1, $2 / 1024}' t; }
files() { for w in $who; do printf '%s.%s ' $w "$1"; done; }
# One parallel run of the shards (-j $1) and the merge: "seconds peak_MB" (peak of any one process).
sharded() {
  local j=$1 dir=parts$1
  local t0; t0=$(date +%s.%N)
  parallel -j "$j" "/usr/bin/time -f %M -o $dir/{}.mem $root/$bin/goldspan agree --partial shards/ana-{}.jsonl shards/bo-{}.jsonl shards/cy-{}.jsonl > $dir/{}.json 2>/dev/null" ::: $ids
  /usr/bin/time -f %M -o $dir/merge.mem "$root/$bin/goldspan" agree --merge --json $dir/[0-9]*.json > merged$j.json
  local t1; t1=$(date +%s.%N)
  printf '%.2f %.0f' "$(echo "$t1 - $t0" | bc)" "$(cat $dir/*.mem | sort -n | tail -1 | awk '{print $1 / 1024}')"
}

load0=$(cut -d' ' -f1-3 /proc/loadavg)
read -r nw_t nw_m <<< "$(measure native-whole.json "$root/$bin/goldspan" agree --json $(files json))"
read -r ns_t ns_m <<< "$(measure native-stream.json "$root/$bin/goldspan" agree --json $(files jsonl))"
have_wasm=no
if [ -f "$root/$wasm" ]; then
  have_wasm=yes
  read -r ww_t ww_m <<< "$(measure wasm-whole.json node --no-experimental-fetch "$root/$wasm" agree --json $(files json))"
  read -r ws_t ws_m <<< "$(measure wasm-stream.json node --no-experimental-fetch "$root/$wasm" agree --json $(files jsonl))"
fi
read -r aw_t aw_m <<< "$(measure adjudicate-whole.out "$root/$bin/goldspan" adjudicate $(files json) -o adjudicated.json --time 2026-01-01T00:00:00Z)"
read -r as_t as_m <<< "$(measure adjudicate-stream.out "$root/$bin/goldspan" adjudicate $(files jsonl) -o adjudicated.jsonl --time 2026-01-01T00:00:00Z)"
read -r s2_t s2_m <<< "$(sharded 2)"
read -r s8_t s8_m <<< "$(sharded 8)"
load1=$(cut -d' ' -f1-3 /proc/loadavg)

# The same figures: streamed = whole byte for byte (file names aside); wasm = native; merge =
# single run for every figure that merges (span counts exactly; token coefficients to 1e-9
# relative: Fleiss' sum over 600,000 tokens adds in another order when summed per shard).
same() { cmp -s <(sed 's/\.jsonl"/.json"/' "$1") "$2" && echo yes || echo NO; }
merged_same() {
  python3 - "$1" native-stream.json <<'EOF2'
import json, sys
m, w = (json.load(open(f)) for f in sys.argv[1:3])
worst = [0.0]
def near(a, b):
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        worst[0] = max(worst[0], abs(a - b))
        return abs(a - b) <= 1e-9 * max(1.0, abs(a))
    if isinstance(a, dict): return a.keys() == b.keys() and all(near(a[k], b[k]) for k in a)
    if isinstance(a, list): return len(a) == len(b) and all(near(x, y) for x, y in zip(a, b))
    return a == b
ok = near(w["tokens"], m["tokens"]) and all(
    near({k: p[k] for k in ("a", "b", "exact", "overlap")}, {k: q[k] for k in ("a", "b", "exact", "overlap")})
    for p, q in zip(w["pairs"], m["pairs"]))
print(("yes" if ok else "NO") + " (largest difference %.1e)" % worst[0])
EOF2
}
ratio() { echo "scale=2; $1 / $2" | bc | sed 's/^\./0./'; }

echo "$(nproc) cores, load $load0 before, $load1 after; $(wc -c < ana.json) bytes of gold JSON and $(wc -c < ana.jsonl) of gold JSONL per annotator"
python3 -c "import json; j = json.load(open('native-whole.json')); print('3 annotators x $docs documents x $spans spans:', sum(p['exact']['spans_a'] for p in j['pairs'][:2]) // 2, 'spans of ana,', j['tokens']['tokens'], 'tokens')"
printf '%-44s %8s %9s %14s\n' "run" "seconds" "peak MB" "vs native whole"
printf '%-44s %8s %9s %14s\n' "native, whole gold JSON" "$nw_t" "$nw_m" "1.00 / 1.00"
printf '%-44s %8s %9s %14s\n' "native, gold JSONL streamed" "$ns_t" "$ns_m" "$(ratio $ns_t $nw_t) / $(ratio $ns_m $nw_m)"
if [ $have_wasm = yes ]; then
  printf '%-44s %8s %9s %14s\n' "wasm (node), whole gold JSON" "$ww_t" "$ww_m" "$(ratio $ww_t $nw_t) / $(ratio $ww_m $nw_m)"
  printf '%-44s %8s %9s %14s\n' "wasm (node), gold JSONL streamed" "$ws_t" "$ws_m" "$(ratio $ws_t $nw_t) / $(ratio $ws_m $nw_m)"
else
  echo "wasm: $wasm not built (cmake --preset wasm && cmake --build --preset wasm --target goldspan)"
fi
printf '%-44s %8s %9s %14s\n' "8 shards, parallel -j 2, --partial + --merge" "$s2_t" "$s2_m" "$(ratio $s2_t $nw_t) / $(ratio $s2_m $nw_m)"
printf '%-44s %8s %9s %14s\n' "8 shards, parallel -j 8, --partial + --merge" "$s8_t" "$s8_m" "$(ratio $s8_t $nw_t) / $(ratio $s8_m $nw_m)"
echo "(shards: peak MB of the largest single process; time from the first shard to the merged table)"
printf '%-44s %8s %9s %14s\n' "adjudicate, native, whole gold JSON" "$aw_t" "$aw_m" "1.00 / 1.00"
printf '%-44s %8s %9s %14s\n' "adjudicate, native, gold JSONL streamed" "$as_t" "$as_m" "$(ratio $as_t $aw_t) / $(ratio $as_m $aw_m)"
echo "streamed output = whole files' output: $(same native-stream.json native-whole.json)"
if [ $have_wasm = yes ]; then
  echo "wasm = native: whole $(cmp -s wasm-whole.json native-whole.json && echo yes || echo NO), streamed $(cmp -s wasm-stream.json native-stream.json && echo yes || echo NO)"
fi
# The summary lists the same conflicts, document by document instead of all spans first.
echo "adjudicate streamed = whole (summary and conflicts listed): $(cmp -s <(sort adjudicate-stream.out) <(sort adjudicate-whole.out) && echo yes || echo NO), $(wc -l < adjudicated.jsonl) lines written"
echo "merged shards = single run (spans, every token coefficient): -j 2 $(merged_same merged2.json), -j 8 $(merged_same merged8.json)"
