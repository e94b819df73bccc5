// What a notebook declares: the seeds it reads, the ledger of figures, and
// the tidy tables it builds from them. A notebook is data plus small build
// functions; running it is the job of run.ts, so that the command line, the
// tests and a notebook run on its own all do the same thing.

import type { ChartSpec, ClaimantStyle } from "../chart/index.ts";
import type { TableSpec } from "../tables/index.ts";
import type { Agreement, EventEntry, FigureEntry, Place, Skip, Unreviewed } from "../ledger/index.ts";

export interface NotebookSpec {
  id: string;
  title: string;
  seeds: string[];
  figures: FigureEntry[];
  events?: EventEntry[];
  places?: Place[];
  skipped?: Skip[];
  /** Numbers of a story just started that no one has reviewed yet (see Unreviewed). */
  unreviewed?: Unreviewed[];
  agreements?: Agreement[];
  tables: Record<string, TableSpec>;
  /**
   * Each claimant's colour and short name on every chart of the notebook, by
   * the claimant's name in the ledger. A claimant left out gets the next
   * house palette colour, in ledger order.
   */
  claimants?: Record<string, ClaimantStyle>;
  /** Charts by id; an id is unique across every notebook and names the files in charts/. */
  charts?: Record<string, ChartSpec>;
}

/** Declares a notebook; the identity function is there for the types. */
export function notebook(spec: NotebookSpec): NotebookSpec {
  return spec;
}
