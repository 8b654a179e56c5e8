"""Executes one Jupyter notebook on a kernel and records every output, including late ones.

Deno's kernel (2.9) sometimes reports a cell `idle` before all of its outputs have been sent on
the IOPub channel. `jupyter nbconvert --execute` stops listening at `idle` and silently drops
them. This executor instead:

* routes every IOPub message to the cell whose request is its parent, at any time, so output
  that arrives while a later cell runs still lands in the right cell;
* after a cell's `idle` (and its execute reply) keeps reading until the cell has been quiet for
  a grace period;
* treats a cell as failed when its execute reply says `error` even if the `error` message itself
  was lost, and when it runs past its time limit or the kernel dies.

Used by `run_notebooks.py`; needs only Debian's python3-jupyter-client and python3-nbformat.
"""

from __future__ import annotations

import dataclasses
import queue
import time
from typing import Any

import nbformat
from jupyter_client.kernelspec import NoSuchKernel
from jupyter_client.manager import KernelManager


@dataclasses.dataclass
class CellFailure:
    """Why a notebook stopped: which cell (1-based among all cells) and what went wrong."""

    cell_number: int
    code_cell_number: int
    first_line: str
    reason: str

    def describe(self, notebook_path: str) -> str:
        if self.cell_number == 0:
            return f"{notebook_path}: {self.reason}"
        return (
            f"{notebook_path}: cell {self.cell_number} (code cell {self.code_cell_number}, "
            f"starting `{self.first_line}`) {self.reason}"
        )


class _CellOutputs:
    """Builds one cell's nbformat outputs from IOPub messages, the way nbclient does."""

    def __init__(self, cell: Any, display_outputs: dict[str, list[dict]]):
        self.cell = cell
        self.cell.outputs = []
        self.display_outputs = display_outputs
        self.clear_before_next_output = False
        self.saw_error = False

    def _append(self, output: dict) -> None:
        if self.clear_before_next_output:
            self.cell.outputs = []
            self.clear_before_next_output = False
        self.cell.outputs.append(output)

    def handle(self, message: dict) -> None:
        kind = message["msg_type"]
        content = message["content"]
        if kind == "stream":
            outputs = self.cell.outputs
            if (
                not self.clear_before_next_output
                and outputs
                and outputs[-1].get("output_type") == "stream"
                and outputs[-1].get("name") == content["name"]
            ):
                outputs[-1]["text"] += content["text"]
            else:
                self._append(
                    nbformat.v4.new_output("stream", name=content["name"], text=content["text"])
                )
        elif kind == "display_data":
            output = nbformat.v4.new_output(
                "display_data", data=content["data"], metadata=content.get("metadata", {})
            )
            self._append(output)
            display_id = (content.get("transient") or {}).get("display_id")
            if display_id:
                self.display_outputs.setdefault(display_id, []).append(output)
        elif kind == "update_display_data":
            display_id = (content.get("transient") or {}).get("display_id")
            for output in self.display_outputs.get(display_id, []):
                output["data"] = content["data"]
                output["metadata"] = content.get("metadata", {})
        elif kind == "execute_result":
            self._append(
                nbformat.v4.new_output(
                    "execute_result",
                    data=content["data"],
                    metadata=content.get("metadata", {}),
                    execution_count=content.get("execution_count"),
                )
            )
        elif kind == "error":
            self.saw_error = True
            self._append(
                nbformat.v4.new_output(
                    "error",
                    ename=content.get("ename", "Error"),
                    evalue=content.get("evalue", ""),
                    traceback=content.get("traceback", []),
                )
            )
        elif kind == "clear_output":
            if content.get("wait"):
                self.clear_before_next_output = True
            else:
                self.cell.outputs = []
        elif kind == "execute_input":
            self.cell.execution_count = content.get("execution_count")


