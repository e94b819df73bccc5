// Finds the notebooks and imports them. The library reaches notebooks only
// through here, so a notebook that throws or fails to parse becomes a
// problem with its file name instead of a crash of the whole build.

import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { notebookFiles, unusableName, usableName } from "./compile.mjs";
import { COMPILED, loadTypeScript } from "./compiled.ts";
import type { NotebookSpec } from "./notebook.ts";
import { failedBefore, heartbeat } from "./heartbeat.ts";
import { notebookImportProblems } from "./notebook-imports.ts";
import { ID } from "./run.ts";
import type { Problem } from "../ledger/index.ts";

export interface LoadedNotebook {
  /** Relative to the project root: notebooks/<id>.ts */
  file: string;
  notebook: NotebookSpec;
}

export { notebookFiles };

/** `onLoad` is told each file before it is imported (a watch names the notebook whose import never ends). */
export async function loadNotebooks(root: string, files = notebookFiles(root), onLoad?: (file: string) => void): Promise<{ loaded: LoadedNotebook[]; problems: Problem[] }> {
  const loaded: LoadedNotebook[] = [];
  const problems: Problem[] = [];
  const before = failedBefore();
  for (const file of files) {
    const failure = before.find((p) => p.file === file);
    if (failure) {
      problems.push(failure);
      continue;
    }
    const unusable = unusableName(file);
    if (unusable) {
      problems.push({ file, place: "file name", message: unusable, fix: `Rename it, e.g. ${usableName(file)}` });
      continue;
    }
    onLoad?.(file);
    let module: { default?: unknown };
    heartbeat({ kind: "load", file });
    try {
      module = (await importNotebook(root, file)) as { default?: unknown };
    } catch (error) {
      const { place, message, where } = describeLoadError(error, join(root, file), root);
      // A syntax error in a helper file the notebook imports is reported in that file.
      // A chart or table spec's own error says how to mend it; the build adds what it keeps safe.
      // (Read by its name: importing the chart stage here would load the renderer before a build knows it needs it.)
      const said = error instanceof Error && error.name === "ChartError" ? (error as Error & { fix?: unknown }).fix : undefined;
      const own = typeof said === "string" ? said : null;
      const fix = own ? `${own}. The notebook's published files are left as they were` : "Fix the error, then run the build again; the notebook's published files are left as they were";
      problems.push({ file: where ?? file, place, message: where && where !== file ? `the notebook ${file} failed to load: ${message}` : `the notebook failed to load: ${message}`, fix });
      continue;
    }
    const nb = module.default;
    if (!isNotebook(nb)) {
      problems.push({ file, place: "export default", message: "the notebook does not export a notebook by default", fix: "End the file with `export default notebook({...})`" });
      continue;
    }
    if (!ID.test(nb.id)) {
      problems.push({ file, place: `id ${JSON.stringify(nb.id)}`, message: "the notebook id is not lower-case words and digits joined by hyphens", fix: "Rename it, e.g. \"istanbul-talks\": the id names its tables in data/" });
      continue;
    }
    const twin = loaded.find((l) => l.notebook.id === nb.id);
    if (twin) {
      problems.push({ file, place: `id ${nb.id}`, message: `the id is already used by ${twin.file}`, fix: "Give each notebook its own id" });
      continue;
    }
    const internals = notebookImportProblems(root, file);
    if (internals.length > 0) {
      problems.push(...internals);
      continue;
    }
    loaded.push({ file, notebook: nb });
  }
  return { loaded, problems };
}

let loads = 0;

/**
 * The notebook as the compiled CLI compiled it, or its TypeScript when it was
 * not compiled. A compiled notebook that throws is loaded again as
 * TypeScript, so that the error names the notebook's own line.
 */
async function importNotebook(root: string, file: string): Promise<unknown> {
  const compiled = COMPILED && resolve(root) === COMPILED.root ? join(COMPILED.dir, file.replace(/\.ts$/, ".mjs")) : null;
  if (compiled && existsSync(compiled)) {
    try {
      // A watch's worker imports a notebook again after each save: the query makes each import a new module.
      return await import(`${pathToFileURL(compiled).href}?load=${++loads}`);
    } catch {
      // fall through to the TypeScript, which throws again where the author can see it
    }
  }
  await loadTypeScript();
  return import(pathToFileURL(join(root, file)).href);
}

function isNotebook(value: unknown): value is NotebookSpec {
  const v = value as Partial<NotebookSpec> | null | undefined;
  return typeof v?.id === "string" && Array.isArray(v.seeds) && Array.isArray(v.figures) && typeof v.tables === "object";
}

/**
 * The file a transform error names, as it is on disk: tsx reports a syntax
 * error in `labels.mts` as one in `labels.ts`, a file that is not there.
 */
function ownName(file: string): string {
  if (existsSync(file)) return file;
  const found = [".mts", ".cts", ".tsx", ".mjs", ".cjs", ".jsx"].map((ext) => file.replace(/\.[cm]?[jt]sx?$/, ext)).filter((f) => f !== file && existsSync(f));
  return found.length === 1 ? found[0]! : file;
}

/**
 * Where a notebook failed and why, in the notebook's own lines: a syntax
 * error from the TypeScript transform, a module that cannot be found, or a
 * throw with the first stack frame inside the notebook's folder.
 */
export function describeLoadError(error: unknown, path: string, root = ""): { place: string; message: string; where?: string } {
  const text = error instanceof Error ? error.message : String(error);
  const syntax = /(?:^|\n)([^\n]*?):(\d+):(\d+): ERROR: (.+)/.exec(text);
  if (syntax) {
    const file = ownName(syntax[1]!.trim());
    const where = root && file.startsWith(`${root}/`) ? file.slice(root.length + 1) : undefined;
    return { place: `line ${syntax[2]}, column ${syntax[3]}`, message: `syntax error: ${syntax[4]}`, ...(where ? { where } : {}) };
  }
  const missing = /Cannot find (?:module|package) '([^']+)'/.exec(text);
  if (missing) {
    const name = missing[1]!.replace(/^file:\/\//, "");
    return { place: "import", message: `the module ${root && name.startsWith(`${root}/`) ? name.slice(root.length + 1) : name} does not exist` };
  }
  const stack = error instanceof Error ? error.stack ?? "" : "";
  const dir = path.replace(/\.ts$/, "");
  const frame = stack.split("\n").map((l) => /\((?:file:\/\/)?([^()]+):(\d+):(\d+)\)$|at (?:file:\/\/)?([^\s()]+):(\d+):(\d+)$/.exec(l.trim()))
    .find((m) => m && (m[1] ?? m[4])!.startsWith(dir));
  const place = frame ? `line ${frame[2] ?? frame[5]}` : "import";
  // The line is in the file that threw: the notebook, or a helper of its own folder (its charts.ts).
  const thrower = frame ? (frame[1] ?? frame[4])! : "";
  const where = root && thrower.startsWith(`${root}/`) ? thrower.slice(root.length + 1) : undefined;
  return { place, message: text.split("\n")[0]!, ...(where ? { where } : {}) };
}
