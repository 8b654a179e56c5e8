/**
 * `deno task vae-study`: trains (or resumes) the four VAE study variants — with/without the
 * Dense(16) layer before the heads × with/without KL warm-up — as run folders under DIR, then
 * evaluates every finished one on the test set and writes DIR/study.json and DIR/study.csv
 * (test −ELBO, rc, KL, active units, KL per latent dimension). Run `deno task vae-study --help`.
 *
 * @module
 */
import { join } from "node:path";
import {
  fatalErrorMessage,
  fatalExitCode,
  parseCommandLine,
} from "../lib/commands/command_line.ts";
import {
  integerFlag as checkedIntegerFlag,
  parseFlags,
  pathFlag,
  UsageError,
} from "../lib/commands/flags.ts";
import { checkOutputFolder } from "../lib/commands/output_paths.ts";
import { LATENT_DIM_MAXIMUM } from "../lib/commands/train_args.ts";

const USAGE =
  `Train and compare the VAE variants: Dense(16) before the heads or not, KL warm-up or not.

Usage: deno task vae-study [options]

Options:
  --out DIR         study folder (one run folder per variant)  [default: runs/vae-study]
  --variants LIST   comma-separated subset of dense16, dense16-warmup, direct, direct-warmup
                                                                 [default: all four]
  --epochs N        epochs per variant (more than before resumes)  [default: 3]
  --kl-warmup E     warm-up epochs of the *-warmup variants        [default: 1]
  --limit N         only the first N training and N test images    [default: all]
  --latent-dim N    size of z                                      [default: 20]
  --seed N          seed of every variant                          [default: 0]
  --seeds LIST      several seeds (e.g. 1,2,3): one run per variant and seed, in
                    folders VARIANT-seedN
  --samples N       draws of z per test image for the −ELBO        [default: 5]
  --train-only      train, but do not evaluate or write the table
  --help            show this help

Variants already trained for N epochs are not trained again. Every finished variant (N epochs) is
evaluated; DIR/study.json and DIR/study.csv hold the table.`;

const VARIANT_NAMES = ["dense16", "dense16-warmup", "direct", "direct-warmup"];

function integerFlag(flag: string, text: string, minimum: number): number {
  const value = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(value) || value < minimum) {
    throw new UsageError(`--${flag} expects an integer >= ${minimum}, got "${text}".`);
  }
  return value;
}

function parseStudyArgs(argv: string[]) {
  const { values } = parseFlags({
    args: argv,
    options: {
      out: { type: "string", default: join("runs", "vae-study") },
      variants: { type: "string", default: VARIANT_NAMES.join(",") },
      epochs: { type: "string", default: "3" },
      "kl-warmup": { type: "string", default: "1" },
      limit: { type: "string" },
      "latent-dim": { type: "string", default: "20" },
      seed: { type: "string", default: "0" },
      seeds: { type: "string" },
      samples: { type: "string", default: "5" },
      "train-only": { type: "boolean", default: false },
      help: { type: "boolean", default: false },
    },
  });
  const variants = values.variants.split(",").map((name) => name.trim()).filter(Boolean);
  const unknown = variants.filter((name) => !VARIANT_NAMES.includes(name));
  if (variants.length === 0 || unknown.length > 0) {
    throw new UsageError(
      `--variants takes names from ${VARIANT_NAMES.join(", ")}; got "${values.variants}".`,
    );
  }
  const klWarmup = Number(values["kl-warmup"]);
  if (!Number.isFinite(klWarmup) || klWarmup <= 0 || values["kl-warmup"].trim() === "") {
    throw new UsageError(
      `--kl-warmup expects a number of epochs > 0, got "${values["kl-warmup"]}".`,
    );
  }
  return {
    help: values.help,
    out: pathFlag("out", values.out)!,
    variants,
    epochs: integerFlag("epochs", values.epochs, 1),
    klWarmup,
    limit: values.limit === undefined ? null : integerFlag("limit", values.limit, 1),
    latentDim: checkedIntegerFlag("latent-dim", values["latent-dim"], 1, LATENT_DIM_MAXIMUM)!,
    seeds: values.seeds === undefined
      ? [integerFlag("seed", values.seed, 0)]
      : values.seeds.split(",").map((text) => integerFlag("seeds", text.trim(), 0)),
    seedSuffix: values.seeds !== undefined,
    samples: integerFlag("samples", values.samples, 1),
    trainOnly: values["train-only"],
  };
}

