#!/usr/bin/python3
"""Runs the project's notebooks headless on Deno's Jupyter kernel: `deno task notebooks`.

Usage:
  run_notebooks.py [NOTEBOOK_OR_FOLDER ...] [--in-place | --output-dir DIR] [--quick]
                   [--timeout SECONDS] [--grace SECONDS] [--no-display-check] [--fail-fast]
  run_notebooks.py --check [NOTEBOOK_OR_FOLDER ...]

Without arguments it runs every numbered notebook `notebooks/NN_*.ipynb` in order. Each notebook
runs on a fresh kernel whose working directory is the notebook's folder, with JUPYTER_PATH set to
the project's `jupyter/` folder (so the project's `deno` kernelspec is used).

Executed copies go to `runs/notebooks/` (ignored by git) unless `--in-place` is given, which
overwrites the notebooks themselves to commit full-run outputs; a notebook that fails is never
overwritten, its executed copy goes to the output folder instead.

A run with --quick (or AE_QUICK set) records `"fmnist_autoencoders": {"quick_run": true}` in the
notebook's metadata, so `--check` rejects a notebook committed from a quick run.

`--check` executes nothing: it runs the static checks of `notebook_check.py` (structure, cell
size, outputs, figures, equations, `deno check` of the code) and prints one line per violation;
it needs no Jupyter, only `deno`.

Exit status: 0 when every notebook passed (or --check found nothing), 1 when a cell raised, timed
out or the kernel died, or when a cell that calls `show(` or `liveTrainingDisplay(` produced no
display output (see `missing_displays`), or when --check found violations; 2 for bad arguments.

Needs Debian's python3-nbclient, jupyter-client and jupyter-nbconvert (python3-jupyter-client and
python3-nbformat are what is imported); run with /usr/bin/python3, not a pyenv python.
"""

from __future__ import annotations

import argparse
import os
import re
import signal
import sys
import time
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.dont_write_bytecode = True  # no scripts/__pycache__ in the work tree

from notebook_check import DISPLAY_CALL, LINE_COMMENT, QUICK_RUN_METADATA, check_notebooks

NUMBERED_NOTEBOOK = re.compile(r"^\d\d_.*\.ipynb$")
# AE_QUICK values that mean quick mode, as in lib/notebook/quick_mode.ts.
QUICK_WORDS = {"1", "true", "yes", "on"}


def import_jupyter() -> None:
    """Imports what executing notebooks needs (not --check), with a clear error when missing."""
    global nbformat, NotebookExecutor
    try:
        import nbformat
        from notebook_executor import NotebookExecutor
    except ModuleNotFoundError as error:
        sys.exit(
            f"run_notebooks.py could not import {error.name!r}: Jupyter is not installed for "
            f"{sys.executable}. Install it from Debian with `apt-get install -y "
            "--no-install-recommends python3-nbclient jupyter-client jupyter-nbconvert` and run "
            "this script with /usr/bin/python3."
        )


def parse_arguments(arguments: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="deno task notebooks",
        description="Run notebooks headless on Deno's Jupyter kernel and save executed copies.",
    )
    parser.add_argument(
        "paths",
        nargs="*",
        help="notebooks or folders (default: notebooks/NN_*.ipynb of the project)",
    )
    where = parser.add_mutually_exclusive_group()
    where.add_argument(
        "--in-place", action="store_true", help="overwrite each notebook with its executed copy"
    )
    where.add_argument(
        "--output-dir",
        default=str(PROJECT_ROOT / "runs" / "notebooks"),
        help="folder for executed copies (default: runs/notebooks)",
    )
    parser.add_argument(
        "--quick", action="store_true", help="set AE_QUICK=1 for the kernels (small, fast runs)"
    )
    parser.add_argument(
        "--timeout", type=float, default=3600, help="seconds one cell may run (default 3600)"
    )
    parser.add_argument(
        "--grace",
        type=float,
        default=0.5,
        help="seconds of silence to wait for after a cell went idle (default 0.5)",
    )
    parser.add_argument(
        "--startup-timeout",
        type=float,
        default=180,
        help="seconds the kernel may take to start (default 180)",
    )
    parser.add_argument(
        "--no-display-check",
        action="store_true",
        help="do not require display outputs from cells that call show( or liveTrainingDisplay(",
    )
    parser.add_argument(
        "--fail-fast", action="store_true", help="stop after the first failing notebook"
    )
    parser.add_argument("--kernel", default="deno", help="kernelspec name (default deno)")
    parser.add_argument(
        "--check",
        action="store_true",
        help="run nothing: check structure, cell size, outputs, figures, equations and types",
    )
    options = parser.parse_args(arguments)
    if options.check and (options.in_place or options.quick):
        parser.error("--check runs nothing, so it takes no --in-place or --quick")
    return options


