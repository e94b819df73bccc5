// What the commands print: the coverage table, its totals, problems, and the
// one-line summaries every command ends with.

import { type CoverageRow, coverageTotals } from "../ledger/index.ts";

export function coverageReport(rows: CoverageRow[]): string {
  const header = ["where", "number", "kind", "status", "used by / reason"];
  const body = rows.map((r) => [`${r.line}:${r.column}`, r.text, r.kind, r.status, r.by || "—"]);
  // A loop, not Math.max(...body): spreading a long article's rows as arguments overflows the stack.
  const widths = header.map((h, i) => Math.min(48, body.reduce((w, b) => Math.max(w, b[i]!.length), h.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!))).join("  ").trimEnd();
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...body.map(line)].join("\n");
}

export function coverageSummary(rows: CoverageRow[]): string {
  const t = coverageTotals(rows);
  return `${t.mentions} numbers in the seed: ${t.figure} used by figures, ${t.event} by events, ${t.metadata} in the dateline, ${t.name} in names, ${t.skipped} skipped with a reason, ${t.unaccounted} unaccounted${t.unreviewed > 0 ? `, ${t.unreviewed} not reviewed yet` : ""}`;
}

export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}

export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}
