"""Reference: the article's CAE trained in PyTorch on this machine (benchmark only).

Prints one JSON line: {"batch_size": B, "threads": T, "ms_per_step": ..., "images_per_second": ...}
for the same model, loss (summed BCE per image, mean over batch) and optimiser (Adam 1e-3) as
the TypeScript project, on random [0,1] images (speed does not depend on the pixel values).
Usage: /usr/bin/python3 bench/torch_cae.py BATCH_SIZE THREADS STEPS
"""
import json
import sys
import time

import torch
from torch import nn


def build(latent_dim=20):
    encoder = nn.Sequential(
        nn.Conv2d(1, 32, 3, stride=2, padding=1), nn.ReLU(),
        nn.Conv2d(32, 64, 3, stride=2, padding=1), nn.ReLU(),
        nn.Flatten(), nn.Linear(7 * 7 * 64, 16), nn.ReLU(), nn.Linear(16, latent_dim),
    )
    decoder = nn.Sequential(
        nn.Linear(latent_dim, 7 * 7 * 64), nn.ReLU(), nn.Unflatten(1, (64, 7, 7)),
        nn.ConvTranspose2d(64, 64, 3, stride=2, padding=1, output_padding=1), nn.ReLU(),
        nn.ConvTranspose2d(64, 32, 3, stride=2, padding=1, output_padding=1), nn.ReLU(),
        nn.ConvTranspose2d(32, 1, 3, stride=1, padding=1), nn.Sigmoid(),
    )
    return nn.Sequential(encoder, decoder)


def main():
    batch_size, threads, steps = (int(value) for value in sys.argv[1:4])
    torch.set_num_threads(threads)
    torch.manual_seed(0)
    model = build()
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    images = torch.rand(batch_size, 1, 28, 28)
    times = []
    cpu_times = []
    for step in range(steps + 3):
        start = time.perf_counter()
        cpu_start = time.process_time()
        optimizer.zero_grad()
        output = model(images).clamp(1e-7, 1 - 1e-7)
        loss = nn.functional.binary_cross_entropy(output, images, reduction="sum") / batch_size
        loss.backward()
        optimizer.step()
        if step >= 3:
            times.append(time.perf_counter() - start)
            cpu_times.append(time.process_time() - cpu_start)
    times.sort()
    cpu_times.sort()
    median = times[len(times) // 2]
    print(json.dumps({
        "parameters": sum(p.numel() for p in model.parameters()),
        "batch_size": batch_size,
        "threads": threads,
        "ms_per_step": median * 1000,
        "cpu_ms_per_step": cpu_times[len(cpu_times) // 2] * 1000,
        "images_per_second": batch_size / median,
    }))


if __name__ == "__main__":
    main()