def find_notebooks(paths: list[str]) -> list[Path]:
    """The notebooks to run: files as given, folders expanded to their NN_*.ipynb in order."""
    if not paths:
        paths = [str(PROJECT_ROOT / "notebooks")]
    notebooks: list[Path] = []
    for given in paths:
        path = Path(given).resolve()
        if path.is_dir():
            notebooks.extend(
                sorted(p for p in path.iterdir() if NUMBERED_NOTEBOOK.match(p.name))
            )
        elif path.is_file() and path.suffix == ".ipynb":
            notebooks.append(path)
        else:
            print(
                f"run_notebooks.py: {given!r} is neither a notebook (.ipynb) nor a folder. "
                "Pass notebook files or folders holding NN_*.ipynb notebooks.",
                file=sys.stderr,
            )
            raise SystemExit(2)
    return notebooks


def missing_displays(notebook) -> list[str]:
    """Cells that call show( or liveTrainingDisplay( but produced no display_data output.

    Lost outputs (the kernel's idle race) and show() not finding the kernel (it then writes a file
    and prints a path instead) both leave none, so this catches the two ways a figure goes missing.
    """
    problems = []
    for index, cell in enumerate(notebook.cells):
        if cell.cell_type != "code" or not DISPLAY_CALL.search(LINE_COMMENT.sub("", cell.source)):
            continue
        if not any(output.get("output_type") == "display_data" for output in cell.outputs):
            first_line = cell.source.strip().splitlines()[0][:60]
            problems.append(
                f"cell {index + 1} (starting `{first_line}`) calls show( or "
                "liveTrainingDisplay( but produced no display output: the figure was lost or "
                "show() did not detect the kernel. Rerun with a larger --grace, or check that "
                "the cell awaits show(...)."
            )
    return problems


def end_cells_with_newline(notebook) -> None:
    """Deno 2.9's `deno fmt --check` flags a notebook cell whose source lacks a final newline,
    while `deno fmt` writes them without one; so the copies this runner writes get one, and
    committed notebooks pass the check."""
    for cell in notebook.cells:
        if cell.source and not cell.source.endswith("\n"):
            cell.source += "\n"


def display_path(path: Path) -> str:
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def kernel_environment(quick: bool) -> dict[str, str]:
    environment = dict(os.environ)
    jupyter_folder = str(PROJECT_ROOT / "jupyter")
    existing = environment.get("JUPYTER_PATH")
    environment["JUPYTER_PATH"] = (
        jupyter_folder + os.pathsep + existing if existing else jupyter_folder
    )
    environment.setdefault("NO_COLOR", "1")
    if quick:
        environment["AE_QUICK"] = "1"
    return environment


def mark_quick_run(notebook, environment: dict[str, str]) -> None:
    """Records in the notebook's metadata whether this was a quick run, for `--check`."""
    if environment.get("AE_QUICK", "").strip().lower() in QUICK_WORDS:
        notebook.metadata[QUICK_RUN_METADATA] = {"quick_run": True}
    else:
        notebook.metadata.pop(QUICK_RUN_METADATA, None)


