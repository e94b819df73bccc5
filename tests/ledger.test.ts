import { describe, expect, it } from "vitest";
import { formatPlain, LedgerError, resolveLedger, type FigureEntry } from "../src/ledger/entries.ts";

const base = { unit: "aircraft", claimant: "someone", subject: "s", measure: "m" };
const stated = (id: string, value: number, qualifier: "exact" | "approximate" | "estimate" = "exact"): FigureEntry =>
  ({ ...base, kind: "stated", id, seed: "x", quote: "q", value, qualifier });

describe("resolveLedger", () => {
  it("resolveLedger(divide) computes, keeps the least certain qualifier and writes the arithmetic", () => {
    const ledger = resolveLedger({
      figures: [stated("a", 41), stated("b", 1 / 3, "approximate"), { ...base, kind: "derived", id: "c", from: { op: "divide", of: "a", by: "b" }, round: 0 }],
      events: [], places: [],
    });
    expect(ledger.figure("c")).toMatchObject({ value: 123, qualifier: "approximate", low: null, high: null, formula: "a ÷ b = 41 ÷ 1/3 = 123" });
  });

  it("resolveLedger(percent, percent-change, multiply) write their arithmetic, and the rounding whenever it changes the number", () => {
    const ledger = resolveLedger({
      figures: [
        stated("voted", 48537695), stated("registered", 56949009), stated("before", 4200), stated("after", 4956, "approximate"),
        { ...base, kind: "derived", id: "turnout", unit: "percent", from: { op: "percent", of: "voted", by: "registered" }, round: 1 },
        { ...base, kind: "derived", id: "rise", unit: "percent", from: { op: "percent-change", from: "before", to: "after" } },
        { ...base, kind: "derived", id: "thousands", from: { op: "multiply", of: "before", by: 1000 } },
        { ...base, kind: "derived", id: "product", from: { op: "multiply", of: "before", by: "after" } },
      ],
      events: [], places: [],
    });
    expect(ledger.figure("turnout")).toMatchObject({ value: 85.2, qualifier: "exact" });
    expect(ledger.figure("turnout").formula).toMatch(/^voted ÷ registered × 100 = 48537695 ÷ 56949009 × 100 = 85\.\d+, rounded to 1 decimal place: 85\.2$/);
    expect(ledger.figure("rise")).toMatchObject({ value: 18, qualifier: "approximate", formula: "(after − before) ÷ before × 100 = (4956 − 4200) ÷ 4200 × 100 = 18" });
    expect(ledger.figure("thousands")).toMatchObject({ value: 4200000, qualifier: "exact", formula: "before × 1000 = 4200 × 1000 = 4200000" });
    expect(ledger.figure("product").qualifier).toBe("approximate");
    expect(() => resolveLedger({
      figures: [stated("a", 5), stated("z", 0), { ...base, kind: "derived", id: "p", from: { op: "percent", of: "a", by: "z" } }], events: [], places: [],
    })).toThrow(/is a percentage of "z", which is zero/);
  });

  it("resolveLedger(sum) adds exact parts exactly", () => {
    const ledger = resolveLedger({
      figures: [stated("a", 8), stated("b", 4), stated("c", 1), { ...base, kind: "derived", id: "t", from: { op: "sum", of: ["a", "b", "c"] } }],
      events: [], places: [],
    });
    expect(ledger.figure("t")).toMatchObject({ value: 13, qualifier: "exact", low: 13, high: 13, formula: "a + b + c = 8 + 4 + 1 = 13" });
  });

  it("resolveLedger(sum) of an estimate is an estimate", () => {
    const ledger = resolveLedger({
      figures: [stated("a", 8), stated("b", 50000, "estimate"), { ...base, kind: "derived", id: "t", from: { op: "sum", of: ["a", "b"] } }],
      events: [], places: [],
    });
    expect(ledger.figure("t").qualifier).toBe("estimate");
  });

  it("resolveLedger(distance) measures the great circle between two places", () => {
    const ledger = resolveLedger({
      figures: [{ ...base, unit: "km", kind: "derived", id: "d", from: { op: "distance", from: "p", to: "q" }, round: 1 }],
      events: [],
      // One degree of longitude along the equator.
      places: [{ id: "p", name: "P", country: "XX", lat: 0, lon: 0, source: "s" }, { id: "q", name: "Q", country: "XX", lat: 0, lon: 1, source: "s" }],
    });
    expect(ledger.value("d")).toBe(111.2);
  });

  it("resolveLedger(days-between) counts days between dated events", () => {
    const event = (id: string, date: string) => ({ id, label: id, date, precision: "day" as const, claimant: "c", basis: "external" as const, source: "s" });
    const ledger = resolveLedger({
      figures: [{ ...base, unit: "days", kind: "derived", id: "n", from: { op: "days-between", from: "a", to: "b" } }],
      events: [event("a", "2025-05-16"), event("b", "2025-06-02")], places: [],
    });
    expect(ledger.value("n")).toBe(17);
  });

  it("resolveLedger(derived) refuses a cycle", () => {
    expect(() => resolveLedger({
      figures: [{ ...base, kind: "derived", id: "a", from: { op: "sum", of: ["b"] } }, { ...base, kind: "derived", id: "b", from: { op: "sum", of: ["a"] } }],
      events: [], places: [],
    })).toThrow(LedgerError);
  });

  it("ledger.value(id) refuses a vague claim", () => {
    const ledger = resolveLedger({
      figures: [{ ...base, kind: "stated", id: "v", seed: "x", quote: "several", value: null, qualifier: "unquantified" }],
      events: [], places: [],
    });
    expect(() => ledger.value("v")).toThrow("has no number");
  });
});

