// What a chart read of its notebook's ledger while it was drawn, and whether
// those reads still give the same answers: a ledger edit then redraws the
// charts that read what changed (the figures their tables trace to, the
// figures their words print), not every chart of the story.

import type { Ledger } from "../ledger/index.ts";

type Key = string | number;
/** One read: what was done, where (a path from the ledger or from a figure, event or place by id), and what it gave. */
export type Read = [op: "get" | "has" | "keys" | "call", path: Key[], value: string];

type Kind = "figure" | "event" | "place";
const LISTS: Record<"figures" | "events" | "places", Kind> = { figures: "figure", events: "event", places: "place" };
const CALLS = new Set(["figure", "value", "place", "event"]);

/** The ledger's own entries by object, so that a figure reached by any route is named by its id. */
function entriesOf(ledger: Ledger): Map<object, [Kind, string]> {
  const entries = new Map<object, [Kind, string]>();
  for (const [list, kind] of Object.entries(LISTS) as ["figures" | "events" | "places", Kind][]) {
    for (const entry of ledger[list] as { id: string }[]) if (entry && typeof entry === "object") entries.set(entry, [kind, entry.id]);
  }
  return entries;
}

/** A value as a read records it: a number or string as JSON, a ledger entry by its id, another object by its shape only (its fields are reads of their own). */
function encode(value: unknown, entries: Map<object, [Kind, string]>): string {
  if (value === undefined) return "undefined";
  if (typeof value === "function") return "function";
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? String(value);
  const entry = entries.get(value);
  if (entry) return `${entry[0]}:${entry[1]}`;
  // A frozen object cannot be watched field by field (a proxy must hand out its own values): it is recorded whole.
  if (Object.isFrozen(value)) return `frozen:${JSON.stringify(value)}`;
  return Array.isArray(value) ? "array" : "object";
}

/**
 * The ledger as a chart sees it, recording every read. Nothing is copied:
 * the chart reads the same objects through proxies that only take notes.
 */
export function recordReads(ledger: Ledger): { ledger: Ledger; reads: () => Read[] } {
  const entries = entriesOf(ledger);
  const reads = new Map<string, Read>();
  const note = (read: Read) => reads.set(JSON.stringify([read[0], read[1]]), read);
  const proxies = new WeakMap<object, object>();

  const watch = <T extends object>(target: T, path: Key[]): T => {
    if (Object.isFrozen(target)) return target;
    const known = proxies.get(target);
    if (known) return known as T;
    const proxy = new Proxy(target, {
      get(t, key, receiver) {
        const value: unknown = Reflect.get(t, key, receiver);
        if (typeof key === "symbol") return value; // Symbol.iterator and the like: the reads they make are seen as gets
        if (path.length === 1 && path[0] === "ledger" && CALLS.has(key) && typeof value === "function") {
          return (...args: unknown[]) => {
            const at: Key[] = ["ledger", key];
            try {
              const result: unknown = (value as (...a: unknown[]) => unknown).apply(t, args);
              note(["call", [...at, JSON.stringify(args)], encode(result, entries)]);
              return wrap(result, [...at, JSON.stringify(args)]);
            } catch (error) {
              note(["call", [...at, JSON.stringify(args)], `throws:${(error as Error).message}`]);
              throw error;
            }
          };
        }
        note(["get", [...path, key], encode(value, entries)]);
        return wrap(value, [...path, key]);
      },
      has(t, key) {
        const value = Reflect.has(t, key);
        if (typeof key !== "symbol") note(["has", [...path, key], String(value)]);
        return value;
      },
      ownKeys(t) {
        const keys = Reflect.ownKeys(t);
        note(["keys", path, JSON.stringify(keys.filter((k) => typeof k === "string"))]);
        return keys;
      },
    });
    proxies.set(target, proxy);
    return proxy;
  };
  const wrap = (value: unknown, path: Key[]): unknown => {
    if (value === null || typeof value !== "object") return value;
    const entry = entries.get(value);
    return watch(value, entry ? [entry[0], entry[1]] : path);
  };
  return { ledger: watch(ledger, ["ledger"]), reads: () => [...reads.values()] };
}

/** Whether every read gives the same answer of this ledger as it gave when it was recorded. */
export function readsHold(ledger: Ledger, reads: Read[]): boolean {
  const entries = entriesOf(ledger);
  const byId = new Map<string, object>([...entries].map(([object, [kind, id]]) => [`${kind}:${id}`, object]));
  return reads.every(([op, path, value]) => {
    try {
      return replay(ledger, byId, entries, op, path) === value;
    } catch {
      return false;
    }
  });
}

function replay(ledger: Ledger, byId: Map<string, object>, entries: Map<object, [Kind, string]>, op: Read[0], path: Key[]): string | undefined {
  if (op === "call") {
    const [, method, args] = path;
    const f = (ledger as unknown as Record<string, (...a: unknown[]) => unknown>)[String(method)];
    if (typeof f !== "function") return undefined;
    try {
      return encode(f.apply(ledger, JSON.parse(String(args)) as unknown[]), entries);
    } catch (error) {
      return `throws:${(error as Error).message}`;
    }
  }
  const [root, ...rest] = path;
  const start = root === "ledger" ? ledger : byId.get(`${String(root)}:${String(rest.shift())}`);
  if (start === undefined) return undefined;
  const walk = op === "keys" ? rest : rest.slice(0, -1);
  let at: unknown = start;
  // A path that runs through a call's result starts at the call: ["ledger", "figure", "[\"id\"]", …].
  if (root === "ledger" && typeof walk[0] === "string" && CALLS.has(walk[0]) && typeof walk[1] === "string" && walk[1].startsWith("[")) {
    at = (ledger as unknown as Record<string, (...a: unknown[]) => unknown>)[walk[0]]!.apply(ledger, JSON.parse(walk[1]) as unknown[]);
    walk.splice(0, 2);
  }
  for (const key of walk) {
    if (at === null || typeof at !== "object") return undefined;
    at = (at as Record<Key, unknown>)[key];
  }
  if (at === null || typeof at !== "object") return undefined;
  if (op === "keys") return JSON.stringify(Reflect.ownKeys(at).filter((k) => typeof k === "string"));
  const key = rest.at(-1)!;
  if (op === "has") return String(key in at);
  return encode((at as Record<Key, unknown>)[key], entries);
}
