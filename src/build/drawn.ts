// What earlier builds drew, chart by chart, and what each drawing depended on:
// the library, the chart's slice of its notebook's code (chart-code.ts), its
// spec's values, its table's rows, the article, and the ledger reads it made
// (ledger-reads.ts). A build redraws a chart only when one of those changed
// or its published files are not as it wrote them; otherwise it takes the
// files it wrote last time. Kept in .cache/drawn/, one file for each output
// folder, so that builds into charts/ and into --out elsewhere keep apart.

import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { ArtboardName } from "../chart/index.ts";
import type { ChartWords } from "./draw-charts.ts";
import type { Ledger } from "../ledger/index.ts";
import { files, hashFiles } from "./fingerprint.mjs";
import { changesWhenCalled, chartSlices, prepareSources, type Sources } from "./chart-code.ts";
import { readsHold, type Read } from "./ledger-reads.ts";

const VERSION = 1;

export interface OnDisk {
  sha256: string;
  size: number;
}

/** A file as the build wrote (or left) it: its content is what is on disk. */
export function onDisk(content: string | Buffer): OnDisk {
  return { sha256: sha256(content), size: typeof content === "string" ? Buffer.byteLength(content) : content.length };
}

/**
 * The file's content when it is still as it was written, by its hash: a
 * restored copy (cp -p, rsync -a) can keep a file's size and time and still
 * differ. The size turns most changed files away before they are read.
 */
export function unchanged(path: string, was: OnDisk, encoding: "utf8"): string | null;
export function unchanged(path: string, was: OnDisk): Buffer | null;
export function unchanged(path: string, was: OnDisk, encoding?: "utf8"): string | Buffer | null {
  try {
    const s = statSync(path);
    if (s.size !== was.size) return null;
    const content = encoding ? readFileSync(path, encoding) : readFileSync(path);
    return sha256(content) === was.sha256 ? content : null;
  } catch {
    return null;
  }
}

export interface DrawnChart {
  notebook: string;
  /** Hash of the chart's values: its spec, rows, columns, article and claimants. */
  inputs: string;
  /** Hash of its notebook's source files when it was drawn (their texts are kept in the state's sources). */
  code: string;
  /** The chart's slice of that code (chart-code.ts), when it was cut. */
  slice: string | null;
  reads: Read[];
  /** Each SVG's file name → what was written: its hash, and the size and time it has on disk. */
  svgs: Record<string, OnDisk>;
  /** The PNG written from the desktop SVG, when one was. */
  png: OnDisk | null;
  /** The manifest entry's hash of the chart's files, and whether a PNG was among them. */
  entryHash: string;
  entryPng: boolean;
  words: ChartWords;
  sizes: Record<ArtboardName, { width: number; height: number }>;
  notices: string[];
}

export interface DrawnState {
  version: number;
  library: string;
  out: string;
  /** Notebook sources by their hash: path → text, for each hash a chart was drawn with. */
  sources: Record<string, Record<string, string>>;
  charts: Record<string, DrawnChart>;
}

export function sha256(data: string | Buffer): string {
  return createHash("sha256").update(data).digest("hex");
}

/**
 * Everything outside the notebooks that shapes every chart: the library's
 * source (its theme, fonts, marks), the locked versions of Plot, d3 and the
 * map data, and what Node formats dates and numbers with.
 */
export function libraryKey(root: string): string {
  // Asked once a build, and a watch builds on every save: the files' sizes and times say whether to hash them again.
  const list = [...files("src", root), "package-lock.json"];
  const stamp = list.map((f) => {
    try {
      const s = statSync(join(root, f));
      return `${f}:${s.size}:${s.mtimeMs}`;
    } catch {
      return `${f}:missing`;
    }
  }).join("\n");
  const known = libraryKeys.get(root);
  if (known?.stamp === stamp) return known.key;
  const key = hashLibrary(root, list);
  libraryKeys.set(root, { stamp, key });
  return key;
}

const libraryKeys = new Map<string, { stamp: string; key: string }>();

function hashLibrary(root: string, list: string[]): string {
  const hash = createHash("sha256");
  hash.update(`${process.version}\0${Intl.DateTimeFormat().resolvedOptions().timeZone}\0${Intl.DateTimeFormat().resolvedOptions().locale}\0`);
  hashFiles(hash, root, list);
  return hash.digest("hex");
}

function statePath(root: string, out: string): string {
  return join(root, ".cache", "drawn", `${sha256(out).slice(0, 16)}.json`);
}

/** The state of earlier drawings for this output folder and library; empty when there is none that applies. */
export function loadDrawn(root: string, out: string, library: string): DrawnState {
  const empty: DrawnState = { version: VERSION, library, out, sources: {}, charts: {} };
  try {
    const state = JSON.parse(readFileSync(statePath(root, out), "utf8")) as DrawnState;
    if (state.version !== VERSION || state.library !== library || state.out !== out || typeof state.charts !== "object" || typeof state.sources !== "object") return empty;
    return state;
  } catch {
    return empty;
  }
}

