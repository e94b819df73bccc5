// Renders the legend test cases at both artboards to PNG in .cache/look/ for
// a person to look at: npx tsx tests/tools/look-legends.ts [case-name …]
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { toPng } from "../../src/publish/png.ts";
import { CASES, legendSvg } from "../helpers/legend-cases.ts";

const out = join(fileURLToPath(new URL("../..", import.meta.url)), ".cache", "look");
mkdirSync(out, { recursive: true });
const wanted = process.argv.slice(2);
let count = 0;
for (const artboard of ["desktop", "mobile"] as const) {
  // One sheet per artboard as well, every case under its name, to see them side by side.
  let sheet: string[] = [];
  let y = 0;
  let page = 1;
  const width = artboard === "desktop" ? 640 : 320;
  const flush = () => {
    writeFileSync(join(out, `legend-sheet-${artboard}-${page++}.png`), toPng(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${y}" font-family="'Source Sans 3', sans-serif" fill="currentColor"><rect width="${width}" height="${y}" fill="#eee"/>${sheet.join("")}</svg>`, 1));
    sheet = [];
    y = 0;
  };
  for (const c of CASES.filter((c) => wanted.length === 0 || wanted.includes(c.name))) {
    const { svg, height } = legendSvg(c.requests(), artboard, `${c.name}-ramp`);
    const name = `legend-${c.name}-${artboard}`;
    writeFileSync(join(out, `${name}.svg`), svg);
    writeFileSync(join(out, `${name}.png`), toPng(svg, artboard === "mobile" ? 2 : 1.5));
    sheet.push(`<text x="4" y="${y + 11}" font-size="10" fill="#c00">${c.name}</text><svg y="${y + 12}"${svg.slice(4)}`);
    y += height + 60;
    count++;
    if (y > 700) flush();
  }
  if (y > 0) flush();
}
console.log(`look-legends: ${count} images in ${out}`);