def run_one(path: Path, options: argparse.Namespace, environment: dict[str, str]) -> list[str]:
    """Executes one notebook, writes the executed copy, returns its problems (empty: passed)."""
    name = display_path(path)
    notebook = nbformat.read(path, as_version=4)
    notebook.metadata["kernelspec"] = {
        "name": options.kernel,
        "display_name": "Deno",
        "language": "typescript",
    }
    executor = NotebookExecutor(
        kernel_name=options.kernel,
        working_directory=str(path.parent),
        environment=environment,
        cell_timeout=options.timeout,
        grace_seconds=options.grace,
        startup_timeout=options.startup_timeout,
    )
    started = time.monotonic()
    print(f"--- {name}", flush=True)
    failure = executor.run(notebook)
    problems = [failure.describe(name)] if failure else []
    if not failure and not options.no_display_check:
        problems += [f"{name}: {problem}" for problem in missing_displays(notebook)]
    if options.in_place and not problems:
        target = path
    else:
        output_folder = Path(options.output_dir)
        output_folder.mkdir(parents=True, exist_ok=True)
        target = output_folder / path.name
    end_cells_with_newline(notebook)
    mark_quick_run(notebook, environment)
    nbformat.write(notebook, target)
    images = sum(
        "image/png" in output.get("data", {})
        for cell in notebook.cells
        if cell.cell_type == "code"
        for output in cell.outputs
    )
    verdict = "FAILED" if problems else "ok"
    print(
        f"{verdict} {name} in {time.monotonic() - started:.1f} s, {images} PNG outputs, "
        f"written to {display_path(target)}",
        flush=True,
    )
    for problem in problems:
        print(f"error: {problem}", file=sys.stderr, flush=True)
    return problems


def check(notebooks: list[Path]) -> int:
    """`--check`: prints every violation, one per line, and a summary; 1 when any was found."""
    violations = check_notebooks(notebooks, PROJECT_ROOT)
    for violation in violations:
        print(violation)
    names = {display_path(path) for path in notebooks}
    failed = len({violation.where for violation in violations} & names)
    checked = f"{len(notebooks)} notebook" + ("s" if len(notebooks) != 1 else "")
    if violations:
        count = f"{len(violations)} violation" + ("s" if len(violations) != 1 else "")
        print(f"notebook check: {count} in {failed} of {checked}", flush=True)
        return 1
    print(f"notebook check: {checked}, no violations", flush=True)
    return 0


def stop_on_terminate(signal_number, frame) -> None:
    """Turns SIGTERM into SystemExit so the kernel is shut down on the way out: kernels run in
    their own session and would otherwise outlive a killed runner."""
    raise SystemExit(128 + signal_number)


def main(arguments: list[str]) -> int:
    signal.signal(signal.SIGTERM, stop_on_terminate)
    options = parse_arguments(arguments)
    notebooks = find_notebooks(options.paths)
    if not notebooks:
        print("run_notebooks.py: no NN_*.ipynb notebooks found; nothing to run.")
        return 0
    if options.check:
        return check(notebooks)
    import_jupyter()
    environment = kernel_environment(options.quick)
    # The kernelspec is looked up in this process, the kernel inherits the rest.
    os.environ["JUPYTER_PATH"] = environment["JUPYTER_PATH"]
    problems: list[str] = []
    passed = failed = 0
    for path in notebooks:
        found = run_one(path, options, environment)
        problems += found
        passed += not found
        failed += bool(found)
        if found and options.fail_fast:
            break
    if len(notebooks) > 1 and problems:
        print("\nfailures:", file=sys.stderr)
        for problem in problems:
            print(f"  {problem}", file=sys.stderr)
        sys.stderr.flush()
    print(f"notebooks: {passed} passed, {failed} failed")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
