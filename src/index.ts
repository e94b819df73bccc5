// What a notebook imports.
export { notebook, type NotebookSpec, type TableSpec } from "./notebook.ts";
export { readCsv, type ColumnType, type CsvSchema } from "./csv.ts";
export type {
  Agreement, DateBasis, EventEntry, Figure, FigureEntry, Ledger, Place, Qualifier, Skip,
} from "./ledger.ts";
