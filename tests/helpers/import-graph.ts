// The import graph of src/, read from each module's import and export lines
// (TypeScript's own pre-processor, so comments and strings are never taken for
// imports), and the layout rules it must keep: the pipeline's stages import
// only earlier stages, through their index.ts, and nothing imports in a circle.

import { readdirSync, readFileSync } from "node:fs";
import { join, posix } from "node:path";
import ts from "typescript";

/** The pipeline, in the order data flows: a stage may import only those before it. */
export const STAGES = ["ledger", "tables", "chart", "publish", "build", "cli"] as const;

/** Files at the top of src/: the public entries, which stand after every stage. */
const ENTRIES = new Set(["src/index.ts", "src/bin.mjs"]);

const SOURCE = /\.(ts|mts|mjs)$/;

export interface Edge {
  from: string;
  to: string;
  line: number;
}

/** Every .ts/.mjs file under src/ of root, by its path from root, with its text. */
export function readSources(root: string, dir = "src"): Map<string, string> {
  const out = new Map<string, string>();
  for (const e of readdirSync(join(root, dir), { withFileTypes: true })) {
    const path = posix.join(dir, e.name);
    if (e.isDirectory()) for (const [p, t] of readSources(root, path)) out.set(p, t);
    else if (SOURCE.test(e.name)) out.set(path, readFileSync(join(root, path), "utf8"));
  }
  return out;
}

/** Imports between the files given (package imports such as "d3" are left out). */
export function importEdges(files: Map<string, string>): Edge[] {
  const edges: Edge[] = [];
  for (const [from, text] of files) {
    const info = ts.preProcessFile(text, true, true);
    for (const ref of info.importedFiles) {
      if (!ref.fileName.startsWith(".")) continue;
      let to = posix.normalize(posix.join(posix.dirname(from), ref.fileName));
      // A .mjs module's types live beside it in .d.mts; the import is of the module.
      if (!files.has(to) && files.has(to.replace(/\.d\.mts$/, ".mjs"))) to = to.replace(/\.d\.mts$/, ".mjs");
      const line = text.slice(0, ref.pos).split("\n").length;
      edges.push({ from, to, line });
    }
  }
  return edges;
}

/** The stage a file belongs to, or "entry" for src/index.ts and src/bin.mjs. */
export function stageOf(file: string): string {
  if (ENTRIES.has(file)) return "entry";
  return file.split("/")[1] ?? "";
}

function rank(stage: string): number {
  return stage === "entry" ? STAGES.length : (STAGES as readonly string[]).indexOf(stage);
}

/** Everything wrong with the layout, one line each, naming both files. */
export function layoutProblems(files: Map<string, string>): string[] {
  const problems: string[] = [];
  for (const file of files.keys()) {
    if (stageOf(file) !== "entry" && rank(stageOf(file)) < 0) problems.push(`${file}: not in a stage folder (${STAGES.join(", ")}) nor a public entry`);
  }
  const edges = importEdges(files);
  for (const e of edges) {
    const where = `${e.from}:${e.line}`;
    if (!files.has(e.to)) {
      problems.push(`${where} imports ${e.to}, which does not exist`);
      continue;
    }
    const a = stageOf(e.from);
    const b = stageOf(e.to);
    if (a === b) continue;
    if (rank(b) > rank(a)) {
      problems.push(`${where} imports ${e.to}: ${a} comes before ${b} in the pipeline, so it must not import it`);
    } else if (e.to !== `src/${b}/index.ts` && !e.to.endsWith(".mjs")) {
      // .mjs modules are the launcher's plain JavaScript, imported before TypeScript can load.
      problems.push(`${where} imports ${e.to} past the ${b} stage's public face: import it from src/${b}/index.ts`);
    }
  }
  for (const cycle of cycles(edges.filter((e) => files.has(e.to)))) {
    problems.push(`import cycle: ${[...cycle, cycle[0]].join(" → ")}`);
  }
  return problems;
}

/** Each circle of imports once, as the files in it in import order (Tarjan's strongly connected components). */
export function cycles(edges: Edge[]): string[][] {
  const next = new Map<string, string[]>();
  for (const e of edges) next.set(e.from, [...(next.get(e.from) ?? []), e.to]);
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  let counter = 0;
  const visit = (v: string) => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of next.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      const selfLoop = (next.get(v) ?? []).includes(v);
      if (component.length > 1 || selfLoop) found.push(pathThrough(component, next));
    }
  };
  for (const v of [...next.keys()].sort()) if (!index.has(v)) visit(v);
  return found;
}

/** One circle through a strongly connected component, starting at its first file by name. */
function pathThrough(component: string[], next: Map<string, string[]>): string[] {
  const members = new Set(component);
  const start = [...component].sort()[0]!;
  // Breadth-first from start back to start, inside the component.
  const previous = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const v = queue.shift()!;
    for (const w of next.get(v) ?? []) {
      if (!members.has(w)) continue;
      if (w === start) {
        const path = [v];
        while (path[0] !== start) path.unshift(previous.get(path[0]!)!);
        return path;
      }
      if (!previous.has(w)) {
        previous.set(w, v);
        queue.push(w);
      }
    }
  }
  return [start];
}

/**
 * The packages src/ loads when it runs, by name ("tsx" for "tsx/esm/api"):
 * static and dynamic imports, less type-only ones and Node's own modules.
 */
export function runtimePackages(files: Map<string, string>): Map<string, string[]> {
  const used = new Map<string, string[]>();
  const add = (spec: string, file: string) => {
    if (spec.startsWith(".") || spec.startsWith("node:")) return;
    const name = spec.startsWith("@") ? spec.split("/").slice(0, 2).join("/") : spec.split("/")[0]!;
    used.set(name, [...new Set([...(used.get(name) ?? []), file])]);
  };
  for (const [file, text] of files) {
    if (file.endsWith(".d.ts") || file.endsWith(".d.mts")) continue;
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
    const visit = (node: ts.Node) => {
      if (ts.isImportDeclaration(node) && !node.importClause?.isTypeOnly && ts.isStringLiteral(node.moduleSpecifier)) {
        // An import whose every name is a type is erased too.
        const bindings = node.importClause?.namedBindings;
        const allTypes = !node.importClause?.name && bindings && ts.isNamedImports(bindings) && bindings.elements.length > 0 && bindings.elements.every((e) => e.isTypeOnly);
        if (!allTypes) add(node.moduleSpecifier.text, file);
      } else if (ts.isExportDeclaration(node) && !node.isTypeOnly && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
        add(node.moduleSpecifier.text, file);
      } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] && ts.isStringLiteral(node.arguments[0])) {
        add(node.arguments[0].text, file);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return used;
}

