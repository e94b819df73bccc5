// Which of a notebook's source each chart's drawing can depend on: the chart's
// own entry in its charts object, the top-level declarations it names (and
// they name, across the notebook's own files), and any top-level statement
// that could change those at load. Two versions of the notebook give a chart
// the same slice only when no edit between them can change what it draws, so
// a save that touches one chart redraws that chart alone. Where that cannot
// be shown (a chart built in a loop, a `let` it reads, code run by eval), the
// chart's slice is the whole notebook, and any edit redraws it.

import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { posix } from "node:path";
import type { Node } from "acorn";

// Loaded when a slice is first cut, which only a build after an edit does: a first build needs neither.
const require = createRequire(import.meta.url);
let tools: { transformSync: typeof import("esbuild").transformSync; parse: typeof import("acorn").parse } | null = null;
function parser(): NonNullable<typeof tools> {
  tools ??= { transformSync: (require("esbuild") as typeof import("esbuild")).transformSync, parse: (require("acorn") as typeof import("acorn")).parse };
  return tools;
}

/** A notebook's own source files: its path under the project → text. */
export type Sources = Map<string, string>;

// Static imports, re-exports and import("…") with a literal: enough to find the files a notebook is made of.
const IMPORT = /\b(?:from|import)\s*\(?\s*(["'])([^"'\n]+)\1/g;

/** The notebook file and every file of the project it imports, except the library (src/), which the build keys apart. */
export function notebookSources(root: string, file: string): Sources {
  const sources: Sources = new Map();
  const visit = (path: string) => {
    if (sources.has(path)) return;
    let text: string;
    try {
      text = readFileSync(posix.join(root.split("\\").join("/"), path), "utf8");
    } catch {
      sources.set(path, "");
      return;
    }
    sources.set(path, text);
    if (!/\.(ts|mts|js|mjs)$/.test(path)) return;
    for (const m of text.matchAll(IMPORT)) {
      const target = local(path, m[2]!);
      if (target) visit(target);
    }
  };
  visit(file.split("\\").join("/"));
  return sources;
}

/** The project path a relative import names, or null for a package or the library. */
function local(from: string, specifier: string): string | null {
  if (!specifier.startsWith(".")) return null;
  const target = posix.normalize(posix.join(posix.dirname(from), specifier));
  return target.startsWith("src/") || target.startsWith("../") ? null : target;
}

type AnyNode = Node & Record<string, unknown>;

interface Binding {
  statement: number;
  mutable: boolean;
  /** Bound by an import: the project file it comes from (null: a package or the library) and the name it has there. */
  from?: { file: string | null; name: string };
}

interface Module {
  file: string;
  text: string;
  statements: AnyNode[];
  bindings: Map<string, Binding>;
  /** Names this module exports → its own local names. */
  exports: Map<string, string>;
  /** export * from these files. */
  stars: string[];
  /** Where its statements act at load, once asked. */
  effects?: { text: string; mentions: Set<string> }[];
}

/** Globals a notebook calls at load that change nothing they are given. */
const PURE_GLOBALS = new Set(["String", "Number", "Boolean", "Math", "JSON", "Date", "parseInt", "parseFloat", "isNaN", "isFinite", "Symbol", "BigInt"]);
/** What can run code the slice cannot see. */
const DYNAMIC = new Set(["eval", "Function", "require"]);

function isNode(value: unknown): value is AnyNode {
  return typeof value === "object" && value !== null && typeof (value as { type?: unknown }).type === "string";
}

/** Each child node, in source order. */
function children(node: AnyNode): AnyNode[] {
  const out: AnyNode[] = [];
  for (const [key, value] of Object.entries(node)) {
    if (key === "type" || key === "start" || key === "end" || key === "loc" || key === "range") continue;
    if (Array.isArray(value)) {
      for (const v of value) if (isNode(v)) out.push(v);
    } else if (isNode(value)) out.push(value);
  }
  return out;
}

function walk(node: AnyNode, visit: (n: AnyNode) => boolean | void): void {
  if (visit(node) === false) return;
  for (const child of children(node)) walk(child, visit);
}

const FUNCTION = new Set(["FunctionExpression", "ArrowFunctionExpression", "FunctionDeclaration"]);

/** Every name a node mentions; over-counting (a property key, a shadowing local) only makes a slice larger. */
function names(node: AnyNode): { names: Set<string>; dynamic: boolean } {
  const found = new Set<string>();
  let dynamic = false;
  walk(node, (n) => {
    if (n.type === "Identifier") {
      found.add(n.name as string);
      if (DYNAMIC.has(n.name as string)) dynamic = true;
    } else if (n.type === "ImportExpression" || n.type === "MetaProperty" || n.type === "WithStatement") dynamic = true;
  });
  return { names: found, dynamic };
}

/** The names a pattern declares: a, { a, b: [c] }, ...rest. */
function declared(pattern: AnyNode, into: string[]): string[] {
  const type: string = pattern.type;
  if (type === "Identifier") into.push(pattern.name as string);
  else if (type === "ObjectPattern") for (const p of pattern.properties as AnyNode[]) declared(p.type === "RestElement" ? (p.argument as AnyNode) : (p.value as AnyNode), into);
  else if (type === "ArrayPattern") {
    for (const e of pattern.elements as (AnyNode | null)[]) if (e) declared(e, into);
  }
  else if (type === "RestElement") declared(pattern.argument as AnyNode, into);
  else if (type === "AssignmentPattern") declared(pattern.left as AnyNode, into);
  return into;
}

/** Modules already read, by file and text: a watch cuts slices on every save, mostly of files the save did not touch. */
const read = new Map<string, Module>();

function readModule(file: string, source: string): Module {
  const key = `${file}\0${createHash("sha256").update(source).digest("hex")}`;
  const known = read.get(key);
  if (known) return known;
  const module = parseModule(file, source);
  if (read.size >= 64) read.delete(read.keys().next().value!);
  read.set(key, module);
  return module;
}

function parseModule(file: string, source: string): Module {
  const loader = file.endsWith(".ts") || file.endsWith(".mts") ? "ts" : "js";
  // No format: esbuild then keeps the module's own export statements (with one it rewrites `export default x` as a var).
  const { transformSync, parse } = parser();
  const text = transformSync(source, { loader }).code;
  const program = parse(text, { ecmaVersion: "latest", sourceType: "module" }) as unknown as AnyNode;
  const statements = program.body as AnyNode[];
  const m: Module = { file, text, statements, bindings: new Map(), exports: new Map(), stars: [] };
  const bind = (name: string, b: Binding) => m.bindings.set(name, b);
  statements.forEach((s, i) => {
    const declaration = (s.type === "ExportNamedDeclaration" || s.type === "ExportDefaultDeclaration") && isNode(s.declaration) ? s.declaration : s;
    if (s.type === "ImportDeclaration") {
      const from = local(file, (s.source as AnyNode).value as string);
      for (const spec of s.specifiers as AnyNode[]) {
        const name = spec.type === "ImportNamespaceSpecifier" ? "*" : spec.type === "ImportDefaultSpecifier" ? "default" : exportName(spec.imported as AnyNode);
        bind((spec.local as AnyNode).name as string, { statement: i, mutable: false, from: { file: from, name } });
      }
      return;
    }
    if (s.type === "ExportAllDeclaration") {
      const from = local(file, (s.source as AnyNode).value as string);
      if (from && !s.exported) m.stars.push(from);
      else if (s.exported) m.exports.set(exportName(s.exported as AnyNode), `\0${i}`), bind(`\0${i}`, { statement: i, mutable: false, from: { file: from, name: "*" } });
      return;
    }
    if (s.type === "ExportNamedDeclaration" && !isNode(s.declaration)) {
      const from = s.source ? local(file, (s.source as AnyNode).value as string) : undefined;
      for (const spec of s.specifiers as AnyNode[]) {
        const exported = exportName(spec.exported as AnyNode);
        const own = exportName(spec.local as AnyNode);
        if (from === undefined) m.exports.set(exported, own);
        else {
          m.exports.set(exported, `\0${i}:${exported}`);
          bind(`\0${i}:${exported}`, { statement: i, mutable: false, from: { file: from, name: own } });
        }
      }
      return;
    }
    const exported = s.type === "ExportNamedDeclaration";
    if (declaration.type === "VariableDeclaration") {
      const mutable = declaration.kind !== "const";
      for (const d of declaration.declarations as AnyNode[]) {
        for (const name of declared(d.id as AnyNode, [])) {
          bind(name, { statement: i, mutable });
          if (exported) m.exports.set(name, name);
        }
      }
    } else if ((declaration.type === "FunctionDeclaration" || declaration.type === "ClassDeclaration") && isNode(declaration.id)) {
      const name = declaration.id.name as string;
      bind(name, { statement: i, mutable: false });
      if (exported) m.exports.set(name, name);
      if (s.type === "ExportDefaultDeclaration") m.exports.set("default", name);
    } else if (s.type === "ExportDefaultDeclaration") {
      bind("\0default", { statement: i, mutable: false });
      m.exports.set("default", "\0default");
    }
  });
  return m;
}

function exportName(node: AnyNode): string {
  return node.type === "Identifier" ? (node.name as string) : String(node.value);
}

/**
 * Each chart's slice of the notebook, as a hash: equal hashes of two versions
 * of the sources mean no edit between them reaches the chart. A chart that
 * cannot be sliced gets the hash of every source file.
 */
export function chartSlices(sources: Sources, ids: string[]): Map<string, string> {
  // The first source is the notebook file itself (see notebookSources).
  const whole = createHash("sha256");
  for (const [file, text] of [...sources].sort(([a], [b]) => (a < b ? -1 : 1))) whole.update(`${file}\0${text}\0`);
  const everything = `whole:${whole.digest("hex")}`;
  const result = new Map(ids.map((id) => [id, everything]));
  let modules: Map<string, Module>;
  try {
    modules = new Map([...sources].filter(([file]) => /\.(ts|mts|js|mjs)$/.test(file)).map(([file, text]) => [file, readModule(file, text)]));
  } catch {
    return result; // a file that does not parse: the build reports it; no chart can be shown unaffected
  }
  // Data files a notebook reads itself (a CSV in its folder) could reach any chart: they are in every slice.
  const data = [...sources].filter(([file]) => !modules.has(file)).sort(([a], [b]) => (a < b ? -1 : 1)).map(([file, text]) => `${file}\0${text}`).join("\0");

  const found = chartEntries(modules, [...sources.keys()][0]!);
  const effects: Effect[] = [...modules.values()].flatMap((module) => {
    module.effects ??= module.statements.flatMap((statement) => loadEffects(module, statement));
    return module.effects.map((e) => ({ module, ...e }));
  });

  for (const id of ids) {
    const places = found?.get(id);
    if (places?.length !== 1) continue;
    const slice = sliceOf(modules, places[0]!, effects);
    if (slice === null) continue;
    result.set(id, `slice:${createHash("sha256").update(`${slice}\0${data}`).digest("hex")}`);
  }
  return result;
}

type Entry = { module: Module; node: AnyNode };

/**
 * Where each chart is written: the properties of the object the notebook
 * passes as \`charts\` to notebook({ … }), followed through names, imports and
 * spreads. Null when that object is not written out (built in a loop, say).
 */
function chartEntries(modules: Map<string, Module>, file: string): Map<string, Entry[]> | null {
  const main = modules.get(file);
  if (!main) return null;
  const entries = new Map<string, Entry[]>();
  const seen = new Set<AnyNode>();
  /** The expression a name stands for: a const's value, followed into the file it is imported from. */
  const valueOf = (module: Module, name: string, depth = 0): Entry | null => {
    const binding = module.bindings.get(name);
    if (!binding || binding.mutable || depth > 20) return null;
    if (binding.from) {
      const target = binding.from.file ? modules.get(binding.from.file) : undefined;
      const own = target?.exports.get(binding.from.name);
      return target && own !== undefined ? valueOf(target, own, depth + 1) : null;
    }
    const statement = module.statements[binding.statement]!;
    const declaration = statement && isNode(statement.declaration) ? statement.declaration : statement;
    if (declaration?.type !== "VariableDeclaration") return null;
    const d = (declaration.declarations as AnyNode[]).find((x) => (x.id as AnyNode).type === "Identifier" && (x.id as AnyNode).name === name);
    return d && isNode(d.init) ? { module, node: d.init } : null;
  };
  const resolve = (at: Entry | null): boolean => {
    if (!at || seen.has(at.node)) return false;
    seen.add(at.node);
    const { module, node } = at;
    if (node.type === "Identifier") return resolve(valueOf(module, node.name as string));
    if (node.type !== "ObjectExpression") return false;
    for (const p of node.properties as AnyNode[]) {
      if (p.type === "SpreadElement") {
        if (!resolve({ module, node: p.argument as AnyNode })) return false;
        continue;
      }
      if (p.computed) return false;
      const key = p.key as AnyNode;
      const id = key.type === "Identifier" ? (key.name as string) : String(key.value);
      entries.set(id, [...(entries.get(id) ?? []), { module, node: p }]);
    }
    return true;
  };
  // export default notebook({ …, charts: … }), or a name for it.
  const last = main.statements.find((s) => s.type === "ExportDefaultDeclaration");
  let call: Entry | null = last ? { module: main, node: last.declaration as AnyNode } : null;
  if (call?.node.type === "Identifier") call = valueOf(main, call.node.name as string);
  if (!call && main.exports.has("default")) call = valueOf(main, main.exports.get("default")!);
  if (call?.node.type !== "CallExpression") return null;
  const options = (call.node.arguments as AnyNode[])[0];
  if (options?.type !== "ObjectExpression") return null;
  const charts = (options.properties as AnyNode[]).filter((p) => p.type === "Property" && !p.computed && (((p.key as AnyNode).name ?? (p.key as AnyNode).value) === "charts"));
  if (charts.length !== 1) return null;
  return resolve({ module: main, node: charts[0]!.value as AnyNode }) ? entries : null;
}

/**
 * A place where a notebook runs code at load that could change a value: a
 * call of its own code, an assignment, a class. Its context is the smallest
 * part of the statement that holds it with whatever decides whether it runs:
 * the object property it is in (one chart's entry, not the whole charts
 * object), else the whole statement.
 */
interface Effect {
  module: Module;
  text: string;
  mentions: Set<string>;
  /** Every declaration the context can reach, as "file\0name": what running it could change. Worked out when first asked. */
  reach?: Set<string>;
}

/** Where a top-level statement acts at load, each as its context's text and the names it mentions. */
function loadEffects(module: Module, statement: AnyNode): { text: string; mentions: Set<string> }[] {
  // A call of the library (imported from a package or src/) or of a global that changes nothing: it changes no notebook value.
  const isLibrary = (callee: AnyNode): boolean => {
    let root = callee;
    while (root.type === "MemberExpression") root = root.object as AnyNode;
    if (root.type !== "Identifier") return false;
    const binding = module.bindings.get(root.name as string);
    if (binding) return binding.from !== undefined && binding.from.file === null;
    return PURE_GLOBALS.has(root.name as string);
  };
  const acts = (n: AnyNode): boolean =>
    ((n.type === "CallExpression" || n.type === "NewExpression") && !isLibrary(n.callee as AnyNode)) ||
    (n.type === "TaggedTemplateExpression" && !isLibrary(n.tag as AnyNode)) ||
    n.type === "AssignmentExpression" || n.type === "UpdateExpression" || (n.type === "UnaryExpression" && n.operator === "delete") ||
    n.type === "ClassDeclaration" || n.type === "ClassExpression" || n.type === "StaticBlock";
  const declarative = ["ImportDeclaration", "VariableDeclaration", "FunctionDeclaration", "ClassDeclaration", "ExportNamedDeclaration", "ExportDefaultDeclaration", "ExportAllDeclaration", "EmptyStatement"];
  const contexts = new Set<AnyNode>();
  // In a statement of control flow (an if, a loop), the conditions decide what runs: it acts as a whole.
  const whole = !declarative.includes(statement.type);
  const visit = (n: AnyNode, context: AnyNode) => {
    if (FUNCTION.has(n.type)) return; // a function's body runs when it is called, not at load
    if (acts(n)) contexts.add(context);
    for (const child of children(n)) visit(child, n.type === "Property" && !whole ? n : context);
  };
  visit(statement, statement);
  return [...contexts].map((c) => ({ text: module.text.slice(c.start, c.end), mentions: names(c).names }));
}

/** Every declaration an effect can reach through the names it mentions and the declarations they name in turn. */
function reachOf(modules: Map<string, Module>, e: Effect): Set<string> {
  if (e.reach) return e.reach;
  const reach = new Set<string>();
  const queue: [Module, string][] = [...e.mentions].map((n) => [e.module, n]);
  while (queue.length > 0) {
    const [module, name] = queue.pop()!;
    for (const mark of bound(modules, module, name)) {
      if (reach.has(mark)) continue;
      reach.add(mark);
      const [file, own] = mark.split("\0") as [string, string];
      const target = modules.get(file)!;
      const binding = target.bindings.get(own);
      if (!binding || binding.from) continue;
      const statement = target.statements[binding.statement]!;
      for (const n of names(statement).names) queue.push([target, n]);
    }
  }
  e.reach = reach;
  return reach;
}

/** The declarations a module's name stands for, as "file\0name", followed through imports and re-exports (a namespace: all of its module). */
function bound(modules: Map<string, Module>, module: Module, name: string, seen = new Set<string>()): Set<string> {
  const out = new Set<string>();
  const mark = `${module.file}\0${name}`;
  const binding = module.bindings.get(name);
  if (seen.has(mark) || !binding) return out;
  seen.add(mark);
  out.add(mark);
  const target = binding.from?.file ? modules.get(binding.from.file) : undefined;
  if (!target) return out;
  const from = binding.from!.name;
  const reached = from === "*" ? [...target.bindings.keys()].flatMap((n) => [...bound(modules, target, n, seen)]) : [...exportedAs(modules, target, from, seen)];
  for (const b of reached) out.add(b);
  return out;
}

/** The declarations a module exports under a name, as "file\0name". */
function exportedAs(modules: Map<string, Module>, module: Module, name: string, seen = new Set<string>()): Set<string> {
  const own = module.exports.get(name);
  if (own !== undefined) return bound(modules, module, own, seen);
  const out = new Set<string>();
  for (const star of module.stars) {
    const target = modules.get(star);
    if (target) for (const b of exportedAs(modules, target, name, seen)) out.add(b);
  }
  return out;
}

/** The chart's slice as text, or null when it cannot be cut from the rest. */
function sliceOf(modules: Map<string, Module>, at: { module: Module; node: AnyNode }, effects: Effect[]): string | null {
  const parts = new Set<string>();
  /** Top-level statements in the slice, as "file\0index". */
  const taken = new Set<string>();
  const queue: { module: Module; names: Set<string> }[] = [];
  const own = names(at.node);
  if (own.dynamic) return null;
  parts.add(`${at.module.file}\0${at.module.text.slice(at.node.start, at.node.end)}`);
  queue.push({ module: at.module, names: own.names });
  let cut = true;

  const takeStatement = (module: Module, index: number) => {
    const key = `${module.file}\0${index}`;
    if (taken.has(key)) return;
    taken.add(key);
    const statement = module.statements[index]!;
    parts.add(`${module.file}\0${module.text.slice(statement.start, statement.end)}`);
    const n = names(statement);
    if (n.dynamic) cut = false;
    queue.push({ module, names: n.names });
  };
  /** What a name of a module is bound to, followed through imports into the notebook's other files. */
  const follow = (module: Module, name: string, seen = new Set<string>()) => {
    const mark = `${module.file}\0${name}`;
    if (seen.has(mark)) return;
    seen.add(mark);
    const binding = module.bindings.get(name);
    if (!binding) return; // a global, or a name local to a function
    if (binding.mutable) cut = false;
    takeStatement(module, binding.statement);
    if (!binding.from || binding.from.file === null) return;
    const target = modules.get(binding.from.file);
    if (!target) return;
    if (binding.from.name === "*") {
      // The whole module: a namespace can reach any of it.
      target.statements.forEach((_, i) => takeStatement(target, i));
      return;
    }
    exported(target, binding.from.name, seen);
  };
  const exported = (module: Module, name: string, seen: Set<string>) => {
    const ownName = module.exports.get(name);
    if (ownName !== undefined) return follow(module, ownName, seen);
    for (const star of module.stars) {
      const target = modules.get(star);
      if (target) exported(target, name, seen);
    }
  };

  const takenEffects = new Set<Effect>();
  for (;;) {
    while (queue.length > 0 && cut) {
      const { module, names: mentioned } = queue.shift()!;
      for (const name of mentioned) follow(module, name);
    }
    if (!cut) return null;
    // Code run at load that can reach what the slice holds could change it: it joins the slice.
    const inSlice = new Set<string>();
    for (const key of taken) {
      const [file, index] = key.split("\0");
      const module = modules.get(file!)!;
      // The library's names are not the notebook's to change.
      for (const [name, b] of module.bindings) if (String(b.statement) === index && b.from?.file !== null) inSlice.add(`${file}\0${name}`);
    }
    const more = effects.filter((e) => !takenEffects.has(e) && [...reachOf(modules, e)].some((b) => inSlice.has(b)));
    if (more.length === 0) break;
    for (const e of more) {
      takenEffects.add(e);
      parts.add(`${e.module.file}\0${e.text}`);
      queue.push({ module: e.module, names: e.mentions });
    }
  }
  return [...parts].sort().join("\0\0");
}
