// `storycharts merge`: after a sharded build (each job of a CI matrix ran
// `build --shard i/n` and the jobs' folders were copied into one),
// combine the shard manifests into manifest.json and the gallery.

import { readdirSync, readFileSync, rmSync, existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { contentHash, galleryHtml, hashedFiles, manifestJson, mergeManifest, parseManifest, writeAllIfChanged, type Manifest, type ManifestEntry, type ShardRecord } from "../../publish/index.ts";
import { plural, shardOf, type Reporter } from "../../build/index.ts";

export function merge(root: string, out: string, report: Reporter): number {
  const outDir = resolve(root, out);
  const names = readdirSync(outDir).filter((n) => /^manifest\.shard-\d+-of-\d+\.json$/.test(n)).sort();
  if (names.length === 0) {
    report.problem(`${out}: merge: there is no shard manifest (manifest.shard-<i>-of-<n>.json). Run build --shard i/n first, and copy every shard's folder here`);
    report.summary("merge: nothing written");
    return 1;
  }
  const refuse = (where: string, message: string) => {
    report.problem(`${where}: merge: ${message}`);
    report.summary("merge: nothing written");
    return 1;
  };
  const split = names.map((n) => /-(\d+)-of-(\d+)\.json$/.exec(n)!.slice(1).map(Number) as [number, number]);
  const expected = split[0]![1];
  const indexes = new Set(split.map(([i, n]) => (n === expected ? i : -1)));
  if (names.length !== expected || [...Array(expected).keys()].some((k) => !indexes.has(k + 1))) {
    return refuse(out, `found ${names.join(", ")}; a merge needs every shard of one split, each once (1 to ${expected} of ${expected}). Copy the missing shards' folders here, and remove any other`);
  }
  const shards: { name: string; manifest: Manifest; record: ShardRecord }[] = [];
  for (const [k, n] of names.entries()) {
    const parsed = parseManifest(readFileSync(join(outDir, n), "utf8"));
    if ("problem" in parsed) return refuse(`${out}/${n}`, `the shard manifest cannot be read: ${parsed.problem}. Copy that shard's folder here again, or build the shard again`);
    const [index, count] = split[k]!;
    const short = shortfall(parsed.manifest.shard, index, count);
    if (short) return refuse(`${out}/${n}`, short);
    shards.push({ name: n, manifest: parsed.manifest, record: parsed.manifest.shard! });
  }
  // Shards built from different notebooks (one job on an older commit, or a shard folder not built again)
  // do not add up to any one build.
  const declared = shards[0]!.record.declared;
  const differs = shards.find((s) => s.record.declared.join("\n") !== declared.join("\n"));
  if (differs) {
    const only = [...declared.filter((id) => !differs.record.declared.includes(id)), ...differs.record.declared.filter((id) => !declared.includes(id))];
    return refuse(out, `${shards[0]!.name} and ${differs.name} were built from different notebooks (${list(only)} declared by one and not the other). Build every shard again from the same sources`);
  }
  for (const { name, manifest, record } of shards) {
    const listed = new Set(manifest.charts.map((e) => e.id));
    const lacking = declared.filter((id) => shardOf(id, record.count) === record.index && !listed.has(id));
    if (lacking.length > 0) return refuse(`${out}/${name}`, `shard ${record.index} of ${record.count} does not list its charts ${list(lacking)}. Run build --shard ${record.index}/${record.count} again`);
  }
  const entries = shards.flatMap((s) => s.manifest.charts);
  const malformed = entries.filter((e) => !wellFormedFiles(e));
  if (malformed.length > 0) return refuse(out, `the shard manifests' entries for ${list(malformed.map((e) => String(e.id)))} are not as a build writes them. Build those shards again`);
  const missing = entries.flatMap((e) => hashedFiles(e.files)).filter((f) => !existsSync(join(outDir, f)));
  if (missing.length > 0) return refuse(out, `the shard manifests list files that are not here: ${list(missing)}. Copy every shard's folder here`);
  // A file copied over a shard's own (another job's copy of the committed charts, unpacked last) is not the drawing listed.
  const replaced = entries.filter((e) => contentHash(hashedFiles(e.files).map((f) => readFileSync(join(outDir, f)))) !== e.hash);
  if (replaced.length > 0) {
    return refuse(out, `the files of ${list(replaced.map((e) => e.id))} here are not the ones their shard drew (another folder's copies were put over them). Copy each shard's own folder here again, or build only into a folder of its own (build --shard i/n --out DIR)`);
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
function shortfall(record: ShardRecord | undefined, index: number, count: number): string | null {
  const again = `build --shard ${index}/${count}`;
  const strings = (v: unknown) => Array.isArray(v) && v.every((x) => typeof x === "string");
  const wellFormed = record && strings(record.named) && strings(record.failed) && strings(record.failedNotebooks) && strings(record.declared) &&
    typeof record.interrupted === "boolean" && typeof record.index === "number" && typeof record.count === "number";
  if (!wellFormed) return `it does not say what its build left out (an older storycharts wrote it, or it was written by hand). Run ${again} again`;
  if (record.index !== index || record.count !== count) return `its record says it is shard ${record.index} of ${record.count}, not ${index} of ${count} as its name does. Copy that shard's own manifest here again`;
  const lacks = [
    ...(record.failed.length ? [`its charts ${list(record.failed)} failed`] : []),
    ...(record.failedNotebooks.length ? [`its notebooks ${list(record.failedNotebooks)} failed, so their charts are missing`] : []),
    ...(record.interrupted ? ["its build was interrupted"] : []),
    ...(record.named.length ? [`it was built for ${list(record.named)} only`] : []),
  ];
  if (lacks.length === 0) return null;
  return `shard ${index} of ${count} is not whole: ${lacks.join("; ")}. Fix what its build printed and run ${again} again (nothing was merged)`;
}

function list(items: string[]): string {
  return `${items.slice(0, 5).join(", ")}${items.length > 5 ? `, … (${items.length} in all)` : ""}`;
}

/** Whether an entry's hash and file names are as a build writes them: names in this folder, never paths. */
function wellFormedFiles(entry: ManifestEntry): boolean {
  const f = (entry.files ?? {}) as Partial<Record<keyof ManifestEntry["files"], unknown>>;
  const names = [f.desktop, f.mobile, f.png, f.embed, f.data];
  if (typeof entry.hash !== "string" || (f.png !== null && typeof f.png !== "string") || names.some((n, i) => i !== 2 && typeof n !== "string")) return false;
  return hashedFiles(entry.files).every((n) => n !== "" && n !== "." && n !== ".." && !/[/\\]/.test(n));
}
