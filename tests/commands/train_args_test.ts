import assert from "node:assert/strict";
import { defaultRunDirectory, parseTrainArgs, UsageError } from "../../lib/commands/train_args.ts";
import { runTask } from "../helpers/task_command.ts";

Deno.test("no flags give the article's defaults (nothing overridden)", () => {
  const args = parseTrainArgs([]);
  assert.deepEqual(args.config, {});
  assert.equal(args.resume, false);
  assert.equal(args.workers, undefined); // the fastest for the machine, chosen by scripts/train.ts
  assert.equal(args.directory, undefined);
});

Deno.test("every flag is parsed into the run settings", () => {
  const args = parseTrainArgs([
    "--epochs=5",
    "--batch-size",
    "128",
    "--latent-dim",
    "2",
    "--limit",
    "1000",
    "--seed",
    "0",
    "--backend",
    "cpu",
    "--workers",
    "2",
    "--out",
    "runs/x",
  ]);
  assert.deepEqual(args.config, {
    epochs: 5,
    batchSize: 128,
    latentDim: 2,
    limit: 1000,
    seed: 0,
    backend: "cpu",
  });
  assert.equal(args.workers, 2);
  assert.equal(args.directory, "runs/x");
  assert.equal(parseTrainArgs(["--resume", "runs/y"]).resume, true);
});

Deno.test("unknown flags and bad values are usage errors that say what was expected", () => {
  assert.throws(() => parseTrainArgs(["--epoch", "3"]), UsageError);
  assert.throws(() => parseTrainArgs(["--epochs", "0"]), /--epochs expects a positive integer/);
  assert.throws(() => parseTrainArgs(["--epochs", "2.5"]), /positive integer, got "2.5"/);
  assert.throws(() => parseTrainArgs(["--backend", "gpu"]), /"wasm" or "cpu"/);
  assert.throws(() => parseTrainArgs(["--seed=-1"]), /non-negative integer/);
  assert.throws(() => parseTrainArgs(["--workers", "3"]), /1 or 2/);
  assert.throws(() => parseTrainArgs(["extra"]), UsageError);
  assert.throws(() => parseTrainArgs(["--out", "a", "--resume", "b"]), /either --out or --resume/);
});

Deno.test("the VAE's warm-up and Dense layer flags are parsed, checked and VAE-only", () => {
  const config = parseTrainArgs([
    "--model",
    "vae",
    "--kl-warmup",
    "0.5",
    "--vae-bottleneck",
    "16",
  ]).config;
  assert.deepEqual(config, { model: "vae", klWarmup: 0.5, vaeBottleneck: 16 });
  assert.equal(parseTrainArgs(["--model=vae", "--vae-bottleneck=none"]).config.vaeBottleneck, null);
  assert.equal(parseTrainArgs(["--model=vae", "--kl-warmup=0"]).config.klWarmup, 0);
  assert.throws(() => parseTrainArgs(["--model=vae", "--kl-warmup=-1"]), /number of epochs >= 0/);
  assert.throws(() => parseTrainArgs(["--model=vae", "--kl-warmup="]), /number of epochs >= 0/);
  assert.throws(
    () => parseTrainArgs(["--model=vae", "--vae-bottleneck=0"]),
    /positive integer, e\.g\. 16\) or "none", got "0"/,
  );
  assert.throws(() => parseTrainArgs(["--kl-warmup=1"]), /--kl-warmup only applies to --model vae/);
  assert.throws(
    () => parseTrainArgs(["--model=cae", "--vae-bottleneck=16"]),
    /--vae-bottleneck only applies to --model vae/,
  );
});

Deno.test("the default run folder names the latent size and the time", () => {
  const name = defaultRunDirectory("cae", 20, new Date("2026-11-29T15:30:05Z"));
  assert.equal(name, "runs/cae-latent20-20261129-153005");
});

Deno.test("the train command exits with code 2 and a message on a bad flag, 0 on --help", async () => {
  const run = (...args: string[]) => runTask("train", ...args);
  const bad = await run("--bogus");
  assert.equal(bad.code, 2);
  assert.match(bad.text, /Error: Unknown option '--bogus'/);
  assert.match(bad.text, /Usage: deno task train/);
  const zero = await run("--epochs", "0");
  assert.equal(zero.code, 2);
  assert.match(zero.text, /--epochs expects a positive integer, got "0"/);
  const help = await run("--help");
  assert.equal(help.code, 0);
  assert.match(help.text, /--resume DIR/);
});
