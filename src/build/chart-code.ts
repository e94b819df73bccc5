// Which of a notebook's source each chart's drawing can depend on: the chart's
// own entry in its charts object, the top-level declarations it names (and
// they name, across the notebook's own files), and any top-level statement
// that could change those at load. Two versions of the notebook give a chart
// the same slice only when no edit between them can change what it draws, so
// a save that touches one chart redraws that chart alone. Where that cannot
// be shown (a chart built in a loop, a `let` it reads, code run by eval), the
// chart's slice is the whole notebook, and any edit redraws it. Where the
// files themselves cannot all be found (an import by a computed name, a
// require), no chart of the notebook is ever kept.

import { createHash, randomUUID } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
import { createRequire, isBuiltin } from "node:module";
import { posix } from "node:path";
import type { Node } from "acorn";
import { IMPORT } from "./notebook-imports.ts";

// Loaded when a slice is first cut, which only a build after an edit does: a first build needs neither.
const require = createRequire(import.meta.url);
let tools: { esbuild: typeof import("esbuild"); parse: typeof import("acorn").parse } | null = null;
function parser(): NonNullable<typeof tools> {
  tools ??= { esbuild: require("esbuild") as typeof import("esbuild"), parse: (require("acorn") as typeof import("acorn")).parse };
  return tools;
}

const CODE = /\.(ts|mts|cts|tsx|js|mjs|cjs|jsx)$/;

function loaderOf(file: string): "ts" | "tsx" | "jsx" | "js" {
  return /\.(ts|mts|cts)$/.test(file) ? "ts" : file.endsWith(".tsx") ? "tsx" : file.endsWith(".jsx") ? "jsx" : "js";
}

/** Each source as JavaScript, by loader and text, made ahead by prepareSources. */
const transformed = new Map<string, string>();
/**
 * What the map may hold: a watch prepares every saved version of a file, so a
 * bound on entries alone kept 64 versions of a large one (a 16 MB source saved
 * 64 times held 1.2 GB). The oldest go first; a text over the bound is not kept.
 */
const HELD = { entries: 64, chars: 16 * 1024 * 1024 };
let heldChars = 0;
function remember(key: string, code: string): void {
  if (transformed.has(key) || code.length > HELD.chars) return;
  transformed.set(key, code);
  heldChars += code.length;
  for (const [k, v] of transformed) {
    if (transformed.size <= HELD.entries && heldChars <= HELD.chars) break;
    transformed.delete(k);
    heldChars -= v.length;
  }
}
/** How much prepared text is held (for the tests). */
export function preparedHeld(): { entries: number; chars: number } {
  return { entries: transformed.size, chars: [...transformed.values()].reduce((n, v) => n + v.length, 0) };
}
const transformKey = (file: string, source: string) => `${loaderOf(file)}\0${createHash("sha256").update(source).digest("hex")}`;

/**
 * Turns the sources into JavaScript ahead of cutting slices, on esbuild's
 * service, which a build that compiled this run already has running: its
 * synchronous call starts an esbuild process of its own (about 40 ms) and
 * waits for it. The same text either way.
 */
export async function prepareSources(sources: Sources): Promise<void> {
  const { esbuild } = parser();
  await Promise.all([...sources].filter(([file]) => CODE.test(file)).map(async ([file, text]) => {
    const key = transformKey(file, text);
    if (transformed.has(key)) return;
    let code: string;
    try {
      code = (await esbuild.transform(text, { loader: loaderOf(file) })).code;
    } catch {
      return; // parseModule reports it, as it would have
    }
    remember(key, code);
  }));
}

/** A notebook's own source files: its path under the project → text. */
export type Sources = Map<string, string>;

