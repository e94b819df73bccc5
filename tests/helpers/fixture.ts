// A second, small notebook for the bad-input tests: its own short article,
// one sourced figure, a CSV it reads, and one chart. The tests break it in
// one way at a time and check that nothing else is lost.
import { createHash } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export const FIXTURE_SEED = "2025-01-01-example-drone-report";
export const FIXTURE_ARTICLE = "Drones over the border\n\nOfficials said 12 drones were shot down overnight.\n";

export const GOOD_CSV = "region,drones\nNorth,7\nSouth,5\n";

export interface FixtureOptions {
  /** The notebook's text, to break it. */
  notebook?: (text: string) => string;
  csv?: string;
  seed?: boolean;
}

export const FIXTURE_NOTEBOOK = `import { notebook, readCsv, t } from "../src/index.ts";
import * as Plot from "@observablehq/plot";

const SEED = "${FIXTURE_SEED}";

export default notebook({
  id: "fixture",
  title: "Drones over the border",
  seeds: [SEED],
  figures: [
    {
      kind: "stated", id: "drones-shot-down", seed: SEED, quote: "Officials said 12 drones were shot down overnight.",
      value: 12, unit: "drones", qualifier: "exact", claimant: "Officials", subject: "drones", measure: "shot down",
    },
  ],
  tables: {
    "fixture-drones-by-region": {
      title: "Drones by region",
      description: "An input table the notebook reads from CSV.",
      columns: { region: "Region", drones: "Drones shot down (count)" },
      build: () => readCsv(new URL("./fixture/drones.csv", import.meta.url), { region: "string", drones: "count" }),
    },
  },
  charts: {
    "fixture-drones": {
      table: "fixture-drones-by-region",
      kind: "Bar chart",
      headline: t\`Officials said \${"drones-shot-down"} drones were shot down\`,
      height: { desktop: 120, mobile: 120 },
      plot: (rows) => ({ marginLeft: 60, marks: [Plot.barX(rows, { x: "drones", y: "region" })] }),
    },
  },
});
`;

export function writeFixture(dir: string, o: FixtureOptions = {}): void {
  mkdirSync(join(dir, "notebooks", "fixture"), { recursive: true });
  writeFileSync(join(dir, "notebooks", "fixture.ts"), (o.notebook ?? ((t) => t))(FIXTURE_NOTEBOOK));
  writeFileSync(join(dir, "notebooks", "fixture", "drones.csv"), o.csv ?? GOOD_CSV);
  if (o.seed !== false) {
    writeFileSync(join(dir, "seeds", `${FIXTURE_SEED}.txt`), FIXTURE_ARTICLE);
    writeFileSync(join(dir, "seeds", `${FIXTURE_SEED}.meta.json`), JSON.stringify({
      headline: "Drones over the border", publisher: "Example", agency: null, byline: null, credit: "Example",
      language: "en", published: { date: "2025-01-01", time: null, timezone: null, dateline: "Drones over the border" },
      photo: null, sourceLine: null,
      origin: { file: "written by the tests", sha256: createHash("sha256").update(FIXTURE_ARTICLE).digest("hex") },
    }, null, 2));
  }
}
