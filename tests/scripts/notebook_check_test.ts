/**
 * Tests of `deno task notebooks --check` (scripts/notebook_check.py through run_notebooks.py) on
 * small notebooks written for each test into a temporary project: `notebooks/` beside a `lib/`
 * they import from, as in this project. They need /usr/bin/python3 (no Jupyter) and
 * `--allow-run`; without either they are skipped with a message saying what is missing.
 */
import assert from "node:assert/strict";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const PROJECT_ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const PYTHON = "/usr/bin/python3";
/** A real 1×1 PNG, base64 as in a notebook's image/png output. */
const PNG =
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";

type Output = Record<string, unknown>;
type CellSpec = { markdown: string } | { raw: string } | { code: string; outputs?: Output[] };

function missingPrerequisite(): string | undefined {
  if (Deno.permissions.querySync({ name: "run" }).state !== "granted") {
    return "they need --allow-run to start the checker (deno test --allow-run ...)";
  }
  try {
    if (!new Deno.Command(PYTHON, { args: ["-c", "pass"] }).outputSync().success) {
      return `${PYTHON} does not run`;
    }
  } catch {
    return `${PYTHON} was not found; install Debian's python3`;
  }
  return undefined;
}

const missing = missingPrerequisite();
if (missing) console.warn(`Skipping the notebook check tests: ${missing}.`);

/** An nbformat 4 notebook from cell specs; sources are stored as line lists, as Jupyter does. */
function notebookJson(cells: CellSpec[], metadata: Record<string, unknown> = {}): string {
  const lines = (text: string) => text.split(/(?<=\n)/);
  return JSON.stringify(
    {
      cells: cells.map((cell, index) => {
        const id = `cell-${index}`;
        if ("markdown" in cell) {
          return { cell_type: "markdown", id, metadata: {}, source: lines(cell.markdown) };
        }
        if ("raw" in cell) return { cell_type: "raw", id, metadata: {}, source: lines(cell.raw) };
        return {
          cell_type: "code",
          execution_count: null,
          id,
          metadata: {},
          outputs: cell.outputs ?? [],
          source: lines(cell.code),
        };
      }),
      metadata: { kernelspec: { name: "deno", language: "typescript" }, ...metadata },
      nbformat: 4,
      nbformat_minor: 5,
    },
    null,
    1,
  );
}

const stream = (text: string): Output => ({ output_type: "stream", name: "stdout", text });
const display = (data: Record<string, unknown>): Output => ({
  output_type: "display_data",
  data,
  metadata: {},
});

interface CheckResult {
  code: number;
  /** stdout lines, the summary line last. */
  lines: string[];
  stderr: string;
}

/**
 * Writes `notebooks` (name → cells, or raw text) into a fresh temporary project with
 * lib/greeting.ts and runs the check there, on the given names (default: all).
 */
async function check(
  notebooks: Record<string, CellSpec[] | { cells: CellSpec[]; metadata: Record<string, unknown> }>,
  extraArgs: string[] = [],
): Promise<CheckResult> {
  const folder = await Deno.makeTempDir({ prefix: "notebook_check_test_" });
  try {
    await Deno.mkdir(join(folder, "notebooks"));
    await Deno.mkdir(join(folder, "lib"));
    await Deno.writeTextFile(
      join(folder, "lib", "greeting.ts"),
      "export function greeting(name: string): string {\n  return `hello ${name}`;\n}\n",
    );
    const paths = [];
    for (const [name, spec] of Object.entries(notebooks)) {
      const text = Array.isArray(spec)
        ? notebookJson(spec)
        : notebookJson(spec.cells, spec.metadata);
      await Deno.writeTextFile(join(folder, "notebooks", name), text);
      paths.push(join("notebooks", name));
    }
    const deno = dirname(Deno.execPath());
    const output = await new Deno.Command(PYTHON, {
      args: [join(PROJECT_ROOT, "scripts", "run_notebooks.py"), "--check", ...extraArgs, ...paths],
      cwd: folder,
      env: { PATH: `${deno}:${Deno.env.get("PATH") ?? ""}`, NO_COLOR: "1" },
      stdout: "piped",
      stderr: "piped",
    }).output();
    const decoder = new TextDecoder();
    const leftovers = [];
    for await (const entry of Deno.readDir(join(folder, "notebooks"))) {
      if (!entry.name.endsWith(".ipynb")) leftovers.push(entry.name);
    }
    assert.deepEqual(leftovers, [], "the temporary TypeScript modules are removed");
    return {
      code: output.code,
      lines: decoder.decode(output.stdout).trimEnd().split("\n"),
      stderr: decoder.decode(output.stderr),
    };
  } finally {
    await Deno.remove(folder, { recursive: true });
  }
}

