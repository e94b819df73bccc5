// Runs one notebook: seeds → checked ledger → tidy tables, collecting every
// problem on the way instead of stopping at the first, so a desk fixes a
// notebook in one pass.

import type { ColumnTable } from "arquero";
import {
  checkAgreements, checkEntries, coverage, LedgerError, loadSeed, ProblemError, resolveLedger, type CoverageRow,
  type Ledger, type Problem, type Seed,
} from "../ledger/index.ts";
import { type BuiltTable, coverageTable, figuresTable, placesTable, type TableSpec, toCsv, validateTable } from "../tables/index.ts";
import type { NotebookSpec } from "./notebook.ts";
import { closest } from "fastest-levenshtein";
import { ChartError, checkChartWords, claimantStyleProblems } from "../chart/index.ts";

/** Notebook and table ids: they name files in data/ and charts/. */
export const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export interface NotebookRun {
  notebook: NotebookSpec;
  /** The notebook's path relative to the project root. */
  file: string;
  problems: Problem[];
  seeds: Map<string, Seed>;
  ledger: Ledger | null;
  coverage: CoverageRow[];
  tables: BuiltTable[];
}

/** Checks the ledger and coverage, without building the story's tables. */
export function checkNotebook(root: string, file: string, nb: NotebookSpec): NotebookRun {
  const run: NotebookRun = { notebook: nb, file, problems: [], seeds: new Map(), ledger: null, coverage: [], tables: [] };
  for (const name of nb.seeds) {
    try {
      run.seeds.set(name, loadSeed(root, name, file));
    } catch (error) {
      if (!(error instanceof ProblemError)) throw error;
      run.problems.push(...error.problems);
    }
  }
  // A table's name is its file in data/: never a path, never a name a person cannot type.
  for (const name of Object.keys(nb.tables).filter((n) => !ID.test(n))) {
    run.problems.push({ file, place: `table ${JSON.stringify(name)}`, message: "the table name is not lower-case words and digits joined by hyphens", fix: "Rename it, e.g. \"troop-estimates\": the name is its file in data/" });
  }
  if (run.problems.length > 0) return run;
  const input = {
    file, seeds: run.seeds, figures: nb.figures, events: nb.events ?? [], places: nb.places ?? [],
    skipped: nb.skipped ?? [], unreviewed: nb.unreviewed ?? [], agreements: nb.agreements ?? [],
  };
  run.problems.push(...checkEntries(input));
  try {
    run.ledger = resolveLedger(input);
    run.problems.push(...checkAgreements(file, run.ledger, input.agreements));
  } catch (error) {
    if (!(error instanceof LedgerError)) throw error;
    run.problems.push({ file, place: `figure ${error.id}`, message: `the figure ${error.message}`, fix: "Correct the ids the figure is derived from" });
  }
  if (run.ledger) {
    const named = new Set(run.ledger.figures.map((f) => f.claimant));
    for (const [claimant, style] of Object.entries(nb.claimants ?? {})) {
      if (!named.has(claimant)) {
        const near = [...named].find((n) => n.toLowerCase().includes(claimant.toLowerCase())) ?? closest(claimant, [...named]);
        run.problems.push({ file, place: `claimant ${JSON.stringify(claimant)}`, message: "no figure in the ledger has this claimant", fix: `Use the name as the figures give it${near ? `: did you mean "${near}"?` : ""}` });
      }
      else if (style.short !== undefined && style.short.trim() === "") run.problems.push({ file, place: `claimant ${JSON.stringify(claimant)}`, message: "the short name is empty", fix: "Give a short name a reader knows the claimant by, or leave it out" });
    }
    for (const p of claimantStyleProblems(nb.claimants ?? {})) run.problems.push({ file, place: `claimant ${JSON.stringify(p.claimant)}`, message: p.message, fix: p.fix });
    // Headlines and subtitles need no rows: check reads them against the ledger too (a swapped or typed number, an unknown figure).
    for (const [id, spec] of Object.entries(nb.charts ?? {})) {
      try {
        checkChartWords({ ...spec, scales: Array.isArray(spec.scales) ? spec.scales : undefined }, [], [], run.ledger);
      } catch (error) {
        if (!(error instanceof ChartError)) throw error;
        run.problems.push({ file, place: `chart ${id}`, message: error.message, fix: error.fix });
      }
    }
  }
  run.coverage = coverage(input);
  // A quote that is not found leaves its number unaccounted too: say it once.
  if (run.problems.length > 0) return run;
  for (const row of run.coverage.filter((r) => r.status === "unaccounted")) {
    run.problems.push({
      file, place: `coverage seeds/${row.seed}.txt:${row.line}:${row.column}`,
      message: `"${row.text}" (${row.context}) is used by no figure or event and not skipped`,
      fix: "Add a figure that uses it, or add it to the notebook's skipped list with the reason",
    });
  }
  return run;
}

/** Every table a notebook writes to data/: the ledger's own, then those it declares. */
export function tableNames(nb: NotebookSpec): string[] {
  return [`${nb.id}-figures`, ...((nb.places ?? []).length > 0 ? [`${nb.id}-places`] : []), `${nb.id}-coverage`, ...Object.keys(nb.tables)];
}

/** Checks the notebook, then builds and validates every table, the ledger's own tables first. */
export function runNotebook(root: string, file: string, nb: NotebookSpec): NotebookRun {
  const run = checkNotebook(root, file, nb);
  if (run.problems.length > 0 || run.ledger === null) return run;
  const specs: [string, TableSpec][] = [
    [`${nb.id}-figures`, figuresTable(nb.id)],
    ...((nb.places ?? []).length > 0 ? [[`${nb.id}-places`, placesTable()] as [string, TableSpec]] : []),
    [`${nb.id}-coverage`, coverageTable(nb.id, run.coverage)],
    ...Object.entries(nb.tables),
  ];
  const seen = new Set<string>();
  for (const [name, spec] of specs) {
    if (seen.has(name)) {
      run.problems.push({ file, place: `table ${name}`, message: "two tables have this name", fix: "Give each table its own name" });
      continue;
    }
    seen.add(name);
    let table: ColumnTable;
    try {
      table = spec.build(run.ledger);
    } catch (error) {
      // A CSV the table reads reports its own file, line and column.
      if (error instanceof ProblemError) {
        run.problems.push(...error.problems);
        continue;
      }
      const message = error instanceof LedgerError ? `uses ${error.id}, which ${error.message}` : `its build threw: ${(error as Error).message}`;
      run.problems.push({ file, place: `table ${name}`, message, fix: "Fix the table's build function" });
      continue;
    }
    const problems = validateTable(file, name, spec, table, run.ledger);
    run.problems.push(...problems);
    if (problems.length === 0) run.tables.push({ name, spec, table, csv: toCsv(table) });
  }
  return run;
}