// What loads a file the line above cannot name: import() of anything but one literal, require.
const UNSEEN_LOAD = /\bimport\s*\((?!\s*(["'])[^"'\n]+\1\s*[,)])|\brequire\s*\(|\bcreateRequire\b/;
/**
 * Stands in the sources for files the notebook may load that cannot be found
 * from its text: a new value on every build, so that no chart of it is kept.
 */
export const UNSEEN = "\0unseen";

/** The notebook file and every file of the project it imports, except the library (src/), which the build keys apart. */
export function notebookSources(root: string, file: string): Sources {
  const sources: Sources = new Map();
  const base = root.split("\\").join("/");
  const isFile = (path: string) => {
    try {
      return statSync(posix.join(base, path)).isFile();
    } catch {
      return false;
    }
  };
  const unseen = () => sources.set(UNSEEN, randomUUID());
  const visit = (path: string) => {
    if (sources.has(path)) return;
    let text: string;
    try {
      text = readFileSync(posix.join(base, path), "utf8");
    } catch {
      sources.set(path, "");
      return;
    }
    sources.set(path, text);
    if (!CODE.test(path)) return;
    if (UNSEEN_LOAD.test(text)) unseen();
    for (const m of text.matchAll(IMPORT)) {
      const target = local(path, m[2]!, isFile);
      if (target === OUTSIDE) {
        // A package the project has installed is keyed by the lock file; anything else (#imports, tsconfig paths, a file outside the project) is not seen.
        const name = m[2]!.startsWith("@") ? m[2]!.split("/").slice(0, 2).join("/") : m[2]!.split("/")[0]!;
        if (!(isBuiltin(m[2]!) || isFile(`node_modules/${name}/package.json`))) unseen();
      } else if (target) visit(target);
    }
  };
  visit(file.split("\\").join("/"));
  return sources;
}

/**
 * A notebook's sources, with those of every other notebook that shares a
 * file with it (directly or through another): a build loads them in one
 * process, so code one runs at load can change a value the other's charts
 * read. `cache` keeps each notebook's own sources for the rest of the build.
 */
export function sharedSources(root: string, file: string, notebooks: string[], cache: Map<string, Sources>): Sources {
  const of = (f: string) => {
    let s = cache.get(f);
    if (!s) cache.set(f, (s = notebookSources(root, f)));
    return s;
  };
  const sources = new Map(of(file));
  const joined = new Set([file]);
  for (let grew = true; grew;) {
    grew = false;
    for (const other of notebooks) {
      if (joined.has(other)) continue;
      const theirs = of(other);
      if (![...theirs.keys()].some((k) => k !== UNSEEN && sources.has(k))) continue;
      for (const [k, v] of theirs) if (!sources.has(k)) sources.set(k, v);
      joined.add(other);
      grew = true;
    }
  }
  return sources;
}

/** What local() gives for a specifier that is not a relative path: a package, a builtin, or something only the compiler resolves. */
const OUTSIDE = "\0outside";

/**
 * The project path a relative import names, found as esbuild finds it (the
 * path itself, a .ts file for a .js name, the path with an extension, a
 * folder's index), or the path as written when no such file exists. Null for
 * the library, OUTSIDE for a specifier that is not a relative path.
 */
function local(from: string, specifier: string, exists: (path: string) => boolean): string | null {
  if (specifier.startsWith("/") || /^[a-zA-Z]:/.test(specifier)) return OUTSIDE;
  if (!specifier.startsWith(".")) return OUTSIDE;
  const target = posix.normalize(posix.join(posix.dirname(from), specifier));
  if (target.startsWith("../")) return OUTSIDE;
  const found = candidates(target).find(exists) ?? target;
  return found.startsWith("src/") ? null : found;
}

const EXTENSIONS = [".ts", ".tsx", ".mts", ".cts", ".js", ".jsx", ".mjs", ".cjs", ".json"];
const TYPESCRIPT_FOR: Record<string, string[]> = { ".js": [".ts", ".tsx"], ".jsx": [".tsx"], ".mjs": [".mts"], ".cjs": [".cts"] };

function candidates(path: string): string[] {
  const ext = posix.extname(path);
  const stem = path.slice(0, path.length - ext.length);
  return [path, ...(TYPESCRIPT_FOR[ext] ?? []).map((e) => stem + e), ...EXTENSIONS.map((e) => path + e), ...EXTENSIONS.map((e) => `${path}/index${e}`)];
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
  /** Whether a function of it changes a top-level value when called, once asked. */
  writes?: boolean;
  /** Where its statements act at load, once asked. */
  effects?: { text: string; start: number; mentions: Set<string> }[];
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

/** A module as parsed, given which files the notebook has: an import is bound to the file that resolves it among them. */
function readModule(file: string, source: string, files: { tag: string; has: (path: string) => boolean }): Module {
  const key = `${file}\0${files.tag}\0${createHash("sha256").update(source).digest("hex")}`;
  const known = read.get(key);
  if (known) return known;
  const module = parseModule(file, source, files.has);
  if (read.size >= 64) read.delete(read.keys().next().value!);
  read.set(key, module);
  return module;
}

function parseModule(file: string, source: string, has: (path: string) => boolean): Module {
  // A package or the library: not the notebook's own file.
  const fileOf = (specifier: string): string | null => {
    const target = local(file, specifier, has);
    return target === OUTSIDE ? null : target;
  };
  // No format: esbuild then keeps the module's own export statements (with one it rewrites `export default x` as a var).
  const { esbuild, parse } = parser();
  const text = transformed.get(transformKey(file, source)) ?? esbuild.transformSync(source, { loader: loaderOf(file) }).code;
  const program = parse(text, { ecmaVersion: "latest", sourceType: "module" }) as unknown as AnyNode;
  const statements = program.body as AnyNode[];
  const m: Module = { file, text, statements, bindings: new Map(), exports: new Map(), stars: [] };
  const bind = (name: string, b: Binding) => m.bindings.set(name, b);
  statements.forEach((s, i) => {
    const declaration = (s.type === "ExportNamedDeclaration" || s.type === "ExportDefaultDeclaration") && isNode(s.declaration) ? s.declaration : s;
    if (s.type === "ImportDeclaration") {
      const from = fileOf((s.source as AnyNode).value as string);
      for (const spec of s.specifiers as AnyNode[]) {
        const name = spec.type === "ImportNamespaceSpecifier" ? "*" : spec.type === "ImportDefaultSpecifier" ? "default" : exportName(spec.imported as AnyNode);
        bind((spec.local as AnyNode).name as string, { statement: i, mutable: false, from: { file: from, name } });
      }
      return;
    }
    if (s.type === "ExportAllDeclaration") {
      const from = fileOf((s.source as AnyNode).value as string);
      if (from && !s.exported) m.stars.push(from);
      else if (s.exported) m.exports.set(exportName(s.exported as AnyNode), `\0${i}`), bind(`\0${i}`, { statement: i, mutable: false, from: { file: from, name: "*" } });
      return;
    }
    if (s.type === "ExportNamedDeclaration" && !isNode(s.declaration)) {
      const from = s.source ? fileOf((s.source as AnyNode).value as string) : undefined;
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
    const files = { tag: createHash("sha256").update([...sources.keys()].sort().join("\0")).digest("hex"), has: (path: string) => sources.has(path) };
    modules = new Map([...sources].filter(([file]) => CODE.test(file)).map(([file, text]) => [file, readModule(file, text, files)]));
  } catch {
    return result; // a file that does not parse: the build reports it; no chart can be shown unaffected
  }
  // Data files a notebook reads itself (a CSV in its folder) could reach any chart: they are in every slice.
  const data = [...sources].filter(([file]) => !modules.has(file)).sort(([a], [b]) => (a < b ? -1 : 1)).map(([file, text]) => `${file}\0${text}`).join("\0");

  // Code that changes the notebook's values when it is called, not at load: nothing cut out can show who it reaches.
  if ([...modules.values()].some(writesWhenCalled)) return result;

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

/**
 * Where a chart is written, and the declarations that hold it on the way from
 * notebook({ charts }) (the charts object, a const spread into it, the
 * notebook itself), as "file\0name": code at load that changes one of those
 * (charts.x.plot = …) can change the chart without naming anything in it.
 */
/**
 * Whether the notebook's files (as parsed) hold a function that changes a
 * value of the notebook's own when called (see writesWhenCalled). Such a
 * notebook's charts can change one another as they are drawn, or be changed
 * by its tables' code, so a build draws all of them or none; a file that does
 * not parse counts as one.
 */
export function changesWhenCalled(sources: Sources): boolean {
  try {
    const files = { tag: createHash("sha256").update([...sources.keys()].sort().join("\0")).digest("hex"), has: (path: string) => sources.has(path) };
    return [...sources].some(([file, text]) => CODE.test(file) && writesWhenCalled(readModule(file, text, files)));
  } catch {
    return true;
  }
}

/** Methods that change the array, map or set they are called on. */
const MUTATORS = new Set(["push", "pop", "shift", "unshift", "splice", "sort", "reverse", "fill", "copyWithin", "set", "add", "delete", "clear"]);
/** Globals whose methods change their first argument. */
const CHANGES_FIRST = new Set(["Object", "Reflect"]);

/**
 * Whether a function in the module, when called (as a label while a chart is
 * drawn, as a table's build), changes a top-level value: assigns it or one of
 * its fields, or calls a mutating method on it. `this` counts as top-level
 * (a method of a top-level object). Names a function declares itself are its
 * own; what a function changes through a parameter it is given is not seen.
 */
function writesWhenCalled(module: Module): boolean {
  if (module.writes !== undefined) return module.writes;
  let found = false;
  const isTop = (name: string, scopes: Set<string>[]) => module.bindings.has(name) && !scopes.some((s) => s.has(name));
  const changes = (target: AnyNode, scopes: Set<string>[]): boolean => {
    let root = target;
    while (root.type === "MemberExpression" || root.type === "ChainExpression") root = (root.type === "ChainExpression" ? root.expression : root.object) as AnyNode;
    if (root.type === "ThisExpression") return true;
    if (root.type === "Identifier") return isTop(root.name as string, scopes);
    if (root.type === "Property") return changes(root.value as AnyNode, scopes);
    if (root.type === "AssignmentPattern") return changes(root.left as AnyNode, scopes);
    if (root.type === "ObjectPattern" || root.type === "ArrayPattern" || root.type === "RestElement") return children(root).some((c) => changes(c, scopes));
    return false;
  };
  const visit = (n: AnyNode, scopes: Set<string>[]) => {
    if (found) return;
    if (FUNCTION.has(n.type)) {
      const inner = [...scopes, localsOf(n)];
      for (const child of children(n)) visit(child, inner);
      return;
    }
    if (scopes.length > 0) {
      if (n.type === "AssignmentExpression" && changes(n.left as AnyNode, scopes)) found = true;
      else if ((n.type === "UpdateExpression" || (n.type === "UnaryExpression" && n.operator === "delete")) && changes(n.argument as AnyNode, scopes)) found = true;
      else if (n.type === "CallExpression" && (n.callee as AnyNode).type === "MemberExpression") {
        const callee = n.callee as AnyNode;
        const method = (callee.property as AnyNode).name ?? (callee.property as AnyNode).value;
        const on = callee.object as AnyNode;
        if (MUTATORS.has(String(method)) && changes(on, scopes)) found = true;
        const first = (n.arguments as AnyNode[])[0];
        if (on.type === "Identifier" && CHANGES_FIRST.has(on.name as string) && !module.bindings.has(on.name as string) && first && changes(first, scopes)) found = true;
      } else if (n.type === "ForInStatement" || n.type === "ForOfStatement") {
        if (changes(n.left as AnyNode, scopes) && (n.left as AnyNode).type !== "VariableDeclaration") found = true;
      }
    }
    for (const child of children(n)) visit(child, scopes);
  };
  for (const statement of module.statements) visit(statement, []);
  module.writes = found;
  return found;
}

/** The names a function declares: its own name, its parameters, and what its body declares (not its inner functions' bodies). */
function localsOf(fn: AnyNode): Set<string> {
  const out = new Set<string>();
  if (fn.type === "FunctionExpression" && isNode(fn.id)) out.add(fn.id.name as string);
  for (const p of fn.params as AnyNode[]) declared(p, []).forEach((n) => out.add(n));
  const visit = (n: AnyNode) => {
    if (n.type === "VariableDeclaration") for (const d of n.declarations as AnyNode[]) declared(d.id as AnyNode, []).forEach((x) => out.add(x));
    else if ((n.type === "FunctionDeclaration" || n.type === "ClassDeclaration") && isNode(n.id)) out.add(n.id.name as string);
    else if (n.type === "CatchClause" && isNode(n.param)) declared(n.param, []).forEach((x) => out.add(x));
    if (FUNCTION.has(n.type) || n.type === "ClassExpression" || n.type === "ClassDeclaration") return;
    for (const child of children(n)) visit(child);
  };
  visit(fn.body as AnyNode);
  return out;
}

type Entry = { module: Module; node: AnyNode; holders: string[] };

/**
 * Where each chart is written: the properties of the object the notebook
 * passes as \`charts\` to notebook({ … }), followed through names, imports and
 * spreads. Null when that object is not written out (built in a loop, say).
 */
function chartEntries(modules: Map<string, Module>, file: string): Map<string, Entry[]> | null {
  type At = { module: Module; node: AnyNode };
  const main = modules.get(file);
  if (!main) return null;
  const entries = new Map<string, Entry[]>();
  const seen = new Set<AnyNode>();
  /** The expression a name stands for: a const's value, followed into the file it is imported from. */
  const valueOf = (module: Module, name: string, depth = 0): At | null => {
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
  const holdersOf = (module: Module, name: string) => [...bound(modules, module, name)];
  const resolve = (at: At | null, holders: string[]): boolean => {
    if (!at || seen.has(at.node)) return false;
    seen.add(at.node);
    const { module, node } = at;
    if (node.type === "Identifier") return resolve(valueOf(module, node.name as string), [...holders, ...holdersOf(module, node.name as string)]);
    if (node.type !== "ObjectExpression") return false;
    for (const p of node.properties as AnyNode[]) {
      if (p.type === "SpreadElement") {
        if (!resolve({ module, node: p.argument as AnyNode }, holders)) return false;
        continue;
      }
      if (p.computed) return false;
      const key = p.key as AnyNode;
      const id = key.type === "Identifier" ? (key.name as string) : String(key.value);
      entries.set(id, [...(entries.get(id) ?? []), { module, node: p, holders }]);
    }
    return true;
  };
  // export default notebook({ …, charts: … }), or a name for it.
  const last = main.statements.find((s) => s.type === "ExportDefaultDeclaration");
  let call: At | null = last ? { module: main, node: last.declaration as AnyNode } : null;
  // The notebook's own name: code that reaches it (story.charts.x.plot = …) reaches every chart.
  let holders: string[] = [];
  if (call?.node.type === "Identifier") {
    holders = holdersOf(main, call.node.name as string);
    call = valueOf(main, call.node.name as string);
  }
  if (!call && main.exports.has("default")) {
    holders = holdersOf(main, main.exports.get("default")!);
    call = valueOf(main, main.exports.get("default")!);
  }
  if (call?.node.type !== "CallExpression") return null;
  const options = (call.node.arguments as AnyNode[])[0];
  if (options?.type !== "ObjectExpression") return null;
  const charts = (options.properties as AnyNode[]).filter((p) => p.type === "Property" && !p.computed && (((p.key as AnyNode).name ?? (p.key as AnyNode).value) === "charts"));
  if (charts.length !== 1) return null;
  return resolve({ module: main, node: charts[0]!.value as AnyNode }, holders) ? entries : null;
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
  /** Where the context starts in its module's text: the order effects run in. */
  start: number;
  mentions: Set<string>;
  /** Every declaration the context can reach, as "file\0name": what running it could change. Worked out when first asked. */
  reach?: Set<string>;
}

/** Where a top-level statement acts at load, each as its context's text and the names it mentions. */
function loadEffects(module: Module, statement: AnyNode): { text: string; start: number; mentions: Set<string> }[] {
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
  return [...contexts].map((c) => ({ text: module.text.slice(c.start, c.end), start: c.start, mentions: names(c).names }));
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
function sliceOf(modules: Map<string, Module>, at: Entry, effects: Effect[]): string | null {
  // Each part by where it is, so that the slice keeps the order code runs in
  // and a statement written twice counts twice (style.w *= 2 run once or twice),
  // while an edit elsewhere that only moves it leaves the slice as it was.
  const parts = new Map<string, { file: string; start: number; text: string }>();
  const part = (module: Module, start: number, end: number) =>
    parts.set(`${module.file}\0${start}`, { file: module.file, start, text: module.text.slice(start, end) });
  /** Top-level statements in the slice, as "file\0index". */
  const taken = new Set<string>();
  const queue: { module: Module; names: Set<string> }[] = [];
  const own = names(at.node);
  if (own.dynamic) return null;
  part(at.module, at.node.start, at.node.end);
  queue.push({ module: at.module, names: own.names });
  let cut = true;

  const takeStatement = (module: Module, index: number) => {
    const key = `${module.file}\0${index}`;
    if (taken.has(key)) return;
    taken.add(key);
    const statement = module.statements[index]!;
    part(module, statement.start, statement.end);
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
    const inSlice = new Set<string>(at.holders);
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
      parts.set(`${e.module.file}\0${e.start}`, { file: e.module.file, start: e.start, text: e.text });
      queue.push({ module: e.module, names: e.mentions });
    }
  }
  // Effects in two files run in the order the files are imported: every file's imports join the slice.
  if (new Set([...takenEffects].map((e) => e.module.file)).size > 1) {
    for (const module of modules.values()) {
      module.statements.forEach((s) => {
        if (s.type === "ImportDeclaration" || s.type === "ExportAllDeclaration" || (s.type === "ExportNamedDeclaration" && s.source)) part(module, s.start, s.end);
      });
    }
  }
  return [...parts.values()]
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.start - b.start))
    .map((p) => `${p.file}\0${p.text}`).join("\0\0");
}
