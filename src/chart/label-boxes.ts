// Greedy label placement, shared by the maps: each label takes the first of
// its candidate boxes that lies inside the frame and on no box already taken;
// a label with no such box is listed under the map, never dropped.

import * as Plot from "@observablehq/plot";
import { FALLBACK_ALLOWANCE, wrapList } from "./text-metrics.ts";
import { INK } from "./theme.ts";

/** [left, top, right, bottom] in pixels. */
export type Box = [number, number, number, number];

export function overlaps(box: Box, taken: Box[]): boolean {
  return taken.some((t) => box[0] < t[2] && box[2] > t[0] && box[1] < t[3] && box[3] > t[1]);
}

export function inside(box: Box, [width, height]: [number, number]): boolean {
  return box[0] >= 0 && box[2] <= width && box[1] >= 0 && box[3] <= height;
}

/**
 * The index of the first candidate inside the frame, on nothing taken and
 * allowed by `allow` (a region map keeps a moved label on its own region);
 * it is added to `taken`. -1 when none is.
 */
export function takeFirstClear(candidates: Box[], taken: Box[], frame: [number, number], allow: (index: number) => boolean = () => true): number {
  const i = candidates.findIndex((b, k) => inside(b, frame) && !overlaps(b, taken) && allow(k));
  if (i >= 0) taken.push(candidates[i]!);
  return i;
}

/**
 * The labels that found no room, listed under the map with their numbers
 * ("Not labelled on the map: Rhode Island 43 · …"): the room it takes in the
 * bottom margin, and its mark, `below` px under the frame's bottom.
 */
export function unlabelledList(labels: string[], width: number, fontSize: number, below = 0): { height: number; marks: Plot.Markish[] } {
  if (labels.length === 0) return { height: 0, marks: [] };
  const list = wrapList([`Not labelled on the map: ${labels[0]}`, ...labels.slice(1)], width / FALLBACK_ALLOWANCE, { size: fontSize, weight: "regular" }).join("\n");
  return {
    height: Math.ceil(list.split("\n").length * fontSize * 1.25 + fontSize * 0.5),
    marks: [Plot.text([list], { frameAnchor: "bottom-left", lineAnchor: "top", textAnchor: "start", dy: below + fontSize * 0.5, lineHeight: 1.25, fill: INK.text })],
  };
}
