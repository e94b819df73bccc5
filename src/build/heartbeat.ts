// What a command supervised by supervise.mjs tells its parent: which notebook
// it is loading, building, or drawing a chart of, and when it is done; and
// an error thrown where no step catches it, so that the parent can pin it on
// a notebook instead of printing a stack trace.

import type { Problem } from "../ledger/index.ts";

const supervised = typeof process.send === "function" && process.env.STORYCHARTS_CHILD === "1";

export type Step = { kind: "load" | "run"; file: string } | { kind: "chart"; file: string; id: string };

export function heartbeat(step: Step): void {
  if (supervised) process.send!({ kind: "step", step });
}

/** Tells the parent the command finished by itself, with this exit code. */
export function finished(code: number): void {
  // The channel would keep this process alive: let go of it once the parent has the message.
  if (supervised) process.send!({ kind: "done", code }, () => process.disconnect?.());
}

/** In a supervised child, an error no step catches is reported to the parent, and the child ends. */
export function reportStrayErrors(): void {
  if (!supervised) return;
  const stray = (error: unknown) => {
    const e = error instanceof Error ? error : new Error(String(error));
    process.send!({ kind: "crash", message: e.message, stack: e.stack ?? "" }, () => process.exit(70));
  };
  process.on("uncaughtException", stray);
  process.on("unhandledRejection", stray);
}

/** Notebooks an earlier run of this command found taking it down: not loaded again, reported as failed. */
export function failedBefore(): Problem[] {
  if (!supervised || !process.env.STORYCHARTS_FAILED) return [];
  try {
    return JSON.parse(process.env.STORYCHARTS_FAILED) as Problem[];
  } catch {
    return [];
  }
}