/** The violation lines (all stdout lines but the summary). */
const violations = (result: CheckResult) => result.lines.slice(0, -1);

function checkTest(name: string, fn: () => Promise<void>) {
  Deno.test({ name, ignore: missing !== undefined, fn });
}

const title: CellSpec = { markdown: "# A notebook\n\nWhat it shows.\n" };
const fifteenLines = Array.from({ length: 15 }, (_, index) => `const line${index} = ${index};`);

checkTest("a notebook that follows every rule passes with exit 0", async () => {
  const result = await check({
    "01_clean.ipynb": [
      title,
      { markdown: "Setup: a multi-line import (not counted) and fifteen counted lines.\n" },
      {
        code: [
          "import {",
          "  greeting,",
          '} from "../lib/greeting.ts";',
          "",
          ...fifteenLines,
          "",
        ].join("\n"),
      },
      { markdown: "A line of exactly 100 characters, a Jupyter display and top-level await.\n" },
      {
        code: `const longName = "${"x".repeat(80)}";\n` +
          'await Deno.jupyter.display({ "text/plain": greeting("you") }, { raw: true });\n' +
          "line14 + longName.length\n",
        outputs: [
          stream("the model's error is 0.5; a lowercase nan is no NaN value\n".slice(0, 40)),
        ],
      },
      { markdown: "A figure with its PNG; a Markdown table needs none; costs like $5 and $10.\n" },
      {
        code: "const show = async (item: unknown) => item;\n" +
          "const picture = 1, markdown = (text: string) => text;\n" +
          "await show(picture);\nawait show(markdown(`${line0}`));\n// await show(lostFigure);\n",
        outputs: [display({ "image/png": PNG, "text/plain": "a picture" })],
      },
      { markdown: "Code spans are not math: `${a}` and `$x$`.\n" },
      {
        code: "await show(markdown(`**cost** $5`));\n",
        outputs: [display({ "text/markdown": "**cost** $5, `$x$`" })],
      },
    ],
  });
  assert.deepEqual(result.lines, ["notebook check: 1 notebook, no violations"], result.stderr);
  assert.equal(result.code, 0);
});

checkTest("a code cell must follow a markdown cell that says something", async () => {
  const result = await check({
    "01_structure.ipynb": [
      { code: "const a = 1;\n" },
      { code: "const b = a;\n" },
      { raw: "raw text\n" },
      { code: "const c = b;\n" },
      { markdown: "\n" },
      { code: "const d = c;\n" },
      { markdown: "Says something.\n" },
      { code: "\n" },
    ],
  });
  assert.equal(result.code, 1);
  assert.deepEqual(violations(result), [
    "notebooks/01_structure.ipynb cell 1: the notebook starts with a code cell: open with a " +
    "markdown cell (title and overview)",
    "notebooks/01_structure.ipynb cell 2: code cell follows a code cell, not a markdown cell: " +
    "say in a markdown cell before it what it does",
    "notebooks/01_structure.ipynb cell 4: code cell follows a raw cell, not a markdown cell: " +
    "say in a markdown cell before it what it does",
    "notebooks/01_structure.ipynb cell 6: code cell follows an empty markdown cell: say in it " +
    "what the code cell does",
    "notebooks/01_structure.ipynb cell 8: empty code cell: delete it",
  ]);
  assert.equal(result.lines.at(-1), "notebook check: 5 violations in 1 of 1 notebook");
});

checkTest("a code cell of 16 lines, imports and blank lines aside, is too long", async () => {
  const result = await check({
    "01_long.ipynb": [
      title,
      {
        code: 'import { greeting } from "../lib/greeting.ts";\n\n' + fifteenLines.join("\n") +
          "\n\nconsole.log(greeting(String(line0)));\n",
      },
    ],
  });
  assert.deepEqual(violations(result), [
    "notebooks/01_long.ipynb cell 2: code cell has 16 lines (limit 15, imports and blank lines " +
    "aside): split it or move logic into lib/",
  ]);
  assert.equal(result.code, 1);
});

