// `storycharts merge`: after a sharded build (each job of a CI matrix ran
// `build --shard i/n` and the jobs' charts/ folders were copied into one),
// combine the shard manifests into manifest.json and the gallery.

import { readdirSync, readFileSync, rmSync, existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { galleryHtml, manifestJson, mergeManifest, parseManifest, writeAllIfChanged, type Manifest, type ShardRecord } from "../../publish/index.ts";
import { plural, type Reporter } from "../../build/index.ts";

export function merge(root: string, out: string, report: Reporter): number {
  const outDir = resolve(root, out);
  const names = readdirSync(outDir).filter((n) => /^manifest\.shard-\d+-of-\d+\.json$/.test(n)).sort();
  if (names.length === 0) {
    report.problem(`${out}: merge: there is no shard manifest (manifest.shard-<i>-of-<n>.json). Run build --shard i/n first, and copy every shard's folder here`);
    report.summary("merge: nothing written");
    return 1;
  }
  const counts = new Set(names.map((n) => /-of-(\d+)\.json$/.exec(n)![1]));
  const expected = Number([...counts][0]);
  if (counts.size > 1 || names.length !== expected) {
    report.problem(`${out}: merge: found ${names.join(", ")}; a merge needs every shard of one split (1 to ${expected} of ${expected}). Copy the missing shards' folders here`);
    report.summary("merge: nothing written");
    return 1;
  }
  const shards: Manifest[] = [];
  for (const n of names) {
    const parsed = parseManifest(readFileSync(join(outDir, n), "utf8"));
    if ("problem" in parsed) {
      report.problem(`${out}/${n}: merge: the shard manifest cannot be read: ${parsed.problem}. Copy that shard's folder here again, or build the shard again`);
      report.summary("merge: nothing written");
      return 1;
    }
    const short = shortfall(parsed.manifest.shard, n);
    if (short) {
      report.problem(`${out}/${n}: merge: ${short}`);
      report.summary("merge: nothing written");
      return 1;
    }
    shards.push(parsed.manifest);
  }
  const entries = shards.flatMap((m) => m.charts);
  const missing = entries.flatMap((e) => [e.files.desktop, e.files.mobile, e.files.embed, ...(e.files.png ? [e.files.png] : [])]).filter((f) => !existsSync(join(outDir, f)));
  if (missing.length > 0) {
    report.problem(`${out}: merge: the shard manifests list files that are not here: ${missing.slice(0, 5).join(", ")}${missing.length > 5 ? ", …" : ""}. Copy every shard's folder here`);
    report.summary("merge: nothing written");
    return 1;
  }
  const manifest = mergeManifest(null, entries, () => false);
  writeAllIfChanged([[join(outDir, "manifest.json"), manifestJson(manifest)], [join(outDir, "index.html"), galleryHtml(manifest)]]);
  for (const n of names) rmSync(join(outDir, n));
  report.summary(`merge: ${plural(manifest.charts.length, "chart")} from ${plural(names.length, "shard")} into ${out}/manifest.json and ${out}/index.html`);
  return 0;
}

/**
 * Why a shard's manifest cannot go into a published gallery, or null. A shard
 * whose build failed a chart, a notebook, or stopped early lists fewer charts
 * than it owns, and a merge of it would publish a gallery short of them with
 * nothing to say so; a CI job that failed is easily re-run and easily missed.
 */
function shortfall(record: ShardRecord | undefined, name: string): string | null {
  const which = /-(\d+)-of-(\d+)\.json$/.exec(name)!;
  const again = `build --shard ${which[1]}/${which[2]}`;
  const strings = (v: unknown) => Array.isArray(v) && v.every((x) => typeof x === "string");
  const wellFormed = record && strings(record.named) && strings(record.failed) && strings(record.failedNotebooks) &&
    typeof record.interrupted === "boolean";
  if (!wellFormed) return `it does not say what its build left out (an older storycharts wrote it, or it was written by hand). Run ${again} again`;
  const list = (ids: string[]) => `${ids.slice(0, 5).join(", ")}${ids.length > 5 ? `, … (${ids.length} in all)` : ""}`;
  const lacks = [
    ...(record.failed.length ? [`its charts ${list(record.failed)} failed`] : []),
    ...(record.failedNotebooks.length ? [`its notebooks ${list(record.failedNotebooks)} failed, so their charts are missing`] : []),
    ...(record.interrupted ? ["its build was interrupted"] : []),
    ...(record.named.length ? [`it was built for ${list(record.named)} only`] : []),
  ];
  if (lacks.length === 0) return null;
  return `shard ${which[1]} of ${which[2]} is not whole: ${lacks.join("; ")}. Fix what its build printed and run ${again} again (nothing was merged)`;
}
