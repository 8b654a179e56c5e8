#!/usr/bin/env bash
# Trains the runs whose numbers the README reports (CAE, VAE and dense AE at latent 2 and 20,
# 3 epochs each, full data). Each run writes runs/<name>/ with metrics.jsonl; a finished run is
# skipped, an interrupted one resumed. About 7 minutes per convolutional run on one core here.
set -euo pipefail
cd "$(dirname "$0")/.."
for model in cae vae dense; do
  for latent in 20 2; do
    name="runs/results-${model}-latent${latent}"
    if [ -f "$name/checkpoint.json" ]; then
      deno task train --resume "$name" --epochs 3
    else
      deno task train --model "$model" --latent-dim "$latent" --epochs 3 --out "$name"
    fi
  done
done
