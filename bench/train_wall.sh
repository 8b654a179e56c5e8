#!/usr/bin/env bash
# Wall time and peak memory of the article's whole run (CAE, batch 32, 3 epochs of 60,000 images,
# test loss after each) trained by `deno task train` (default engine) and by PyTorch
# (bench/torch_train.py: same model, loss, optimiser and schedule; one thread, PyTorch's fastest
# at batch 32 on the 2-core machine per `deno task bench`), one after the other, with the ratio.
# Hold the whole machine while it runs (about 10 minutes on the project's 2-core machine):
#
#   cpu quiet -- bench/train_wall.sh [OUT_DIR] [EPOCHS]
#
# Writes OUT_DIR (default runs/train-wall-<time>)/{tfjs,torch}.{log,time} and summary.json.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-runs/train-wall-$(date -u +%Y%m%d-%H%M%S)}
epochs=${2:-3}
if [ -e "$out" ]; then
  echo "Error: $out exists; give a new folder (bench/train_wall.sh OUT_DIR)." >&2
  exit 2
fi
mkdir -p "$out"
for tool in /usr/bin/time /usr/bin/python3 deno; do
  command -v "$tool" >/dev/null || { echo "Error: $tool not found." >&2; exit 1; }
done
commit=$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- lib scripts bench || echo "+dirty")
date=$(date -u +%Y-%m-%dT%H:%M:%SZ)
echo "train wall time, $date, commit $commit, $(nproc) cores; writing $out/"

echo "PyTorch, 1 thread ..."
OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 /usr/bin/time -v -o "$out/torch.time" \
  /usr/bin/python3 bench/torch_train.py "$epochs" 1 >"$out/torch.log"
cat "$out/torch.log"

echo "deno task train (default engine) ..."
/usr/bin/time -v -o "$out/tfjs.time" \
  deno task train --epochs "$epochs" --out "$out/tfjs-run" >"$out/tfjs.log" 2>&1
tr '\r' '\n' <"$out/tfjs.log" | grep -v '^Epoch .*ETA' | tail -4 || true

/usr/bin/python3 - "$out" "$date" "$commit" <<'PY'
import json, re, sys
out, date, commit = sys.argv[1:4]

def timing(name):
    text = open(f"{out}/{name}.time").read()
    clock = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", text).group(1)
    seconds = 0.0
    for part in clock.split(":"):
        seconds = seconds * 60 + float(part)
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", text).group(1))
    return seconds, rss / 1024

torch_lines = [json.loads(line) for line in open(f"{out}/torch.log") if '"epoch"' in line]
tfjs_lines = [json.loads(line) for line in open(f"{out}/tfjs-run/metrics.jsonl")]
config = json.load(open(f"{out}/tfjs-run/config.json"))
(tfjs_s, tfjs_mb), (torch_s, torch_mb) = timing("tfjs"), timing("torch")
summary = {
    "date": date, "commit": commit,
    "tfjs": {"wall_s": tfjs_s, "peak_rss_mb": tfjs_mb, "config": config,
             "train_loss": [m["trainLoss"] for m in tfjs_lines],
             "test_loss": [m["testLoss"] for m in tfjs_lines]},
    "torch": {"wall_s": torch_s, "peak_rss_mb": torch_mb, "threads": 1,
              "train_loss": [m["train_loss"] for m in torch_lines],
              "test_loss": [m["test_loss"] for m in torch_lines]},
    "wall_ratio_torch_over_tfjs": torch_s / tfjs_s,
}
json.dump(summary, open(f"{out}/summary.json", "w"), indent=2)
for name in ("tfjs", "torch"):
    s = summary[name]
    losses = " / ".join(f"{a:.2f}|{b:.2f}" for a, b in zip(s["train_loss"], s["test_loss"]))
    print(f"{name:5}: {s['wall_s']:7.1f} s wall, peak RSS {s['peak_rss_mb']:.0f} MB, "
          f"train|test loss per epoch {losses}")
print(f"PyTorch wall / tfjs wall = {summary['wall_ratio_torch_over_tfjs']:.2f} "
      f"(above 1: deno task train is faster)")
PY
