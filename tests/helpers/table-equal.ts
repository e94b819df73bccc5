// Compares an Arquero table with expected columns, in the manner of
// Arquero's own tableEqual: same column names in the same order, same values.
import type { ColumnTable } from "arquero";
import { expect } from "vitest";

export function tableEqual(table: ColumnTable, expected: Record<string, unknown[]>): void {
  expect(table.columnNames()).toEqual(Object.keys(expected));
  const actual: Record<string, unknown[]> = {};
  for (const name of table.columnNames()) actual[name] = Array.from(table.array(name) as ArrayLike<unknown>);
  expect(actual).toEqual(expected);
}
