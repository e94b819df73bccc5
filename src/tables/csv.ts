// Reading a CSV a notebook depends on, strictly: RFC 4180 quoting, a header,
// declared column types. Anything a lenient parser would guess at (an
// unclosed quote swallowing the rest of the file, a count that says "n/a") is
// a problem naming the file, the line or row, the column and what to do.

import * as aq from "arquero";
import type { ColumnTable } from "arquero";
import { readFileSync } from "node:fs";
import { relative } from "node:path";
import { fileURLToPath } from "node:url";
import { isCalendarDate, ProblemError, type Problem } from "../ledger/index.ts";

/** string; number (finite); count (a whole number, not negative); date (YYYY-MM-DD). */
export type ColumnType = "string" | "number" | "count" | "date";
export type CsvSchema = Record<string, ColumnType>;

interface Cell {
  text: string;
  line: number;
}

/** Splits CSV text into rows of cells, each with the line it starts on. */
export function parseCsv(text: string, file: string): Cell[][] {
  const rows: Cell[][] = [];
  let row: Cell[] = [];
  let cell = "";
  let cellLine = 1;
  let line = 1;
  let quoted = false;
  let quoteLine = 0;
  let quoteColumn = 0;
  let column = 0;
  let atCellStart = true;
  const endCell = () => {
    row.push({ text: cell, line: cellLine });
    cell = "";
    atCellStart = true;
  };
  const endRow = () => {
    endCell();
    rows.push(row);
    row = [];
  };
  const s = text.startsWith("\uFEFF") ? text.slice(1) : text;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    column++;
    if (atCellStart) {
      cellLine = line;
      atCellStart = false;
      if (ch === '"') {
        quoted = true;
        quoteLine = line;
        quoteColumn = column;
        continue;
      }
    }
    if (quoted) {
      if (ch === '"') {
        if (s[i + 1] === '"') {
          cell += '"';
          i++;
          column++;
        } else {
          quoted = false;
          const next = s[i + 1];
          if (next !== undefined && next !== "," && next !== "\n" && next !== "\r") {
            throw csvProblem(file, `line ${line}, column ${column + 1}`, "text follows a closing quote", 'Put the whole field in quotes and double any quote inside it ("")');
          }
        }
      } else {
        if (ch === "\n") {
          line++;
          column = 0;
        }
        cell += ch;
      }
      continue;
    }
    if (ch === ",") endCell();
    else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && s[i + 1] === "\n") i++;
      endRow();
      line++;
      column = 0;
    } else if (ch === '"') {
      throw csvProblem(file, `line ${line}, column ${column}`, "a quote stands inside an unquoted field", 'Put the whole field in quotes and double the quote inside it ("")');
    } else cell += ch;
  }
  if (quoted) {
    throw csvProblem(file, `line ${quoteLine}, column ${quoteColumn}`, "a quoted field is never closed: the quote opened here runs to the end of the file", "Close the quote, or double a quote that belongs inside the field (\"\")");
  }
  if (!atCellStart || row.length > 0) endRow();
  return rows.filter((r) => !(r.length === 1 && r[0]!.text === ""));
}

function csvProblem(file: string, place: string, message: string, fix: string): ProblemError {
  return new ProblemError([{ file, place, message, fix }]);
}

/** The path as a desk would type it: relative to the folder the command runs in. */
function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel.startsWith("..") ? path : rel;
}

/**
 * Reads a CSV with a header into an Arquero table with the declared columns,
 * typed. Columns the schema does not name are kept as strings.
 */
export function readCsv(source: string | URL, schema: CsvSchema): ColumnTable {
  const path = source instanceof URL ? fileURLToPath(source) : source;
  const file = displayPath(path);
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    throw csvProblem(file, "file", "the file does not exist or cannot be read", "Create the file, or correct the path the notebook reads");
  }
  const [header, ...body] = parseCsv(text, file);
  if (!header) throw csvProblem(file, "line 1", "the file is empty: it has no header", "Write a header line naming the columns, then at least one row");
  const names = header.map((c) => c.text.trim());
  const problems: Problem[] = [];
  const missing = Object.keys(schema).filter((c) => !names.includes(c));
  if (missing.length > 0) {
    problems.push({
      file, place: "line 1 (header)",
      message: `the column${missing.length > 1 ? "s" : ""} ${missing.map((m) => `"${m}"`).join(", ")} ${missing.length > 1 ? "are" : "is"} missing (the header has ${names.map((n) => `"${n}"`).join(", ")})`,
      fix: "Add the column, or correct its name in the header",
    });
  }
  if (body.length === 0) {
    problems.push({ file, place: "line 2", message: "the table is empty: it has a header and no rows", fix: "Add at least one row, or remove the notebook's use of the table" });
  }
  const columns: Record<string, unknown[]> = Object.fromEntries(names.map((n) => [n, []]));
  body.forEach((row, r) => {
    const at = `row ${r + 1} (line ${row[0]!.line})`;
    if (row.length !== names.length) {
      problems.push({ file, place: at, message: `the row has ${row.length} fields, the header has ${names.length}`, fix: "Give every row one field per column; quote a field that contains a comma" });
      return;
    }
    row.forEach((cell, c) => {
      const name = names[c]!;
      const parsed = parseCell(cell.text, schema[name] ?? "string");
      if (typeof parsed === "object" && parsed !== null && "problem" in parsed) {
        problems.push({ file, place: `${at}, column ${name}`, message: `"${cell.text}" ${parsed.problem}`, fix: parsed.fix });
      } else columns[name]!.push(parsed);
    });
  });
  if (problems.length > 0) throw new ProblemError(problems.slice(0, 20));
  return aq.table(columns);
}

type Parsed = string | number | null | { problem: string; fix: string };

function parseCell(raw: string, type: ColumnType): Parsed {
  const text = raw.trim();
  if (type === "string") return raw;
  if (text === "") return null;
  if (type === "date") {
    if (!isCalendarDate(text)) return { problem: "is not a day of the calendar", fix: "Write dates as YYYY-MM-DD, a day that exists (no 30 February)" };
    return text;
  }
  if (/^[+-]?(nan|inf(inity)?)$/i.test(text)) return { problem: "is not a finite number", fix: "Write the number, or leave the cell empty when it is unknown" };
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i.test(text)) {
    return { problem: "is not a number", fix: "Write a plain number (no thousands separators, no units), or leave the cell empty when it is unknown" };
  }
  const n = Number(text);
  if (!Number.isFinite(n)) return { problem: "is too large to be a number", fix: "Check the value" };
  if (type === "count") {
    if (n < 0) return { problem: "is negative: a count cannot be", fix: "Correct the count; a loss or a fall belongs in its own column" };
    if (!Number.isInteger(n)) return { problem: "is not a whole number: a count must be", fix: "Correct the count, or declare the column as number" };
  }
  return n;
}