checkTest("lines over 100 characters are reported with their numbers and widths", async () => {
  const result = await check({
    "01_wide.ipynb": [
      title,
      { code: `const a = "${"x".repeat(87)}";\nconst b = "${"é".repeat(88)}";\n` },
      { markdown: "More.\n" },
      { code: `// ${"y".repeat(97)}\n// ${"z".repeat(120)}\n` },
    ],
  });
  assert.deepEqual(violations(result), [
    "notebooks/01_wide.ipynb cell 2: code wider than 100 characters (line 2 has 101)",
    "notebooks/01_wide.ipynb cell 4: code wider than 100 characters (line 2 has 123)",
  ]);
});

checkTest(
  "outputs with NaN, Error, Uncaught, an error or a quick-run marker are reported once per cell",
  async () => {
    const result = await check({
      "01_outputs.ipynb": [
        title,
        { code: "1;\n", outputs: [stream("Epoch 1, Test loss: NaN\nand NaN again\n")] },
        { markdown: "An error output.\n" },
        {
          code: "2;\n",
          outputs: [{
            output_type: "error",
            ename: "TypeError",
            evalue: "x is not a function",
            traceback: ["TypeError: x is not a function"],
          }],
        },
        { markdown: "Text that names errors, in three places.\n" },
        {
          code: "3;\n",
          outputs: [
            stream("Uncaught (in promise) RangeError: bad\n"),
            {
              output_type: "execute_result",
              execution_count: 1,
              data: { "application/json": { title: "test NaN" } },
              metadata: {},
            },
          ],
        },
        { markdown: "A quick run's banner.\n" },
        {
          code: "4;\n",
          outputs: [display({ "text/markdown": "Backend **wasm**, 2000 images (Quick mode)." })],
        },
      ],
    });
    assert.deepEqual(violations(result), [
      'notebooks/01_outputs.ipynb cell 2: output contains NaN: "Epoch 1, Test loss: NaN and NaN again"',
      "notebooks/01_outputs.ipynb cell 4: output is an error (TypeError: x is not a function)",
      'notebooks/01_outputs.ipynb cell 6: output contains Error: "Uncaught (in promise) RangeError: bad"',
      'notebooks/01_outputs.ipynb cell 6: output contains Uncaught: "Uncaught (in promise) RangeError: bad"',
      'notebooks/01_outputs.ipynb cell 6: output contains NaN: "{"title": "test NaN"}"',
      'notebooks/01_outputs.ipynb cell 8: output contains a quick-run marker: "…ackend **wasm**, ' +
      '2000 images (Quick mode)."',
    ]);
  },
);

checkTest("a notebook the runner stamped as a quick run is reported", async () => {
  const cells = [title, { code: "1;\n" }];
  const stamped = await check({
    "01_quick.ipynb": { cells, metadata: { fmnist_autoencoders: { quick_run: true } } },
  });
  assert.deepEqual(violations(stamped), [
    "notebooks/01_quick.ipynb: committed from a quick run (the runner's --quick, AE_QUICK=1): " +
    "rerun in full with `deno task notebooks --in-place`",
  ]);
  const full = await check({
    "01_full.ipynb": { cells, metadata: { fmnist_autoencoders: {} } },
  });
  assert.equal(full.code, 0, full.lines.join("\n"));
});

checkTest(
  "a cell that shows a figure needs a PNG output; Markdown, text and strings need none",
  async () => {
    const declarations = "declare const show: (item: unknown) => Promise<void>;\n" +
      "declare const picture: (png: Uint8Array) => unknown;\n" +
      "declare const markdown: (text: string) => unknown;\n" +
      "declare const plainText: (text: string) => unknown;\n" +
      "declare const liveTrainingDisplay: (options?: object) => unknown;\n" +
      "declare const png: Uint8Array;\n";
    const result = await check({
      "01_figures.ipynb": [
        title,
        { code: declarations },
        { markdown: "A picture whose PNG was lost.\n" },
        { code: "await show(\n  picture(png),\n);\n", outputs: [display({ "text/plain": "x" })] },
        { markdown: "Text displays.\n" },
        { code: 'await show(markdown("a"));\nawait show(plainText("b"));\nawait show(`c`);\n' },
        { markdown: "Live training that drew nothing.\n" },
        { code: "const callbacks = liveTrainingDisplay({ title: 't' });\n" },
        { markdown: "Live training that drew its chart.\n" },
        {
          code: "const drawn = liveTrainingDisplay();\n",
          outputs: [display({ "text/plain": "Epoch 1" }), display({ "image/png": PNG })],
        },
      ],
    });
    const message = "shows a figure (`show(` of a picture, or `liveTrainingDisplay(`) but has " +
      "no image/png output: the figure was lost or never drawn";
    assert.deepEqual(violations(result), [
      `notebooks/01_figures.ipynb cell 4: ${message}`,
      `notebooks/01_figures.ipynb cell 8: ${message}`,
    ]);
  },
);

