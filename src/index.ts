// What a notebook imports.
export { notebook, type NotebookSpec, type TableSpec } from "./notebook.ts";
export type {
  Agreement, DateBasis, EventEntry, Figure, FigureEntry, Ledger, Place, Qualifier, Skip,
} from "./ledger.ts";