class NotebookExecutor:
    """Runs the code cells of one notebook in order on a fresh kernel started in `working_directory`."""

    def __init__(
        self,
        kernel_name: str,
        working_directory: str,
        environment: dict[str, str],
        cell_timeout: float,
        grace_seconds: float,
        startup_timeout: float,
    ):
        self.kernel_name = kernel_name
        self.working_directory = working_directory
        self.environment = environment
        self.cell_timeout = cell_timeout
        self.grace_seconds = grace_seconds
        self.startup_timeout = startup_timeout

    def run(self, notebook: Any) -> CellFailure | None:
        """Executes `notebook` in place (its outputs are replaced); returns the first failure."""
        manager = KernelManager(kernel_name=self.kernel_name)
        try:
            manager.start_kernel(cwd=self.working_directory, env=self.environment)
        except (NoSuchKernel, OSError) as error:
            return CellFailure(
                0,
                0,
                "",
                f"could not start the {self.kernel_name!r} kernel ({error!r}); expected the "
                "kernelspec jupyter/kernels/deno/kernel.json and `deno` on PATH",
            )
        client = manager.client()
        client.start_channels()
        try:
            try:
                client.wait_for_ready(timeout=self.startup_timeout)
            except RuntimeError as error:
                return CellFailure(0, 0, "", f"could not start the kernel: {error}")
            info = client.kernel_info(reply=True, timeout=30)["content"]
            notebook.metadata["language_info"] = info.get("language_info", {})
            return self._run_cells(notebook, manager, client)
        finally:
            client.stop_channels()
            manager.shutdown_kernel(now=True)

    def _run_cells(self, notebook: Any, manager: Any, client: Any) -> CellFailure | None:
        cells_by_request: dict[str, _CellOutputs] = {}
        display_outputs: dict[str, list[dict]] = {}
        code_cell_number = 0
        for index, cell in enumerate(notebook.cells):
            if cell.cell_type != "code":
                continue
            code_cell_number += 1
            cell.execution_count = None
            if not cell.source.strip():
                cell.outputs = []
                continue
            outputs = _CellOutputs(cell, display_outputs)
            request = client.execute(cell.source, store_history=True, allow_stdin=False)
            cells_by_request[request] = outputs
            reason = self._wait_for_cell(request, outputs, cells_by_request, manager, client)
            if reason is not None:
                first_line = cell.source.strip().splitlines()[0][:60]
                return CellFailure(index + 1, code_cell_number, first_line, reason)
        return None

    def _wait_for_cell(
        self,
        request: str,
        outputs: _CellOutputs,
        cells_by_request: dict[str, _CellOutputs],
        manager: Any,
        client: Any,
    ) -> str | None:
        started = time.monotonic()
        last_message = started
        idle = False
        reply: dict | None = None
        while True:
            now = time.monotonic()
            if not (idle and reply is not None) and now - started > self.cell_timeout:
                return f"timed out after {self.cell_timeout:g} s (raise --timeout if it needs longer)"
            if idle and reply is not None and now - last_message >= self.grace_seconds:
                break
            try:
                message = client.get_iopub_msg(timeout=0.05)
            except queue.Empty:
                message = None
            if message is not None:
                parent = message.get("parent_header", {}).get("msg_id")
                target = cells_by_request.get(parent)
                if target is not None:
                    target.handle(message)
                if parent == request:
                    last_message = time.monotonic()
                    state = message["content"].get("execution_state")
                    if message["msg_type"] == "status" and state == "idle":
                        idle = True
            if reply is None:
                reply = self._poll_reply(client, request)
            if message is None and reply is None and not manager.is_alive():
                return "stopped because the kernel died (out of memory, or Deno crashed)"
        if reply.get("status") == "error":
            if not outputs.saw_error:
                outputs.handle({"msg_type": "error", "content": reply})
            return f"raised {reply.get('ename', 'an error')}: {reply.get('evalue', '')}"
        if outputs.saw_error:
            return "printed an error"
        return None

    @staticmethod
    def _poll_reply(client: Any, request: str) -> dict | None:
        try:
            message = client.get_shell_msg(timeout=0)
        except queue.Empty:
            return None
        if message.get("parent_header", {}).get("msg_id") == request:
            return message["content"]
        return None
