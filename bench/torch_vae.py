"""Reference: the project's convolutional VAE written independently in PyTorch (a measuring tool
only, never a runtime dependency).

Two uses:

1. Train and evaluate, as `deno task train --model vae` does, and print one JSON line per epoch
   with the test -ELBO, rc and KL (means per image, one draw of z per test image):

     /usr/bin/python3 bench/torch_vae.py --epochs 1 --limit 12000 --seed 1 [--bottleneck 16|0]
         [--init torch|keras|PATH.json] [--bce clamp|logits] [--padding tf|torch]

   --init torch: PyTorch's default initialisation (kaiming-uniform(a=sqrt 5) kernels, uniform
   biases); keras: Glorot-uniform kernels and zero biases, as TensorFlow.js builds the project's
   models; PATH.json: the exact initial weights dumped by `bench/vae_trace.ts`.
   --bce clamp clips the prediction to [1e-7, 1 - 1e-7] before the logarithm, as the project's
   loss does (the gradient is zero outside); logits computes the same BCE from the
   pre-sigmoid value (log-sigmoid, never clipped).
   --padding tf pads 'same' convolutions as TensorFlow does (all the padding of a stride-2
   convolution goes to the bottom/right), so that TensorFlow.js weights map one to one;
   torch pads both sides (padding=1, output_padding=1).

2. Replay a trace written by `bench/vae_trace.ts` (same initial weights, same batches, same
   epsilon per step) and print the per-step losses and gradient norms next to the project's:

     /usr/bin/python3 bench/torch_vae.py --replay runs/vae-trace

The data are read from Debian's dataset-fashion-mnist (/usr/share/datasets/fashion-mnist);
--limit keeps the first N images of each split, like the project's --limit.
"""
import argparse
import gzip
import json
import math
import os
import struct
import sys
import time

import numpy as np
import torch
from torch import nn
import torch.nn.functional as F

DATA = "/usr/share/datasets/fashion-mnist"
EPSILON = 1e-7


def read_images(name, limit=None):
    with gzip.open(os.path.join(DATA, name), "rb") as file:
        magic, count, rows, cols = struct.unpack(">IIII", file.read(16))
        assert magic == 2051, name
        pixels = np.frombuffer(file.read(), dtype=np.uint8).reshape(count, rows * cols)
    if limit is not None:
        pixels = pixels[:limit]
    return torch.from_numpy(pixels.astype(np.float32) / 255.0)


class Vae(nn.Module):
    """Conv(32,s2)-Conv(64,s2)-Flatten-[Dense(16,relu)]-{mean, logVar}; the CAE's decoder.

    Tensors flow as NHWC where TensorFlow.js' layout matters (Flatten, Reshape), so weights copied
    from the project give the same function.
    """

    def __init__(self, latent_dim=20, bottleneck=16, padding="tf"):
        super().__init__()
        self.padding = padding
        same = 1 if padding == "torch" else 0
        self.conv1 = nn.Conv2d(1, 32, 3, stride=2, padding=same)
        self.conv2 = nn.Conv2d(32, 64, 3, stride=2, padding=same)
        features = 7 * 7 * 64
        self.bottleneck = nn.Linear(features, bottleneck) if bottleneck else None
        head_in = bottleneck if bottleneck else features
        self.mean = nn.Linear(head_in, latent_dim)
        self.log_var = nn.Linear(head_in, latent_dim)
        self.decoder_dense = nn.Linear(latent_dim, features)
        out_pad = 1 if padding == "torch" else 0
        self.deconv1 = nn.ConvTranspose2d(64, 64, 3, stride=2, padding=same, output_padding=out_pad)
        self.deconv2 = nn.ConvTranspose2d(64, 32, 3, stride=2, padding=same, output_padding=out_pad)
        self.deconv3 = nn.ConvTranspose2d(32, 1, 3, stride=1, padding=1)

    def conv(self, layer, x):
        if self.padding == "tf":
            x = F.pad(x, (0, 1, 0, 1))  # TensorFlow's 'same' for stride 2 on an even size
        return F.relu(layer(x))

    def deconv(self, layer, x):
        y = layer(x)
        if self.padding == "tf":
            y = y[:, :, :-1, :-1]  # the adjoint of padding bottom/right: crop bottom/right
        return F.relu(y)

    def encode(self, images):
        x = images.view(-1, 1, 28, 28)
        x = self.conv(self.conv2, self.conv(self.conv1, x))
        x = x.permute(0, 2, 3, 1).reshape(x.shape[0], -1)  # NHWC flatten, as Keras
        if self.bottleneck is not None:
            x = F.relu(self.bottleneck(x))
        return self.mean(x), self.log_var(x)

    def decode_logits(self, z):
        x = F.relu(self.decoder_dense(z)).view(-1, 7, 7, 64).permute(0, 3, 1, 2)
        x = self.deconv(self.deconv2, self.deconv(self.deconv1, x))
        return self.deconv3(x).reshape(-1, 784)  # NHWC with one channel: same order


