export interface Output {
  path: string;
  size: number;
  mtimeMs: number;
}
export interface BuildState {
  fingerprint: string;
  outputs: Output[];
  charts: string[];
  tables: number;
  notebooks: number;
}
export function fingerprint(root: string, options: unknown): string;
export function statePath(root: string): string;
export function buildKey(o: { root: string; out: string; formats: string[]; names: string[] }): { names: string[]; out: string; formats: string[] };
export function unchangedSince(root: string, options: unknown): BuildState | null;
