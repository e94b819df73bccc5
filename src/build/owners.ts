// Which notebook owns each chart id and each table in data/. A name that two
// notebooks declare belongs to neither: both fail, whichever comes first, so a
// new story can never overwrite the files of another.

import type { Problem } from "../ledger/index.ts";
import type { LoadedNotebook } from "./registry.ts";
import { tableNames } from "./run.ts";

/**
 * The notebook that owns each chart id. An id two notebooks declare belongs
 * to neither: both charts fail, so neither overwrites the other's files.
 */
export function chartOwners(loaded: LoadedNotebook[], fail: (p: Problem) => void): Map<string, string> {
  const declared = new Map<string, string[]>();
  for (const { file, notebook } of loaded) {
    for (const id of Object.keys(notebook.charts ?? {})) declared.set(id, [...(declared.get(id) ?? []), file]);
  }
  const owners = new Map<string, string>();
  for (const [id, files] of declared) {
    if (files.length === 1) {
      owners.set(id, files[0]!);
      continue;
    }
    for (const file of files) {
      fail({
        file, place: `chart ${id}`,
        message: `the chart id is also used by ${files.filter((f) => f !== file).join(", ")}; neither chart is built and their published files are left as they were`,
        fix: "Give each chart an id of its own: the id names its files",
      });
    }
  }
  return owners;
}

/**
 * The notebooks that declare a table another notebook declares too (its
 * ledger tables, <id>-figures and the like, included): each is reported, with
 * the others named, and none of them is built.
 */
export function tableClashes(loaded: LoadedNotebook[], fail: (p: Problem) => void): string[] {
  const declared = new Map<string, string[]>();
  for (const { file, notebook } of loaded) {
    for (const name of tableNames(notebook)) declared.set(name, [...(declared.get(name) ?? []), file]);
  }
  const clashing = new Set<string>();
  for (const [name, files] of declared) {
    const distinct = [...new Set(files)];
    if (distinct.length < 2) continue;
    for (const file of distinct) {
      clashing.add(file);
      fail({
        file, place: `table ${name}`,
        message: `data/${name}.csv is also written by ${distinct.filter((f) => f !== file).join(", ")}; neither notebook is built and their published files are left as they were`,
        fix: "Give the table a name of its own, such as one that starts with the story's id",
      });
    }
  }
  return [...clashing].sort();
}