def init_keras(model, keep_torch=(), keep_torch_bias=False):
    """Glorot-uniform kernels and zero biases, as Keras/TensorFlow.js. Layers named in
    `keep_torch` (project names) keep PyTorch's initialisation; with `keep_torch_bias`, all biases
    keep PyTorch's (uniform) values."""
    kept = {LAYER_MAP[name][0] for name in keep_torch}
    for attribute, module in model.named_children():
        if attribute in kept:
            continue
        if isinstance(module, (nn.Linear, nn.Conv2d, nn.ConvTranspose2d)):
            weight = module.weight
            if isinstance(module, nn.Linear):
                fan_in, fan_out = weight.shape[1], weight.shape[0]
            else:
                receptive = weight.shape[2] * weight.shape[3]
                # Keras: fan_in = k*k*in, fan_out = k*k*out (for a transpose: its filters are "in")
                fan_in, fan_out = weight.shape[1] * receptive, weight.shape[0] * receptive
            limit = math.sqrt(6.0 / (fan_in + fan_out))
            nn.init.uniform_(weight, -limit, limit)
            if not keep_torch_bias:
                nn.init.zeros_(module.bias)


def zero_log_var_head(model):
    nn.init.zeros_(model.log_var.weight)
    nn.init.zeros_(model.log_var.bias)


# Project layer name -> (module attribute, kind); kinds say how kernels map.
LAYER_MAP = {
    "encoder_conv1": ("conv1", "conv"),
    "encoder_conv2": ("conv2", "conv"),
    "encoder_bottleneck": ("bottleneck", "dense"),
    "z_mean": ("mean", "dense"),
    "z_log_var": ("log_var", "dense"),
    "decoder_dense": ("decoder_dense", "dense"),
    "decoder_deconv1": ("deconv1", "deconv"),
    "decoder_deconv2": ("deconv2", "deconv"),
    "decoder_output": ("deconv3", "deconv"),
}


def kernel_to_torch(values, kind):
    """A TensorFlow.js kernel (numpy, its own shape) as the torch weight."""
    if kind == "dense":
        return values.T  # [in, out] -> [out, in]
    if kind == "conv":
        return values.transpose(3, 2, 0, 1)  # [kh, kw, in, out] -> [out, in, kh, kw]
    return values.transpose(3, 2, 0, 1)  # conv2dTranspose [kh, kw, out, in] -> [in, out, kh, kw]


def kernel_from_torch(values, kind):
    if kind == "dense":
        return values.T
    return values.transpose(2, 3, 1, 0)


def load_weights(model, path):
    """Loads the weights dumped by bench/vae_trace.ts ({name: {shape, values}} per variable)."""
    with open(path) as file:
        weights = json.load(file)
    for name, entry in weights.items():
        layer, variable = name.split("/")[0], name.split("/")[-1]
        attribute, kind = LAYER_MAP[layer]
        module = getattr(model, attribute)
        values = np.asarray(entry["values"], dtype=np.float32).reshape(entry["shape"])
        with torch.no_grad():
            if variable == "kernel":
                module.weight.copy_(torch.from_numpy(np.ascontiguousarray(kernel_to_torch(values, kind))))
            else:
                module.bias.copy_(torch.from_numpy(values))


def gradient_norms(model):
    """L2 norm of each parameter's gradient, named as the project names its variables."""
    norms = {}
    for layer, (attribute, _) in LAYER_MAP.items():
        module = getattr(model, attribute, None)
        if module is None:
            continue
        norms[f"{layer}/kernel"] = float(module.weight.grad.norm())
        norms[f"{layer}/bias"] = float(module.bias.grad.norm())
    return norms


def vae_terms(model, images, epsilon, bce):
    mean, log_var = model.encode(images)
    z = mean + torch.exp(0.5 * log_var) * epsilon
    logits = model.decode_logits(z)
    if bce == "clamp":
        p = torch.sigmoid(logits).clamp(EPSILON, 1 - EPSILON)
        rc = -(images * torch.log(p) + (1 - images) * torch.log(1 - p)).sum(1)
    else:
        rc = F.binary_cross_entropy_with_logits(logits, images, reduction="none").sum(1)
    kl = 0.5 * (torch.exp(log_var) + mean ** 2 - 1 - log_var).sum(1)
    return rc, kl, logits


def evaluate(model, images, bce, generator, batch_size=500):
    totals = np.zeros(2)
    with torch.no_grad():
        for start in range(0, len(images), batch_size):
            batch = images[start:start + batch_size]
            epsilon = torch.randn(len(batch), model.mean.out_features, generator=generator)
            rc, kl, _ = vae_terms(model, batch, epsilon, bce)
            totals += [float(rc.sum()), float(kl.sum())]
    rc, kl = totals / len(images)
    return {"loss": rc + kl, "rc": rc, "kl": kl}


