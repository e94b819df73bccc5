// Renders every chart at both artboards to PNG in .cache/look/ for a person
// to look at: npx tsx tests/tools/look.ts [chart-id …]
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { buildCharts } from "../../src/build/draw-charts.ts";
import { formatProblem } from "../../src/ledger/problems.ts";
import { toPng } from "../../src/publish/png.ts";
import { loadNotebooks } from "../../src/build/registry.ts";
import { runNotebook } from "../../src/build/run.ts";

const root = fileURLToPath(new URL("../..", import.meta.url));
const out = join(root, ".cache", "look");
mkdirSync(out, { recursive: true });
const wanted = process.argv.slice(2);
const { loaded } = await loadNotebooks(root);
let count = 0;
for (const { file, notebook } of loaded) {
  const run = runNotebook(root, file, notebook);
  const { charts, problems } = buildCharts(run, wanted.length ? (id) => wanted.includes(id) : undefined);
  for (const p of [...run.problems, ...problems]) console.error(formatProblem(p));
  for (const chart of charts) {
    for (const [name, svg] of chart.files) {
      writeFileSync(join(out, name.replace(/\.svg$/, ".png")), toPng(svg, name.includes("mobile") ? 2 : 1.5));
      writeFileSync(join(out, name), svg);
      count++;
    }
    console.log(`${chart.id}: ${chart.alt}`);
  }
}
console.log(`look: ${count} images in ${out}`);
