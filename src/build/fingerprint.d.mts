// Types for fingerprint.mjs.
export interface Output {
  path: string;
  size: number;
  mtimeMs: number;
  sha256?: string;
}
export interface BuildState {
  fingerprint: string;
  outputs: Output[];
  /** The names in each folder the build owns, relative to the project. */
  folders: Record<string, string[]>;
  charts: string[];
  tables: number;
  notebooks: number;
}
export function files(dir: string, base: string): string[];
export function fingerprint(root: string, options: unknown): string;
export function hashFiles(hash: import("node:crypto").Hash, root: string, list: string[]): void;
export function statePath(root: string): string;
export function buildKey(o: { root: string; out: string; formats: string[]; names: string[] }): { names: string[]; out: string; formats: string[] };
export function owned(dir: string): string[];
export function unchangedSince(root: string, options: unknown): BuildState | null;