async function main(): Promise<number> {
  const parsed = parseCommandLine(parseStudyArgs, Deno.args, USAGE);
  if ("exitCode" in parsed) return parsed.exitCode;
  const args = parsed.args;
  await checkOutputFolder("--out", args.out);
  // Loaded only now, so that --help and usage errors answer at once.
  const { initBackend } = await import("../lib/backend/setup.ts");
  const { loadFashionMnist } = await import("../lib/data/fashion_mnist.ts");
  const { readRunStatus } = await import("../lib/training/run_folder/run_status.ts");
  const study = await import("../lib/uses/evaluation/vae_study.ts");
  const { trainRun } = await import("../lib/commands/train_run.ts");
  /** The run's status, or undefined when its folder holds no run yet (other errors propagate). */
  const statusIfStarted = async (directory: string) => {
    try {
      await Deno.stat(join(directory, "config.json"));
    } catch (error) {
      if (error instanceof Deno.errors.NotFound) return undefined;
      throw error;
    }
    return await readRunStatus(directory);
  };
  const started = performance.now();
  const runs = study.vaeStudyVariants(args.klWarmup)
    .filter((variant) => args.variants.includes(variant.name))
    .flatMap((variant) =>
      args.seeds.map((seed) => ({
        variant,
        seed,
        directory: join(args.out, args.seedSuffix ? `${variant.name}-seed${seed}` : variant.name),
      }))
    );

  for (const { variant, seed, directory } of runs) {
    const status = await statusIfStarted(directory);
    if (status && status.completedEpochs >= args.epochs) {
      console.log(`${directory}: ${status.completedEpochs} epochs already trained.`);
      continue;
    }
    console.log(`\n== ${variant.name}, seed ${seed}: ${directory}`);
    const resume = status !== undefined && status.completedEpochs > 0;
    await trainRun({
      directory,
      resume,
      config: resume ? { epochs: args.epochs } : {
        model: "vae",
        beta: 1,
        latentDim: args.latentDim,
        epochs: args.epochs,
        seed,
        limit: args.limit,
        vaeBottleneck: variant.vaeBottleneck,
        klWarmup: variant.klWarmup,
      },
    });
  }
  if (args.trainOnly) return 0;

  console.log(`\nBackend: ${await initBackend("wasm")}`);
  const fashion = await loadFashionMnist({ limit: args.limit ?? undefined });
  const rows = [];
  for (const { variant, directory } of runs) {
    const status = await statusIfStarted(directory);
    if (!status || status.completedEpochs < args.epochs) {
      console.log(`Not in the table yet: ${directory} (${status?.completedEpochs ?? 0} epochs).`);
      continue;
    }
    rows.push(
      await study.evaluateVaeStudyRun(directory, variant.name, fashion, { samples: args.samples }),
    );
  }
  if (rows.length === 0) return 0;
  const json = {
    date: new Date().toISOString(),
    command: `deno task vae-study ${Deno.args.join(" ")}`.trim(),
    testImages: fashion.test.count,
    activeUnitThreshold: 0.01,
    rows,
  };
  const { writeFileAtomically } = await import("../lib/data/atomic_write.ts");
  await writeFileAtomically(join(args.out, "study.json"), JSON.stringify(json, null, 2) + "\n");
  await writeFileAtomically(join(args.out, "study.csv"), study.vaeStudyCsv(rows));
  console.log(`\n${study.vaeStudyMarkdownTable(rows)}`);
  console.log(
    `\nWrote ${join(args.out, "study.json")} and study.csv ` +
      `(${((performance.now() - started) / 60000).toFixed(1)} min).`,
  );
  return 0;
}

try {
  Deno.exit(await main());
} catch (error) {
  console.error(fatalErrorMessage(error));
  Deno.exit(fatalExitCode(error));
}
