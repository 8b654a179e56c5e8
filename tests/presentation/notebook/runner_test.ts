/**
 * Tests of scripts/run_notebooks.py against fixture notebooks on Deno's real Jupyter kernel.
 * They need Jupyter from Debian (python3-nbclient, jupyter-client, jupyter-nbconvert) and
 * `--allow-run`; without either they are skipped with a message saying what is missing.
 */
import assert from "node:assert/strict";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const PROJECT_ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
const FIXTURES = join(PROJECT_ROOT, "tests", "fixtures", "notebooks");
const PYTHON = "/usr/bin/python3";

interface Output {
  output_type: string;
  name?: string;
  text?: string;
  data?: Record<string, unknown>;
  ename?: string;
}
interface Notebook {
  cells: { cell_type: string; source: string; outputs?: Output[]; execution_count?: number }[];
}

function missingPrerequisite(): string | undefined {
  if (Deno.permissions.querySync({ name: "run" }).state !== "granted") {
    return "they need --allow-run to start the runner (deno test --allow-run ...)";
  }
  try {
    const check = new Deno.Command(PYTHON, {
      args: ["-c", "import jupyter_client, nbformat"],
      stdout: "null",
      stderr: "null",
    }).outputSync();
    if (!check.success) {
      return "Jupyter is not installed: apt-get install -y --no-install-recommends " +
        "python3-nbclient jupyter-client jupyter-nbconvert";
    }
  } catch {
    return `${PYTHON} was not found; install Debian's python3 and Jupyter packages`;
  }
  return undefined;
}

const missing = missingPrerequisite();
if (missing) console.warn(`Skipping the notebook runner tests: ${missing}.`);

async function runNotebooks(...args: string[]) {
  const { code, stdout, stderr } = await new Deno.Command(PYTHON, {
    args: [join(PROJECT_ROOT, "scripts", "run_notebooks.py"), ...args],
    cwd: PROJECT_ROOT,
    stdout: "piped",
    stderr: "piped",
  }).output();
  const decoder = new TextDecoder();
  return { code, stdout: decoder.decode(stdout), stderr: decoder.decode(stderr) };
}

/** Reads a notebook, joining the line lists nbformat writes for multi-line strings. */
async function readNotebook(path: string): Promise<Notebook> {
  const join = (value: unknown) => Array.isArray(value) ? value.join("") : value;
  const notebook: Notebook = JSON.parse(await Deno.readTextFile(path));
  for (const cell of notebook.cells) {
    cell.source = join(cell.source) as string;
    for (const output of cell.outputs ?? []) {
      if (output.text !== undefined) output.text = join(output.text) as string;
      for (const [type, value] of Object.entries(output.data ?? {})) {
        output.data![type] = type.endsWith("json") ? value : join(value);
      }
    }
  }
  return notebook;
}

const codeCells = (notebook: Notebook) =>
  notebook.cells.filter((cell) => cell.cell_type === "code");
const streamText = (outputs: Output[] = []) =>
  outputs.filter((output) => output.output_type === "stream").map((output) => output.text).join("");

function runnerTest(name: string, body: (folder: string) => Promise<void>) {
  Deno.test({
    name,
    ignore: missing !== undefined,
    async fn() {
      const folder = await Deno.makeTempDir({ prefix: "run_notebooks_test_" });
      try {
        await body(folder);
      } finally {
        await Deno.remove(folder, { recursive: true });
      }
    },
  });
}

runnerTest(
  "a passing notebook exits 0 and its executed copy holds every output",
  async (folder) => {
    const source = join(FIXTURES, "passing.ipynb");
    const before = await Deno.readTextFile(source);
    const result = await runNotebooks(source, "--output-dir", folder);
    assert.equal(result.code, 0, result.stdout + result.stderr);
    assert.match(result.stdout, /notebooks: 1 passed, 0 failed/);
    assert.equal(await Deno.readTextFile(source), before, "the fixture itself is not rewritten");
    const cells = codeCells(await readNotebook(join(folder, "passing.ipynb")));
    assert.equal(streamText(cells[0].outputs), "answer: 42\n");
    assert.equal(streamText(cells[1].outputs), "printed after an await\n");
    const lines = streamText(cells[2].outputs).trimEnd().split("\n");
    assert.equal(lines.length, 300, "all 300 lines, including those sent after the cell went idle");
    assert.equal(lines[299], "line 299");
    assert.deepEqual(cells[3].outputs?.map((output) => output.data?.["text/plain"]), ["true"]);
    assert.deepEqual(cells.map((cell) => cell.execution_count), [1, 2, 3, 4]);
  },
);

runnerTest(
  "a notebook whose cell throws exits non-zero naming the notebook and cell",
  async (folder) => {
    const result = await runNotebooks(join(FIXTURES, "throwing.ipynb"), "--output-dir", folder);
    assert.equal(result.code, 1);
    assert.match(
      result.stderr,
      /throwing\.ipynb: cell 2 \(code cell 2, starting `\/\/ the second code cell fails`\) raised Error: fixture failure on purpose/,
    );
    const cells = codeCells(await readNotebook(join(folder, "throwing.ipynb")));
    assert.equal(streamText(cells[0].outputs), "first cell runs\n");
    assert.equal(cells[1].outputs?.[0].output_type, "error");
    assert.deepEqual(cells[2].outputs, [], "cells after the failure do not run");
  },
);

