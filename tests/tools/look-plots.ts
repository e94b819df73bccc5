// The registry's charts (tests/plots/) finished and drawn as PNG in
// .cache/look/plots/ for a person to look at, with each chart's notices or
// refusal: npx tsx tests/tools/look-plots.ts [--sheets] [name …]
// --sheets also writes sheet-N.png, a few charts at both artboards side by side.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { toPng } from "../../src/publish/png.ts";
import { root } from "../helpers/project.ts";
import { ARTBOARD_NAMES, finished, plots, snapshotName } from "../helpers/plots.ts";

const out = join(root, ".cache", "look", "plots");
mkdirSync(out, { recursive: true });
const args = process.argv.slice(2);
const sheets = args.includes("--sheets");
const wanted = args.filter((a) => a !== "--sheets");
const unknown = wanted.filter((w) => !plots.some((p) => p.name === w));
if (unknown.length > 0) {
  console.error(`look-plots: no chart named ${unknown.join(", ")} in tests/plots/. Use a file name without .ts`);
  process.exit(2);
}

const drawn: { name: string; svgs: string[] }[] = [];
let count = 0;
for (const plot of plots.filter((p) => wanted.length === 0 || wanted.includes(p.name))) {
  const svgs: string[] = [];
  for (const artboard of ARTBOARD_NAMES) {
    try {
      const { svg, notices } = await finished(plot, artboard);
      const name = snapshotName(plot.name, artboard).replace(/\.svg$/, ".png");
      writeFileSync(join(out, name), toPng(svg, artboard === "mobile" ? 2 : 1.5));
      svgs.push(svg);
      count++;
      console.log(`${plot.name} (${artboard}): ${notices.length ? notices.join(" | ") : "finished"}`);
    } catch (error) {
      console.log((error as Error).message);
    }
  }
  if (svgs.length > 0) drawn.push({ name: plot.name, svgs });
}

if (sheets) {
  // Nested <svg> elements, each at its own place: the charts' ids are prefixed, so they do not clash.
  const perSheet = 4;
  for (let s = 0; s * perSheet < drawn.length; s++) {
    let y = 0;
    const parts: string[] = [];
    for (const { name, svgs } of drawn.slice(s * perSheet, (s + 1) * perSheet)) {
      parts.push(`<text x="0" y="${y + 16}" font-size="16" font-weight="700">${name}</text>`);
      let x = 0;
      let tallest = 0;
      for (const svg of svgs) {
        const width = Number(/\swidth="([\d.]+)"/.exec(svg)![1]);
        const height = Number(/\sheight="([\d.]+)"/.exec(svg)![1]);
        parts.push(svg.replace(/^<svg\b/, `<svg x="${x}" y="${y + 24}"`));
        x += width + 24;
        tallest = Math.max(tallest, height);
      }
      y += tallest + 48;
    }
    const sheet = `<svg xmlns="http://www.w3.org/2000/svg" width="${640 + 24 + 320}" height="${y}"><rect width="100%" height="100%" fill="#e8e8e8"/>${parts.join("")}</svg>`;
    writeFileSync(join(out, `sheet-${s + 1}.png`), toPng(sheet, 1));
  }
}
console.log(`look-plots: ${count} images in ${out}`);