def train(args):
    torch.manual_seed(args.seed)
    torch.set_num_threads(args.threads)
    train_images = read_images("train-images-idx3-ubyte.gz", args.limit)
    test_images = read_images("t10k-images-idx3-ubyte.gz", args.limit)
    model = Vae(args.latent_dim, args.bottleneck, args.padding)
    if args.init == "keras":
        init_keras(model, [name for name in args.keep_torch.split(",") if name],
                   args.keep_torch_bias)
    elif args.init != "torch":
        load_weights(model, args.init)
    zero_log_var_head(model)
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3, eps=args.adam_eps)
    generator = torch.Generator().manual_seed(args.seed)
    history = []
    for epoch in range(1, args.epochs + 1):
        start = time.perf_counter()
        order = torch.randperm(len(train_images), generator=generator)
        totals = np.zeros(3)
        for first in range(0, len(order), args.batch_size):
            batch = train_images[order[first:first + args.batch_size]]
            epsilon = torch.randn(len(batch), args.latent_dim, generator=generator)
            rc, kl, _ = vae_terms(model, batch, epsilon, args.bce)
            loss = (rc + kl).mean()
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            totals += len(batch) * np.array([float(loss), float(rc.mean()), float(kl.mean())])
        train_terms = totals / len(train_images)
        test = evaluate(model, test_images, args.bce, generator)
        with torch.no_grad():
            means = torch.cat([model.encode(test_images[i:i + 500])[0]
                               for i in range(0, len(test_images), 500)])
        active = int((means.var(0, unbiased=False) > 0.01).sum())
        line = {
            "epoch": epoch, "seconds": round(time.perf_counter() - start, 1),
            "train": dict(zip(["loss", "rc", "kl"], train_terms.round(2).tolist())),
            "test": {key: round(value, 2) for key, value in test.items()},
            "activeUnits": active,
            "settings": {key: value for key, value in vars(args).items() if key != "replay"},
        }
        history.append(line)
        print(json.dumps(line), flush=True)
    return history


def replay(args):
    """Repeats the project's steps from a trace folder and prints both side by side."""
    torch.set_num_threads(args.threads)
    with open(os.path.join(args.replay, "trace.json")) as file:
        trace = json.load(file)
    settings = trace["settings"]
    train_images = read_images("train-images-idx3-ubyte.gz", settings["limit"])
    model = Vae(settings["latentDim"], settings["bottleneckUnits"] or 0, "tf")
    load_weights(model, os.path.join(args.replay, "initial_weights.json"))
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3, eps=1e-7)
    rows = []
    for step in trace["steps"]:
        batch = train_images[torch.tensor(step["indices"], dtype=torch.long)]
        epsilon = torch.tensor(step["epsilon"], dtype=torch.float32).view(len(batch), -1)
        rc, kl, logits = vae_terms(model, batch, epsilon, args.bce)
        loss = (rc + kl).mean()
        optimizer.zero_grad()
        loss.backward()
        norms = gradient_norms(model)
        optimizer.step()
        p = torch.sigmoid(logits)
        row = {
            "step": step["step"],
            "torch": {"loss": float(loss), "rc": float(rc.mean()), "kl": float(kl.mean())},
            "project": {key: step[key] for key in ("loss", "rc", "kl")},
            "clipped_fraction": float(((p < EPSILON) | (p > 1 - EPSILON)).float().mean()),
        }
        if "gradientNorms" in step:
            row["gradient_norms"] = {
                name: {"torch": norms[name], "project": value}
                for name, value in step["gradientNorms"].items()
            }
        rows.append(row)
        if not args.quiet:
            print(json.dumps(row), flush=True)
    summary = {
        "steps": len(rows),
        "mean_train_loss": {side: float(np.mean([row[side]["loss"] for row in rows]))
                            for side in ("torch", "project")},
    }
    if args.evaluate:
        test_images = read_images("t10k-images-idx3-ubyte.gz", settings["limit"])
        generator = torch.Generator().manual_seed(settings["seed"])
        summary["torch_test"] = evaluate(model, test_images, args.bce, generator)
    print(json.dumps(summary), flush=True)
    return rows


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--epochs", type=int, default=1)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--latent-dim", type=int, default=20)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--bottleneck", type=int, default=16, help="0 removes the Dense layer")
    parser.add_argument("--init", default="torch", help="torch, keras or a weights JSON file")
    parser.add_argument("--keep-torch", default="",
                        help="with --init keras: project layer names that keep torch's init")
    parser.add_argument("--keep-torch-bias", action="store_true",
                        help="with --init keras: keep torch's uniform biases")
    parser.add_argument("--bce", choices=["clamp", "logits"], default="clamp")
    parser.add_argument("--padding", choices=["tf", "torch"], default="tf")
    parser.add_argument("--adam-eps", type=float, default=1e-8)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--replay", default=None, help="trace folder from bench/vae_trace.ts")
    parser.add_argument("--evaluate", action="store_true", help="replay: evaluate the test set")
    parser.add_argument("--quiet", action="store_true", help="replay: print only the summary")
    args = parser.parse_args()
    if args.replay:
        replay(args)
    else:
        train(args)


if __name__ == "__main__":
    sys.exit(main())