checkTest(
  "LaTeX math in markdown or Markdown outputs is reported; dollar amounts and code are not",
  async () => {
    const result = await check({
      "01_math.ipynb": [
        title,
        { markdown: "Display math:\n\n$$z = \\mu + \\sigma \\cdot \\varepsilon$$\n" },
        { markdown: "Inline math $x$ and costs of $5 and $10.\n" },
        { markdown: "Parenthesised \\(a^2\\) math.\n" },
        { markdown: "In code only: `$x$`, `${name}`, and\n\n```ts\nconst t = `$${cost}`;\n```\n" },
        { markdown: "Unicode is fine: z = μ + σ·ε, KL = ½ Σⱼ (σⱼ² + μⱼ² − 1 − log σⱼ²).\n" },
        {
          code: "1;\n",
          outputs: [display({ "text/markdown": "KL $\\beta$ weighted", "text/plain": "KL" })],
        },
      ],
    });
    const advice = "which needs MathJax to render: write it in Unicode (μ, σ², Σⱼ, ½, ∼)";
    assert.deepEqual(violations(result), [
      `notebooks/01_math.ipynb cell 2: markdown has LaTeX math \`$$z = \\mu + \\sigma \\cdot ` +
      `\\varepsilon$$\`, ${advice}`,
      `notebooks/01_math.ipynb cell 3: markdown has LaTeX math \`$x$\`, ${advice}`,
      `notebooks/01_math.ipynb cell 4: markdown has LaTeX math \`\\(a^2\\)\`, ${advice}`,
      `notebooks/01_math.ipynb cell 7: Markdown output has LaTeX math \`$\\beta$\`, ${advice}`,
    ]);
  },
);

checkTest(
  "type errors are reported by notebook, cell and line, across cells and relative imports",
  async () => {
    const result = await check({
      "01_types.ipynb": [
        title,
        { code: 'import { greeting } from "../lib/greeting.ts";\nconst count = 3;\n' },
        { markdown: "A later cell uses both, one of them wrongly.\n" },
        { code: "const text = greeting(String(count));\nconst wrong: number = text;\n" },
      ],
      "02_imports.ipynb": [
        title,
        { code: 'import { farewell } from "../lib/greeting.ts";\nfarewell();\n' },
      ],
    });
    assert.equal(violations(result).length, 2, result.lines.join("\n"));
    assert.equal(
      violations(result)[0],
      "notebooks/01_types.ipynb cell 4: line 2: type check: TS2322 Type 'string' is not " +
        "assignable to type 'number'.",
    );
    assert.match(
      violations(result)[1],
      /^notebooks\/02_imports\.ipynb cell 2: line 1: type check: TS2305 Module .*greeting\.ts"' has no exported member 'farewell'\.$/,
    );
    assert.equal(result.code, 1);
  },
);

checkTest("a syntax error in one notebook does not hide the type errors of another", async () => {
  const result = await check({
    "01_syntax.ipynb": [title, { code: "const a = ;\n" }],
    "02_typed.ipynb": [title, { code: 'const n: number = "one";\n' }],
  });
  assert.deepEqual(violations(result), [
    "notebooks/01_syntax.ipynb cell 2: line 1: type check: SyntaxError: Expression expected",
    "notebooks/02_typed.ipynb cell 2: line 1: type check: TS2322 Type 'string' is not " +
    "assignable to type 'number'.",
  ]);
});

checkTest("--check runs nothing, so it refuses --in-place with exit 2", async () => {
  const result = await check({ "01_any.ipynb": [title] }, ["--in-place"]);
  assert.equal(result.code, 2);
  assert.match(result.stderr, /--check runs nothing, so it takes no --in-place or --quick/);
});
