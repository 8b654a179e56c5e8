"""Static checks of the committed notebooks: `deno task notebooks --check [NOTEBOOK...]`.

Nothing is executed. Each rule gives one line per violation, `PATH cell N: what is wrong`, with
cells numbered from 1 over all cells (markdown included), as in the runner's messages:

* structure: every code cell directly follows a markdown cell that says something; no empty code
  cells;
* size: a code cell has at most MAX_CELL_LINES lines, not counting import statements and blank
  lines, and no line wider than MAX_LINE_WIDTH characters;
* outputs: no error output, and no output text containing `NaN`, `Error`, `Uncaught` or a
  quick-run marker (the words "quick mode"/"quick run", which the notebooks print when AE_QUICK is
  set, or the metadata the runner stamps on a notebook it ran with --quick);
* figures: a cell that shows a figure (calls `liveTrainingDisplay(`, or `show(` with anything
  but `markdown(...)`, `plainText(...)` or a string) has an image/png output;
* equations: no LaTeX math (`$...$`, `$$...$$`, `\\(...\\)`, `\\[...\\]`, `\\begin{...}`) in
  markdown cells or Markdown outputs: it renders only where MathJax can be fetched, so equations
  are written in Unicode (README, "Notebook check");
* types: each notebook's code cells, in order, form one TypeScript module written next to the
  notebook (so `../lib/...` imports resolve as in the kernel) and checked by `deno check`; errors
  are reported by cell and line.

Plain Python (json, re, subprocess): needs no Jupyter, only `deno` on PATH for the type check.
"""

from __future__ import annotations

import dataclasses
import json
import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path
from urllib.parse import unquote, urlparse

MAX_CELL_LINES = 15
MAX_LINE_WIDTH = 100

# A call of the display adapter (lib/notebook): show(item) or liveTrainingDisplay(options).
DISPLAY_CALL = re.compile(r"(?<![\w$])(show|liveTrainingDisplay)\s*\(")
LINE_COMMENT = re.compile(r"//.*$", re.MULTILINE)
# show(...) of these shows text, not a figure.
TEXT_ITEM = re.compile(r"""\s*(await\s+)?(markdown|plainText)\s*\(|\s*["'`]""")

# Where the runner records that it ran a notebook in quick mode (AE_QUICK).
QUICK_RUN_METADATA = "fmnist_autoencoders"
FORBIDDEN_OUTPUT = [
    ("NaN", re.compile(r"\bNaN\b")),
    ("Error", re.compile(r"Error")),
    ("Uncaught", re.compile(r"Uncaught")),
    ("a quick-run marker", re.compile(r"\bquick[ -](mode|run)\b", re.IGNORECASE)),
]

IMPORT_START = re.compile(r"^\s*import(\s|\{|\*|\"|')")
IMPORT_END = re.compile(r"""(\bfrom\s*|^\s*import\s*)(["'])[^"']*\2""")

FENCED_CODE = re.compile(r"^(```|~~~).*?^\1[^\n]*$", re.MULTILINE | re.DOTALL)
CODE_SPAN = re.compile(r"(`+)(?!`).*?(?<!`)\1(?!`)", re.DOTALL)
LATEX = re.compile(
    r"\$\$.+?\$\$"  # display math
    r"|(?<![\\$\w])\$(?![\s$])[^$\n]*?[^\s\\$]\$(?![\d$])"  # inline $x$, not "$5 and $10"
    r"|(?<![\\$\w])\$[^\s$\\]\$(?![\d$])"  # one-character inline math, $x$
    r"|\\\(.+?\\\)|\\\[.+?\\\]|\\begin\{",
    re.DOTALL,
)

DENO_ERROR_HEADER = re.compile(r"^(TS\d+) \[ERROR\]: (.*)$|^error: (.*)$")
DENO_ERROR_PLACE = re.compile(r"^\s+at (file://\S+?):(\d+):(\d+)\s*$")
ANSI = re.compile(r"\x1b\[[0-9;]*m")


