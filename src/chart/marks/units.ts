// A unit chart: one square per unit, in rows, each group of squares in its
// own colour and shape. A group the words only imply (the rest of a fleet
// that "roughly one-third" suggests) is drawn in outline, not solid.

import * as Plot from "@observablehq/plot";

export interface UnitGroup {
  count: number;
  color: string;
  shape: "solid" | "outline" | "faint";
}

export interface Units {
  marks: Plot.Markish[];
  options: Plot.PlotOptions;
  height: number;
}

export function unitRows(total: number, columns: number): number {
  return Math.ceil(total / columns);
}

/** Squares `cell` px wide, `columns` to a row, filling left to right, top to bottom. */
export function units(groups: UnitGroup[], columns: number, cell: number): Units {
  const squares: { col: number; row: number; group: UnitGroup }[] = [];
  for (const group of groups) {
    for (let k = 0; k < group.count; k++) {
      const i = squares.length;
      squares.push({ col: i % columns, row: Math.floor(i / columns), group });
    }
  }
  const rows = unitRows(squares.length, columns);
  const gap = Math.max(1, Math.round(cell * 0.14));
  const of = (shape: UnitGroup["shape"]) => squares.filter((s) => s.group.shape === shape);
  const rect = (extra: Plot.RectOptions): Plot.RectOptions => ({
    x1: "col", x2: (d: { col: number }) => d.col + 1, y1: "row", y2: (d: { row: number }) => d.row + 1,
    inset: gap / 2, ...extra,
  });
  return {
    height: rows * cell,
    options: {
      width: columns * cell, height: rows * cell, margin: 0,
      x: { axis: null, grid: false, domain: [0, columns] },
      y: { axis: null, domain: [0, rows], reverse: true },
    },
    marks: [
      Plot.rect(of("solid"), rect({ fill: (d: { group: UnitGroup }) => d.group.color })),
      Plot.rect(of("faint"), rect({ fill: (d: { group: UnitGroup }) => d.group.color, fillOpacity: 0.35 })),
      Plot.rect(of("outline"), rect({ fill: "none", stroke: (d: { group: UnitGroup }) => d.group.color, strokeWidth: 1.2, strokeDasharray: "2,2", inset: gap / 2 + 0.6 })),
    ],
  };
}
