// Runs a command that loads notebooks (build, check, list) in a child process
// and watches it, so that one notebook that hangs, exhausts memory, throws
// from a timer or ends the process fails alone: the child says which notebook
// and chart it is on (see heartbeat.ts); when it dies or goes quiet too long,
// that notebook is recorded as failed and the command runs again without it.
// Plain JavaScript: it runs before anything loads TypeScript, jsdom or Plot.

import { spawn } from "node:child_process";

/** Seconds a notebook may work on one step (loading, its tables, one chart) before it is stopped. */
const TIMEOUT_S = Number(process.env.STORYCHARTS_TIMEOUT ?? 30);
/** Seconds the child may take to load the library before its first step. */
const STARTUP_S = 300;
/** Megabytes of heap the child may use. */
const MEMORY_MB = Number(process.env.STORYCHARTS_MAX_MEMORY ?? 4096);

/**
 * @typedef {{ file: string, place: string, message: string, fix: string }} Failure
 * @typedef {{ kind: "load" | "run" | "chart", file: string, id?: string }} Step
 */

/**
 * Runs `node bin argv` until it finishes without a notebook taking it down, and returns its exit code.
 * @param {string} bin @param {string[]} argv @returns {Promise<number>}
 */
export async function supervise(bin, argv) {
  /** @type {Failure[]} */
  const failed = [];
  for (;;) {
    const outcome = await runChild(bin, argv, failed);
    if (outcome.done) return outcome.code;
    const failure = describe(outcome);
    // Not pinned on a notebook, or the same one twice: there is nothing to leave out, so stop here.
    if (!failure || failed.some((f) => f.file === failure.file)) {
      process.stderr.write(`storycharts: the command stopped (${outcome.reason}) outside any notebook. ${outcome.detail ?? ""}\n`);
      return 1;
    }
    failed.push(failure);
  }
}

/**
 * @param {string} bin @param {string[]} argv @param {Failure[]} failed
 * @returns {Promise<{ done: true, code: number } | { done: false, reason: string, step: Step | null, detail?: string, stackFile?: string | null }>}
 */
function runChild(bin, argv, failed) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [`--max-old-space-size=${MEMORY_MB}`, bin, ...argv], {
      stdio: ["inherit", "inherit", "pipe", "ipc"],
      env: { ...process.env, STORYCHARTS_CHILD: "1", STORYCHARTS_FAILED: JSON.stringify(failed) },
    });
    /** @type {Step | null} */
    let step = null;
    let last = Date.now();
    /** @type {{ message: string, stack: string } | null} */
    let crash = null;
    /** @type {number | null} */
    let doneCode = null;
    let timedOut = false;
    let stderrTail = "";
    // V8's own report of a heap out of memory is a page of internals: keep it from the person, say it in one line.
    let fatal = false;
    child.stderr?.on("data", (chunk) => {
      const text = chunk.toString();
      stderrTail = (stderrTail + text).slice(-4000);
      if (/FATAL ERROR|<--- Last few GCs --->|JavaScript heap out of memory/.test(text)) fatal = true;
      if (!fatal) process.stderr.write(chunk);
    });
    child.on("message", (/** @type {any} */ m) => {
      last = Date.now();
      if (m?.kind === "step") step = m.step;
      else if (m?.kind === "crash") crash = { message: String(m.message), stack: String(m.stack ?? "") };
      else if (m?.kind === "done") doneCode = Number(m.code);
    });
    const watchdog = setInterval(() => {
      // Before the first step the child is loading the library, not a notebook: a busy machine gets longer.
      const limit = step ? TIMEOUT_S : Math.max(TIMEOUT_S, STARTUP_S);
      if (Date.now() - last > limit * 1000) {
        timedOut = true;
        child.kill("SIGKILL");
      }
    }, 200);
    // Ctrl-C at a terminal reaches the child too; a signal sent to this process alone is passed on.
    const pass = (/** @type {NodeJS.Signals} */ signal) => child.kill(signal);
    process.on("SIGINT", pass);
    process.on("SIGTERM", pass);
    child.on("exit", (code, signal) => {
      clearInterval(watchdog);
      process.off("SIGINT", pass);
      process.off("SIGTERM", pass);
      if (doneCode !== null) return resolve({ done: true, code: doneCode });
      if (signal === "SIGINT" || signal === "SIGTERM" || code === 130) return resolve({ done: true, code: 130 });
      if (timedOut) return resolve({ done: false, reason: "timeout", step });
      if (crash) return resolve({ done: false, reason: "crash", step, detail: crash.message, stackFile: notebookIn(crash.stack) });
      if (fatal || /heap out of memory/.test(stderrTail)) return resolve({ done: false, reason: "memory", step });
      resolve({ done: false, reason: "exit", step, detail: `exit code ${code ?? signal}` });
    });
  });
}

/**
 * The first notebook file named in a stack trace: where a throw from a timer
 * came from. A compiled notebook runs from .cache/js/<stamp>/notebooks/<id>.mjs.
 * @param {string} stack
 */
function notebookIn(stack) {
  const m = /(?:^|[\s(/])(notebooks\/[^\s():?]+?)\.(?:ts|mjs)(?:\?[^\s():]*)?:\d+/m.exec(stack);
  return m ? `${m[1]}.ts` : null;
}

/**
 * The failure, as a problem of the notebook that caused it.
 * @param {{ reason: string, step: Step | null, detail?: string, stackFile?: string | null }} o @returns {Failure | null}
 */
function describe(o) {
  const file = o.stackFile ?? o.step?.file;
  if (!file) return null;
  const doing = !o.step || o.step.file !== file ? "while it ran" : o.step.kind === "load" ? "while it was loading" : o.step.kind === "run" ? "while it built its tables" : `while it drew the chart ${o.step.id}`;
  const place = o.step?.kind === "chart" && o.step.file === file ? `chart ${o.step.id}` : o.step?.kind === "load" ? "load" : "notebook";
  if (o.reason === "timeout") {
    return { file, place, message: `the notebook took longer than ${TIMEOUT_S} s ${doing} and was stopped (an endless loop?); the command ran again without it`, fix: "Fix the loop, or give the build more time with STORYCHARTS_TIMEOUT=<seconds>" };
  }
  if (o.reason === "memory") {
    return { file, place, message: `the notebook used more than ${MEMORY_MB} MB of memory ${doing} and was stopped; the command ran again without it`, fix: "Find what grows without end, or allow more with STORYCHARTS_MAX_MEMORY=<megabytes>" };
  }
  if (o.reason === "crash") {
    return { file, place, message: `an error was thrown outside the notebook's own steps (from a timer or a promise nobody waits for) ${doing}: ${o.detail}; the command ran again without it`, fix: "Catch the error where it is thrown, or await the work instead of scheduling it" };
  }
  return { file, place, message: `the notebook ended the process (${o.detail}) ${doing}; the command ran again without it`, fix: "Remove the call to process.exit: a notebook must not end the build" };
}
