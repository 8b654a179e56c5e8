import assert from "node:assert/strict";
import { markdownTable } from "../../../lib/presentation/notebook/markdown_table.ts";

Deno.test("a Markdown table has a header, an alignment rule and one line per row", () => {
  const table = markdownTable(
    [{ header: "class" }, { header: "images", align: "right" }, { header: "mid", align: "center" }],
    [["T-shirt/top", 6000, "x"], ["a|b", 1.5, "y\nz"]],
  );
  assert.equal(
    table,
    "| class | images | mid |\n| --- | ---: | :---: |\n| T-shirt/top | 6000 | x |\n" +
      "| a\\|b | 1.5 | y z |",
  );
  assert.equal(markdownTable(["only"], []), "| only |\n| --- |");
});

Deno.test("columns of numbers are right-aligned unless the column says otherwise", () => {
  const table = markdownTable(
    ["name", "count", "share", "loss", { header: "id", align: "left" }],
    [["a", 6000, "12.5%", "1.2e-3", 1], ["b", "6,000", "−3.5", "n/a", 2]],
  );
  assert.equal(table.split("\n")[1], "| --- | ---: | ---: | --- | --- |");
});

Deno.test("a row with the wrong number of cells or no columns is refused", () => {
  assert.throws(() => markdownTable(["a", "b"], [[1]]), /row 0 has 1 cells, expected 2/);
  assert.throws(() => markdownTable([], []), /at least one column/);
});