/** Written whole or not at all: a build stopped half way leaves the last state, which only costs redrawing. */
export function saveDrawn(root: string, state: DrawnState): void {
  const path = statePath(root, state.out);
  try {
    // Only the sources some chart was drawn with are kept.
    const used = new Set(Object.values(state.charts).map((c) => c.code));
    state.sources = Object.fromEntries(Object.entries(state.sources).filter(([hash]) => used.has(hash)));
    mkdirSync(dirname(path), { recursive: true });
    const temporary = `${path}.tmp-${process.pid}`;
    writeFileSync(temporary, JSON.stringify(state));
    renameSync(temporary, path);
  } catch {
    // Without it the next build redraws everything, which is slower but right.
  }
}

/**
 * A value as text for hashing: functions are code, which the chart's slice
 * covers; everything else by value, in the order it was built.
 */
export function digest(value: unknown): string {
  const seen = new Set<object>();
  const walk = (v: unknown, depth: number): unknown => {
    if (typeof v === "function") return "ƒ";
    if (typeof v === "bigint") return `${v}n`;
    if (typeof v === "number" && !Number.isFinite(v)) return String(v);
    if (v === undefined) return "undefined";
    if (v === null || typeof v !== "object") return v;
    if (depth > 64 || seen.has(v)) return "…";
    seen.add(v);
    try {
      if (v instanceof Date) return `date:${Number.isNaN(v.getTime()) ? "invalid" : v.toISOString()}`;
      if (v instanceof Map) return ["map", ...[...v].map(([k, x]) => [walk(k, depth + 1), walk(x, depth + 1)])];
      if (v instanceof Set) return ["set", ...[...v].map((x) => walk(x, depth + 1))];
      if (Array.isArray(v)) return v.map((x) => walk(x, depth + 1));
      const proto = Object.getPrototypeOf(v) as { constructor?: { name?: string } } | null;
      const name = proto === null || proto === Object.prototype ? "" : String(proto.constructor?.name ?? "?");
      return [name, ...Object.keys(v).map((k) => [k, walk((v as Record<string, unknown>)[k], depth + 1)])];
    } finally {
      seen.delete(v);
    }
  };
  return JSON.stringify(walk(value, 0));
}

/**
 * A notebook's code now, and whether it changed for a chart since the chart
 * was drawn: the same files, or the same slice of them. Slices are cut only
 * when the files differ, and once per version of the files.
 */
export class NotebookCode {
  readonly hash: string;
  private slices: Map<string, Record<string, string>> = new Map();

  constructor(private readonly state: DrawnState, private readonly sources: Sources, private readonly ids: string[]) {
    this.hash = sha256(JSON.stringify([...sources].sort(([a], [b]) => (a < b ? -1 : 1))));
  }

  private sliced(hash: string): Record<string, string> | null {
    const known = this.slices.get(hash);
    if (known) return known;
    const texts = hash === this.hash ? this.sources : this.state.sources[hash] ? new Map(Object.entries(this.state.sources[hash]!)) : null;
    if (!texts) return null;
    const cut = Object.fromEntries(chartSlices(texts, this.ids));
    this.slices.set(hash, cut);
    return cut;
  }

  /** Readies the sources for slicing (see prepareSources): only a build that may keep a chart cuts slices. */
  prepare(): Promise<void> {
    return prepareSources(this.sources);
  }

  private entangled: boolean | undefined;

  /**
   * Whether the notebook's functions change its own values when called (a
   * label that counts, a table's build that sets a colour): then its charts
   * are drawn all together or not at all, as a first build draws them.
   */
  changesWhenCalled(): boolean {
    this.entangled ??= changesWhenCalled(this.sources);
    return this.entangled;
  }

  /** Whether the chart's code is as it was when it was drawn. */
  same(entry: DrawnChart, id: string): boolean {
    if (entry.code === this.hash) return true;
    const then = entry.slice ?? this.sliced(entry.code)?.[id];
    return then !== undefined && then === this.sliced(this.hash)?.[id];
  }

  /** What a chart drawn (or kept) now records of the code. */
  record(id: string): { code: string; slice: string | null } {
    this.state.sources[this.hash] ??= Object.fromEntries(this.sources);
    return { code: this.hash, slice: this.slices.get(this.hash)?.[id] ?? null };
  }
}

/** The chart's files as it wrote them, when they are still so on disk, with its words; otherwise null. */
export function reusable(entry: DrawnChart | undefined, expect: { notebook: string; inputs: string; ledger: Ledger }, outDir: string): Map<string, string> | null {
  if (!entry || entry.notebook !== expect.notebook || entry.inputs !== expect.inputs) return null;
  if (!readsHold(expect.ledger, entry.reads)) return null;
  const svgs = new Map<string, string>();
  for (const [name, was] of Object.entries(entry.svgs)) {
    const text = unchanged(join(outDir, name), was, "utf8");
    if (text === null) return null;
    svgs.set(name, text);
  }
  return svgs;
}