describe("a derived entry's arithmetic, checked before it is read", () => {
  const base = { kind: "stated", id: "a", seed: "s", quote: "q", value: 3, qualifier: "exact", unit: "u", claimant: "c", subject: "s", measure: "m" } as const;
  const derived = (from: unknown) => ({ kind: "derived", id: "d", unit: "u", claimant: "c", subject: "s", measure: "m", from }) as unknown as FigureEntry;
  const resolve = (from: unknown) => () => resolveLedger({ figures: [base, derived(from)], events: [], places: [] });

  it("an operation written without from, or with an op it does not know, says what to write", () => {
    expect(resolve(undefined)).toThrow(LedgerError);
    expect(resolve(undefined)).toThrow(/is derived, but its from is missing: give from: \{ op: "sum", of: \["figure-id", "figure-id"\] \}, with op one of divide, multiply/);
    expect(resolve({ op: "add", of: ["a"] })).toThrow(/not an operation \(op "add"\)/);
    expect(resolve("sum")).toThrow(/not an operation \(op missing\)/);
    expect(resolve({ op: "constructor", of: ["a"] })).toThrow(/not an operation \(op "constructor"\)/);
  });

  it("an operation missing what it works on names the key and what it needs", () => {
    expect(resolve({ op: "sum" })).toThrow(/is derived by sum, which needs of: a list of figure ids/);
    expect(resolve({ op: "sum", of: [] })).toThrow(/needs of: a list of figure ids/);
    expect(resolve({ op: "divide", of: "a" })).toThrow(/is derived by divide, which needs by: an id/);
    expect(resolve({ op: "multiply", of: "a", by: Infinity })).toThrow(/needs by: a figure id or a number/);
    expect(resolveLedger({ figures: [base, derived({ op: "multiply", of: "a", by: 1000 })], events: [], places: [] }).value("d")).toBe(3000);
    expect(resolve({ op: "multiply", of: "a", by: 1e308 })).toThrow(/works out to Infinity/);
    const rounded = (round: number) => () => resolveLedger({ figures: [base, { ...derived({ op: "sum", of: ["a"] }), round } as FigureEntry], events: [], places: [] });
    expect(rounded(500)).toThrow(/is rounded to 500 decimal places: give round a whole number from 0 to 12/);
    expect(rounded(Number.NaN)).toThrow(/is rounded to NaN decimal places/);
  });
});

describe("formatPlain", () => {
  it("formatPlain(number) writes integers, simple fractions and rounded decimals", () => {
    expect(formatPlain(41)).toBe("41");
    expect(formatPlain(1 / 3)).toBe("1/3");
    expect(formatPlain(2 / 3)).toBe("2/3");
    expect(formatPlain(0.75)).toBe("0.75");
    expect(formatPlain(305.5)).toBe("305.5");
    expect(formatPlain(305.4567891)).toBe("305.456789");
  });
});
