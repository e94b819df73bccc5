// charts/manifest.json: one entry per chart, for a CMS or a script to find
// every chart, its words and its files without parsing SVG.

import { createHash } from "node:crypto";
import type { ArtboardName } from "../chart/index.ts";

/** The story a chart belongs to: its notebook, the articles it draws on, and its fact-check data. */
export interface StoryInfo {
  notebook: string;
  title: string;
  articles: { seed: string; headline: string; publisher: string; date: string }[];
  /** Every figure of the story with its quote, claimant and qualifier, as CSV beside the charts; null when it has none. */
  figures: string | null;
}

export interface ManifestEntry {
  id: string;
  /** The notebook, which is the story: `story` says more of it. */
  notebook: string;
  story: StoryInfo;
  headline: string;
  subtitle: string | null;
  alt: string;
  source: string;
  claimants: string[];
  /** The figures the headline, subtitle and each note state by name (t\`…\` words), by id. */
  stated: { headline: string[]; subtitle: string[]; notes: string[][] };
  /** The table the chart draws, as CSV beside the manifest, so that "Get the data" works wherever charts/ is published. */
  data: string;
  /** The table's name: data/<table>.csv in the project. */
  table: string;
  files: { desktop: string; mobile: string; png: string | null; embed: string; data: string };
  sizes: Record<ArtboardName, { width: number; height: number }>;
  /** sha256 of the chart's files, in the order listed: changes when any of them does. */
  hash: string;
}

export interface Manifest {
  generator: string;
  charts: ManifestEntry[];
  /** A shard manifest's account of its build, so that `merge` publishes no gallery a shard left short. */
  shard?: ShardRecord;
}

/** What one `build --shard i/n` was asked to build and what it did not build. */
export interface ShardRecord {
  index: number;
  count: number;
  /** Every chart the project's notebooks declared, in every shard: shards built from different notebooks do not add up. */
  declared: string[];
  /** Charts named on the command line: a shard built for some charts only is not a whole shard. */
  named: string[];
  /** This shard's charts that failed, and notebooks that failed to load or run (their charts are unknown). */
  failed: string[];
  failedNotebooks: string[];
  interrupted: boolean;
}

/** The files an entry's hash is taken over, in its order: pictures, embed, data (the PNG when there is one). */
export function hashedFiles(files: ManifestEntry["files"]): string[] {
  return [files.desktop, files.mobile, files.png, files.embed, files.data].filter((f): f is string => f !== null);
}

export function contentHash(contents: (string | Buffer)[]): string {
  const hash = createHash("sha256");
  for (const c of contents) hash.update(c);
  return hash.digest("hex");
}

/** Entries from this build replace those with the same id; the others stay, in id order. */
export function mergeManifest(previous: Manifest | null, entries: ManifestEntry[], keep: (id: string) => boolean): Manifest {
  const byId = new Map<string, ManifestEntry>();
  for (const e of previous?.charts ?? []) if (keep(e.id)) byId.set(e.id, e);
  for (const e of entries) byId.set(e.id, e);
  return { generator: "storycharts", charts: [...byId.values()].sort((a, b) => a.id.localeCompare(b.id)) };
}

export function manifestJson(manifest: Manifest): string {
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/**
 * A manifest file read back, or why it cannot be: not JSON (a merge left its
 * conflict markers in it, say), or not the shape this file writes.
 */
export function parseManifest(text: string): { manifest: Manifest } | { problem: string } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const marker = /^(<{7}|={7}|>{7})/m.exec(text);
    if (marker) return { problem: `it holds a merge conflict marker (${marker[1]}) on line ${text.slice(0, marker.index).split("\n").length}` };
    return { problem: `it is not JSON (${(error as Error).message})` };
  }
  const charts = (data as { charts?: unknown } | null)?.charts;
  if (!Array.isArray(charts) || !charts.every((c) => typeof (c as ManifestEntry | null)?.id === "string" && typeof (c as ManifestEntry).files === "object")) {
    return { problem: "it is not a storycharts manifest (no list of charts, each with an id and files)" };
  }
  return { manifest: data as Manifest };
}

