"""Reference: the article's CAE trained by PyTorch for whole epochs on Fashion-MNIST (benchmark only).

The same model, loss (summed BCE per image, predictions clamped to [1e-7, 1 - 1e-7], mean over the
batch), optimiser (Adam 1e-3) and schedule (batch 32, reshuffled every epoch, test loss after each
epoch in batches of 500) as `deno task train`, to compare the wall time of a whole run.
Prints one JSON line per epoch and a final one with the total.
Usage: /usr/bin/python3 bench/torch_train.py [EPOCHS] [THREADS] [DATA_DIR]
"""
import gzip
import json
import sys
import time

import numpy as np
import torch
from torch import nn

from torch_cae import build


def read_images(path):
    with gzip.open(path, "rb") as file:
        data = file.read()
    count, rows, columns = (int.from_bytes(data[i:i + 4], "big") for i in (4, 8, 12))
    pixels = np.frombuffer(data, dtype=np.uint8, offset=16).reshape(count, 1, rows, columns)
    return torch.from_numpy(pixels.astype(np.float32) / 255.0)


def loss_of(model, images):
    output = model(images).clamp(1e-7, 1 - 1e-7)
    return nn.functional.binary_cross_entropy(output, images, reduction="sum") / images.shape[0]


def main():
    epochs = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    threads = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    folder = sys.argv[3] if len(sys.argv) > 3 else "/usr/share/datasets/fashion-mnist"
    torch.set_num_threads(threads)
    torch.manual_seed(0)
    train = read_images(f"{folder}/train-images-idx3-ubyte.gz")
    test = read_images(f"{folder}/t10k-images-idx3-ubyte.gz")
    model = build()
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    start = time.perf_counter()
    for epoch in range(1, epochs + 1):
        epoch_start = time.perf_counter()
        total = 0.0
        for indices in torch.randperm(len(train)).split(32):
            images = train[indices]
            optimizer.zero_grad()
            loss = loss_of(model, images)
            loss.backward()
            optimizer.step()
            total += loss.item() * len(indices)
        with torch.no_grad():
            test_total = sum(loss_of(model, test[i:i + 500]).item() * len(test[i:i + 500])
                             for i in range(0, len(test), 500))
        print(json.dumps({
            "epoch": epoch,
            "train_loss": total / len(train),
            "test_loss": test_total / len(test),
            "seconds": time.perf_counter() - epoch_start,
        }), flush=True)
    print(json.dumps({"epochs": epochs, "threads": threads,
                      "seconds": time.perf_counter() - start}))


if __name__ == "__main__":
    main()
