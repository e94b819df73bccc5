// The tables stage takes the checked ledger and a notebook's table specs, and
// gives tidy Arquero tables, validated against their documented columns, as CSV.
export { readCsv, type ColumnType, type CsvSchema } from "./csv.ts";
export { dataReadme, type DocumentedTables } from "./data-docs.ts";
export { figureTable, type FigureTableOptions } from "./figure-table.ts";
export { coverageTable, figuresTable, placesTable } from "./ledger-tables.ts";
export type { BuiltTable, TableSpec } from "./spec.ts";
export { rows, toCsv, validateTable, type Row } from "./tables.ts";