@dataclasses.dataclass(frozen=True)
class Violation:
    """One finding: `where` names a notebook (or a file), `cell` is 1-based (0: the whole file)."""

    where: str
    cell: int
    message: str

    def __str__(self) -> str:
        if self.cell == 0:
            return f"{self.where}: {self.message}"
        return f"{self.where} cell {self.cell}: {self.message}"


@dataclasses.dataclass
class Cell:
    number: int  # 1-based over all cells
    kind: str
    source: str
    outputs: list[dict]


def joined(value) -> str:
    """nbformat stores multi-line strings as lists of lines."""
    return "".join(value) if isinstance(value, list) else str(value)


def read_cells(notebook: dict) -> list[Cell]:
    return [
        Cell(index + 1, cell.get("cell_type", ""), joined(cell.get("source", "")),
             cell.get("outputs", []) or [])
        for index, cell in enumerate(notebook.get("cells", []))
    ]


def snippet(text: str, start: int, end: int, width: int = 30) -> str:
    before = text[max(0, start - width):start]
    after = text[end:end + width]
    shown = (("…" if start > width else "") + before + text[start:end] + after +
             ("…" if end + width < len(text) else ""))
    return " ".join(shown.split())


# --- structure -------------------------------------------------------------------------------


def structure_problems(cells: list[Cell]) -> list[tuple[int, str]]:
    problems = []
    for index, cell in enumerate(cells):
        if cell.kind != "code":
            continue
        if not cell.source.strip():
            problems.append((cell.number, "empty code cell: delete it"))
            continue
        previous = cells[index - 1] if index > 0 else None
        if previous is None:
            problems.append((cell.number, "the notebook starts with a code cell: open with a "
                             "markdown cell (title and overview)"))
        elif previous.kind != "markdown":
            problems.append((cell.number, f"code cell follows a {previous.kind} cell, not a "
                             "markdown cell: say in a markdown cell before it what it does"))
        elif not previous.source.strip():
            problems.append((cell.number, "code cell follows an empty markdown cell: say in it "
                             "what the code cell does"))
    return problems


# --- size ------------------------------------------------------------------------------------


def import_lines(lines: list[str]) -> set[int]:
    """Indexes of the lines that belong to static import statements (also multi-line ones)."""
    found: set[int] = set()
    inside = False
    for index, line in enumerate(lines):
        if not inside and IMPORT_START.match(line):
            inside = True
        if inside:
            found.add(index)
            if IMPORT_END.search(line):
                inside = False
    return found


def counted_lines(source: str) -> int:
    """Lines that count against MAX_CELL_LINES: neither blank nor part of an import."""
    lines = source.splitlines()
    imports = import_lines(lines)
    return sum(1 for index, line in enumerate(lines) if line.strip() and index not in imports)


def size_problems(cells: list[Cell]) -> list[tuple[int, str]]:
    problems = []
    for cell in cells:
        if cell.kind != "code" or not cell.source.strip():
            continue
        count = counted_lines(cell.source)
        if count > MAX_CELL_LINES:
            problems.append((cell.number, f"code cell has {count} lines (limit {MAX_CELL_LINES}, "
                             "imports and blank lines aside): split it or move logic into lib/"))
        wide = [(number, len(line)) for number, line in enumerate(cell.source.splitlines(), 1)
                if len(line) > MAX_LINE_WIDTH]
        if wide:
            where = ", ".join(f"line {number} has {width}" for number, width in wide)
            problems.append((cell.number, f"code wider than {MAX_LINE_WIDTH} characters ({where})"))
    return problems


# --- outputs ---------------------------------------------------------------------------------


def output_texts(output: dict) -> list[str]:
    """The text a reader could see in an output (images left out)."""
    texts = []
    if "text" in output:
        texts.append(joined(output["text"]))
    for mime, value in (output.get("data") or {}).items():
        if mime.startswith("image/"):
            continue
        if isinstance(value, (dict, list)) and not (
            isinstance(value, list) and all(isinstance(item, str) for item in value)
        ):
            texts.append(json.dumps(value, ensure_ascii=False))
        else:
            texts.append(joined(value))
    return texts


