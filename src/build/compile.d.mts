export interface Compiled {
  cli: string;
  dir: string;
}
export function compiled(root: string): Promise<Compiled | null>;
export function notebookFiles(root: string): string[];
export function unusableName(file: string): string | null;
export function usableName(file: string): string;
export interface WatchCompiler {
  worker: string;
  /** Compiles the notebooks again; the library too on the first call, or when it changed. */
  rebuild(library?: boolean): Promise<boolean>;
  dispose(): Promise<void>;
}
export function watchCompiler(root: string): Promise<WatchCompiler | null>;
export function importMetaDefine(name: string): Record<string, string>;
export function declareImportMeta(name: string, path: string, text: string): { contents: string; line: number; length: number };
export function literalEntry(path: string): { entryPoints: string[]; plugin: import("esbuild").Plugin };
