// Finds the notebooks and imports them. The library reaches notebooks only
// through here, so a notebook that throws or fails to parse becomes a
// problem with its file name instead of a crash of the whole build.

import { readdirSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { NotebookSpec } from "./notebook.ts";
import type { Problem } from "./problems.ts";

export interface LoadedNotebook {
  /** Relative to the project root: notebooks/<id>.ts */
  file: string;
  notebook: NotebookSpec;
}

export function notebookFiles(root: string): string[] {
  let names: string[];
  try {
    names = readdirSync(join(root, "notebooks"));
  } catch {
    return [];
  }
  return names.filter((n) => n.endsWith(".ts") && !n.startsWith("_")).sort().map((n) => `notebooks/${n}`);
}

export async function loadNotebooks(root: string, files = notebookFiles(root)): Promise<{ loaded: LoadedNotebook[]; problems: Problem[] }> {
  const loaded: LoadedNotebook[] = [];
  const problems: Problem[] = [];
  for (const file of files) {
    let module: { default?: unknown };
    try {
      module = (await import(pathToFileURL(join(root, file)).href)) as { default?: unknown };
    } catch (error) {
      problems.push({ file, place: "import", message: `the notebook failed to load: ${firstLine(error)}`, fix: "Fix the error, then run the build again; the notebook's published files are left as they were" });
      continue;
    }
    const nb = module.default;
    if (!isNotebook(nb)) {
      problems.push({ file, place: "export default", message: "the notebook does not export a notebook by default", fix: "End the file with `export default notebook({...})`" });
      continue;
    }
    const twin = loaded.find((l) => l.notebook.id === nb.id);
    if (twin) {
      problems.push({ file, place: `id ${nb.id}`, message: `the id is already used by ${twin.file}`, fix: "Give each notebook its own id" });
      continue;
    }
    loaded.push({ file, notebook: nb });
  }
  return { loaded, problems };
}

function isNotebook(value: unknown): value is NotebookSpec {
  const v = value as Partial<NotebookSpec> | null | undefined;
  return typeof v?.id === "string" && Array.isArray(v.seeds) && Array.isArray(v.figures) && typeof v.tables === "object";
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split("\n")[0]!;
}