def output_problems(cells: list[Cell], metadata: dict) -> list[tuple[int, str]]:
    problems = []
    stamp = metadata.get(QUICK_RUN_METADATA)
    if isinstance(stamp, dict) and stamp.get("quick_run"):
        problems.append((0, "committed from a quick run (the runner's --quick, AE_QUICK=1): "
                         "rerun in full with `deno task notebooks --in-place`"))
    for cell in cells:
        if cell.kind != "code":
            continue
        reported = set()
        for output in cell.outputs:
            if output.get("output_type") == "error":
                summary = f"{output.get('ename', '')}: {output.get('evalue', '')}".strip(": ")
                problems.append((cell.number, f"output is an error ({summary[:80]})"))
                continue
            for text in output_texts(output):
                for label, pattern in FORBIDDEN_OUTPUT:
                    match = pattern.search(text)
                    if match and label not in reported:
                        reported.add(label)
                        shown = snippet(text, match.start(), match.end())
                        problems.append((cell.number, f"output contains {label}: \"{shown}\""))
    return problems


# --- figures ---------------------------------------------------------------------------------


def shows_figure(source: str) -> bool:
    code = LINE_COMMENT.sub("", source)
    for call in DISPLAY_CALL.finditer(code):
        if call.group(1) == "liveTrainingDisplay" or not TEXT_ITEM.match(code, call.end()):
            return True
    return False


def has_png(cell: Cell) -> bool:
    return any("image/png" in (output.get("data") or {}) for output in cell.outputs)


def figure_problems(cells: list[Cell]) -> list[tuple[int, str]]:
    return [
        (cell.number, "shows a figure (`show(` of a picture, or `liveTrainingDisplay(`) but has "
         "no image/png output: the figure was lost or never drawn")
        for cell in cells
        if cell.kind == "code" and shows_figure(cell.source) and not has_png(cell)
    ]


# --- equations -------------------------------------------------------------------------------


def prose_without_code(markdown: str) -> str:
    return CODE_SPAN.sub(" ", FENCED_CODE.sub(" ", markdown))


def latex_problems(cells: list[Cell]) -> list[tuple[int, str]]:
    problems = []
    for cell in cells:
        if cell.kind == "markdown":
            places = [("markdown", cell.source)]
        elif cell.kind == "code":
            places = [("Markdown output", joined(output["data"]["text/markdown"]))
                      for output in cell.outputs
                      if "text/markdown" in (output.get("data") or {})]
        else:
            continue
        for place, text in places:
            match = LATEX.search(prose_without_code(text))
            if match:
                formula = " ".join(match.group(0).split())
                formula = formula if len(formula) <= 50 else formula[:49] + "…"
                problems.append((cell.number, f"{place} has LaTeX math `{formula}`, which needs "
                                 "MathJax to render: write it in Unicode (μ, σ², Σⱼ, ½, ∼)"))
    return problems


# --- types -----------------------------------------------------------------------------------


@dataclasses.dataclass
class Module:
    """A notebook's code cells as one TypeScript module; `places[i]` = (cell, line) of line i+1."""

    notebook: str
    path: Path
    places: list[tuple[int, int]]


def module_source(cells: list[Cell]) -> tuple[str, list[tuple[int, int]]]:
    lines: list[str] = []
    places: list[tuple[int, int]] = []
    for cell in cells:
        if cell.kind != "code":
            continue
        for number, line in enumerate(cell.source.splitlines(), 1):
            lines.append(line)
            places.append((cell.number, number))
    lines.append("export {};")  # a module even without imports: top-level await, own scope
    places.append((0, 0))
    return "\n".join(lines) + "\n", places


