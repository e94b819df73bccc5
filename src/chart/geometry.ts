// Geometry a published chart cannot have: a coordinate or size that is not a
// number (NaN, Infinity, the text of a function passed where Plot takes a
// constant) or a negative width, height or radius. Plot draws these without a
// word when values overflow its scales (±1e308), and a bar chart with every
// bar the same wrong length would otherwise ship.

const GEOMETRY = new Set(["fill", "stroke", "stop-color", "x", "y", "x1", "x2", "y1", "y2", "cx", "cy", "r", "rx", "ry", "width", "height", "dx", "dy", "d", "points", "transform", "font-size", "stroke-width", "opacity", "fill-opacity", "stroke-opacity", "text-anchor"]);
const SIZES = new Set(["r", "rx", "ry", "width", "height"]);
const ATTRIBUTE = /<([a-zA-Z]+)\b|\s([a-z][\w-]*)="([^"]*)"/g;

/** Every impossible value in the SVG text, one line each, naming the element and attribute. */
export function geometryProblems(svg: string): string[] {
  const problems = new Set<string>();
  let element = "";
  for (const m of svg.matchAll(ATTRIBUTE)) {
    if (m[1]) {
      element = m[1];
      continue;
    }
    const [name, value] = [m[2]!, m[3]!];
    if (!GEOMETRY.has(name)) continue;
    if (/NaN|Infinity|undefined|\[object |=>|\bfunction\b/.test(value)) problems.add(`<${element}> has ${name}="${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`);
    else if (SIZES.has(name) && Number(value) < 0) problems.add(`<${element}> has a negative ${name} (${value})`);
  }
  return [...problems];
}
