// Where a finished SVG spills past its artboard, as a real browser lays it
// out: every text and shape of the root <svg> against its viewBox.
import type { Page } from "playwright-core";

/** Half a pixel: rounding in the file's coordinates is not a spill. */
export const TOLERANCE = 0.5;

/**
 * What lies outside the root svg's viewBox, each as "element: where". A shape
 * under a clip path counts only as far as the clip lets it show.
 */
export async function outside(page: Page, svg: string): Promise<string[]> {
  // tsx compiles with esbuild's keepNames, which wraps named functions in a __name helper the page lacks.
  await page.evaluate("globalThis.__name ??= (f) => f");
  return page.evaluate(async ({ svg, tolerance }) => {
    document.body.innerHTML = svg;
    // Lay the text out once so that every font it needs starts loading, then wait for them.
    void document.body.getBoundingClientRect();
    await document.fonts.ready;
    const root = document.querySelector("body > svg") as SVGSVGElement;
    const frame = root.getBoundingClientRect();
    const vb = root.viewBox.baseVal;
    // User units to CSS pixels (1 unless the root is scaled).
    const [sx, sy] = [frame.width / vb.width, frame.height / vb.height];
    const describe = (el: Element): string => {
      const label = el.closest("[aria-label]")?.getAttribute("aria-label");
      const text = el.localName === "text" ? ` "${(el.textContent ?? "").slice(0, 50)}"` : "";
      return `<${el.localName}${el.getAttribute("class") ? ` class="${el.getAttribute("class")}"` : ""}>${text}${label ? ` in ${label}` : ""}`;
    };
    const clipBox = (holder: SVGGraphicsElement, clip: Element): [number, number, number, number] | null => {
      let box: [number, number, number, number] | null = null;
      const ctm = holder.getScreenCTM();
      if (!ctm) return null;
      for (const child of [...clip.children] as SVGGraphicsElement[]) {
        if (typeof child.getBBox !== "function") continue;
        const bb = child.getBBox();
        const own = child.transform?.baseVal.consolidate()?.matrix;
        const m = own ? ctm.multiply(own) : ctm;
        const corners = [[bb.x, bb.y], [bb.x + bb.width, bb.y], [bb.x, bb.y + bb.height], [bb.x + bb.width, bb.y + bb.height]]
          .map(([x, y]) => new DOMPoint(x, y).matrixTransform(m));
        const b: [number, number, number, number] = [
          Math.min(...corners.map((p) => p.x)), Math.min(...corners.map((p) => p.y)),
          Math.max(...corners.map((p) => p.x)), Math.max(...corners.map((p) => p.y)),
        ];
        box = box ? [Math.min(box[0], b[0]), Math.min(box[1], b[1]), Math.max(box[2], b[2]), Math.max(box[3], b[3])] : b;
      }
      return box;
    };
    const problems: string[] = [];
    for (const el of root.querySelectorAll("text, rect, line, path, circle, ellipse, polyline, polygon, use")) {
      if (el.closest("defs, clipPath, pattern, marker, mask, symbol")) continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      let [left, top, right, bottom] = [r.left, r.top, r.right, r.bottom];
      for (let a: Element | null = el; a && a !== document.body; a = a.parentElement) {
        const ref = a.getAttribute("clip-path")?.match(/url\(\s*['"]?#([^)'"]+)['"]?\s*\)/);
        const clip = ref ? document.getElementById(ref[1]!) : null;
        const box = clip ? clipBox(a as SVGGraphicsElement, clip) : null;
        if (box) [left, top, right, bottom] = [Math.max(left, box[0]), Math.max(top, box[1]), Math.min(right, box[2]), Math.min(bottom, box[3])];
      }
      if (right <= left && bottom <= top) continue;
      const x1 = (left - frame.left) / sx, y1 = (top - frame.top) / sy, x2 = (right - frame.left) / sx, y2 = (bottom - frame.top) / sy;
      const sides = [
        x1 < vb.x - tolerance ? `left ${(vb.x - x1).toFixed(1)}` : "",
        y1 < vb.y - tolerance ? `top ${(vb.y - y1).toFixed(1)}` : "",
        x2 > vb.x + vb.width + tolerance ? `right ${(x2 - vb.x - vb.width).toFixed(1)}` : "",
        y2 > vb.y + vb.height + tolerance ? `bottom ${(y2 - vb.y - vb.height).toFixed(1)}` : "",
      ].filter(Boolean);
      if (sides.length > 0) problems.push(`${describe(el)} sticks out past the ${sides.join(", ")} px`);
    }
    return problems;
  }, { svg, tolerance: TOLERANCE });
}