def parse_deno_errors(text: str) -> list[tuple[str, str, int]]:
    """(message, file path, line) of every located error in `deno check` output."""
    errors = []
    header = None
    for line in ANSI.sub("", text).splitlines():
        heading = DENO_ERROR_HEADER.match(line)
        if heading:
            header = (f"{heading.group(1)} {heading.group(2)}" if heading.group(1)
                      else heading.group(3))
            continue
        place = DENO_ERROR_PLACE.match(line)
        if place and header:
            errors.append((header, unquote(urlparse(place.group(1)).path), int(place.group(2))))
            header = None
    return errors


def run_deno_check(deno: str, modules: list[Module], root: Path) -> tuple[str, int]:
    environment = dict(os.environ, NO_COLOR="1")
    result = subprocess.run(
        [deno, "check", *(str(module.path) for module in modules)],
        cwd=root, env=environment, capture_output=True, text=True,
    )
    return result.stdout + result.stderr, result.returncode


def type_problems(notebooks: list[tuple[str, Path, list[Cell]]], root: Path) -> list[Violation]:
    """`deno check` on every notebook's cells at once; errors mapped back to cell and line."""
    deno = shutil.which("deno")
    if deno is None:
        return [Violation("type check", 0, "`deno` is not on PATH: install Deno 2.9.6 "
                          "(`npm install -g deno@2.9.6`) to type-check the notebooks")]
    modules: list[Module] = []
    violations: list[Violation] = []
    try:
        for name, path, cells in notebooks:
            source, places = module_source(cells)
            handle, temporary = tempfile.mkstemp(
                prefix=f".nbcheck-{path.stem}-", suffix=".ts", dir=path.parent)
            with os.fdopen(handle, "w", encoding="utf-8") as file:
                file.write(source)
            modules.append(Module(name, Path(temporary).resolve(), places))
        remaining = list(modules)
        while remaining:
            text, code = run_deno_check(deno, remaining, root)
            if code == 0:
                break
            by_path = {str(module.path): module for module in remaining}
            errors = parse_deno_errors(text)
            if not errors:
                last = [line for line in ANSI.sub("", text).splitlines() if line.strip()]
                violations.append(Violation("type check", 0, "`deno check` failed: " +
                                            (last[0] if last else f"exit status {code}")))
                break
            unparsed = set()
            for message, file, line in errors:
                module = by_path.get(file)
                if module is None:
                    violations.append(Violation(display_path(Path(file)), 0,
                                                f"line {line}: {message}"))
                    continue
                if not re.match(r"TS\d+ ", message):
                    unparsed.add(file)  # a syntax error stops deno check: check the rest again
                cell, cell_line = module.places[min(line, len(module.places)) - 1]
                violations.append(Violation(module.notebook, cell,
                                            f"line {cell_line}: type check: {message}"))
            if not unparsed:
                break
            remaining = [module for module in remaining if str(module.path) not in unparsed]
    finally:
        for module in modules:
            module.path.unlink(missing_ok=True)
    return violations


# --- all checks ------------------------------------------------------------------------------


def display_path(path: Path) -> str:
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def check_notebooks(paths: list[Path], root: Path) -> list[Violation]:
    """Every violation in `paths`, by notebook and cell; `root` is where `deno check` runs."""
    violations: list[Violation] = []
    readable: list[tuple[str, Path, list[Cell]]] = []
    for path in paths:
        name = display_path(path)
        try:
            notebook = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
            violations.append(Violation(name, 0, f"cannot be read as a notebook: {error}"))
            continue
        cells = read_cells(notebook)
        found = (structure_problems(cells) + size_problems(cells) +
                 output_problems(cells, notebook.get("metadata") or {}) +
                 figure_problems(cells) + latex_problems(cells))
        violations += [Violation(name, cell, message) for cell, message in found]
        readable.append((name, path, cells))
    if readable:
        violations += type_problems(readable, root)
    order = {display_path(path): index for index, path in enumerate(paths)}
    return sorted(violations, key=lambda found: (order.get(found.where, len(order)), found.cell))
