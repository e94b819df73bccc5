// Types for options.mjs, the command line's option table and parser.
export interface Command {
  summary: string;
  usage: string;
  flags: string[];
  names: "any" | "one" | "none";
  details: string;
}
export interface Options {
  command: string;
  names: string[];
  root: string;
  out: string;
  formats: ("svg" | "png")[];
  formatGiven: boolean;
  quiet: boolean;
  json: boolean;
  ts: boolean;
  wide: boolean;
  port: number;
  /** watch and preview: seconds one build may take, or null for the default. */
  timeout: number | null;
  shard: string | null;
  seed: string | null;
  date: string | null;
  publisher: string | null;
  help: boolean;
  version: boolean;
  /** Whether --out was given (render writes to stdout without it). */
  outGiven: boolean;
  /** render: the export to draw. */
  exportName: string | null;
  /** render: the artboards to draw. */
  artboard: "desktop" | "mobile" | "both";
  /** render: a PNG beside --out. */
  png: boolean;
  /** render: the source line, when the module's words give none. */
  source: string | null;
}
export const COMMANDS: Record<string, Command>;
export const USAGE: string;
export function help(name: string): string;
export function version(): string;
export class UsageError extends Error {
  constructor(message: string, command?: string);
  readonly command: string | undefined;
}
export function parseCommandLine(argv: string[]): Options;
