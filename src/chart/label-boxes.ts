// Greedy label placement, shared by the maps: each label takes the first of
// its candidate boxes that lies inside the frame and on no box already taken.

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