runnerTest("a cell that runs past --timeout fails the notebook naming the cell", async (folder) => {
  const result = await runNotebooks(
    join(FIXTURES, "slow.ipynb"),
    "--output-dir",
    folder,
    "--timeout",
    "2",
  );
  assert.equal(result.code, 1);
  assert.match(result.stderr, /slow\.ipynb: cell 1 \(code cell 1, .*\) timed out after 2 s/);
});

runnerTest(
  "a cell that calls show( but displays nothing fails the display check",
  async (folder) => {
    const notebook = join(FIXTURES, "lost_display.ipynb");
    const result = await runNotebooks(notebook, "--output-dir", folder);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /lost_display\.ipynb: cell 1 .* produced no display output/);
    const unchecked = await runNotebooks(notebook, "--output-dir", folder, "--no-display-check");
    assert.equal(unchecked.code, 0, unchecked.stderr);
  },
);

runnerTest(
  "show() in the kernel records PNGs, the Vega-Lite spec and the final live display with every epoch line",
  async (folder) => {
    const result = await runNotebooks(join(FIXTURES, "display.ipynb"), "--output-dir", folder);
    assert.equal(result.code, 0, result.stdout + result.stderr);
    const cells = codeCells(await readNotebook(join(folder, "display.ipynb")));
    const displays = (index: number) =>
      (cells[index].outputs ?? []).filter((output) => output.output_type === "display_data");
    assert.ok(displays(1)[0].data?.["image/png"], "the image grid is a PNG");
    assert.ok(displays(2)[0].data?.["image/png"], "the chart is a PNG");
    assert.ok(displays(2)[0].data?.["application/vnd.vegalite.v5+json"], "with its spec");
    assert.equal(displays(3)[0].data?.["text/markdown"], "**bold** text from the fixture");
    const live = displays(4);
    assert.equal(live.length, 2, "one status display and one chart, updated in place");
    const epochLines = (live[0].data?.["text/plain"] as string).split("\n");
    assert.equal(epochLines.length, 3, "the status keeps one line per finished epoch");
    assert.match(epochLines[0], /^Epoch 1, Loss: 1\.0e\+00, Test loss: 1\.1e\+00/);
    assert.match(epochLines[2], /^Epoch 3, Loss: 3\.3e-01, Test loss: 3\.7e-01/);
    const spec = live[1].data?.["application/vnd.vegalite.v5+json"] as { title: string };
    assert.equal(spec.title, "Fixture: epoch 3/3, train 0.3333, test 0.3667");
    const cellsEndingInShow = [1, 2, 3].map((index) =>
      (cells[index].outputs ?? []).some((output) => output.output_type === "execute_result")
    );
    assert.deepEqual(cellsEndingInShow, [false, false, false], "await show(...) adds no result");
  },
);

runnerTest(
  "--in-place runs a folder's numbered notebooks in that folder and rewrites them",
  async (folder) => {
    const notebooks = join(folder, "notebooks");
    await Deno.mkdir(notebooks);
    await Deno.copyFile(join(FIXTURES, "passing.ipynb"), join(notebooks, "01_passing.ipynb"));
    await Deno.copyFile(join(FIXTURES, "slow.ipynb"), join(notebooks, "slow_not_numbered.ipynb"));
    const result = await runNotebooks(notebooks, "--in-place");
    assert.equal(result.code, 0, result.stdout + result.stderr);
    assert.match(result.stdout, /notebooks: 1 passed, 0 failed/);
    const cells = codeCells(await readNotebook(join(notebooks, "01_passing.ipynb")));
    assert.equal(streamText(cells[0].outputs), "answer: 42\n");
    assert.deepEqual(
      cells[3].outputs?.map((output) => output.data?.["text/plain"]),
      ["true"],
      "the kernel's working directory is the notebook's folder",
    );
  },
);

runnerTest(
  "a --quick run is recorded in the notebook's metadata, which --check rejects",
  async (folder) => {
    const source = join(FIXTURES, "passing.ipynb");
    const quick = await runNotebooks(source, "--output-dir", folder, "--quick");
    assert.equal(quick.code, 0, quick.stdout + quick.stderr);
    const executed = join(folder, "passing.ipynb");
    const metadata = JSON.parse(await Deno.readTextFile(executed)).metadata;
    assert.deepEqual(metadata.fmnist_autoencoders, { quick_run: true });
    const checked = await runNotebooks("--check", executed);
    assert.equal(checked.code, 1);
    assert.match(checked.stdout, /passing\.ipynb: committed from a quick run/);

    const full = await runNotebooks(executed, "--output-dir", join(folder, "full"));
    assert.equal(full.code, 0, full.stdout + full.stderr);
    const rerun = JSON.parse(await Deno.readTextFile(join(folder, "full", "passing.ipynb")));
    assert.equal(rerun.metadata.fmnist_autoencoders, undefined, "a full run removes the mark");
  },
);
