// The build stage takes the project's notebooks, and gives every table and chart
// written: it runs each notebook through the stages, once, or on every save.
export { build, NameError, type BuildOptions, type Format } from "./build.ts";
export { watchCompiler } from "./compile.mjs";
export { COMPILED } from "./compiled.ts";
export { finished, heartbeat, reportStrayErrors } from "./heartbeat.ts";
export { notebook, type NotebookSpec } from "./notebook.ts";
export { chartOwners, tableClashes } from "./owners.ts";
export { reporter, type Reporter } from "./progress.ts";
export { loadNotebooks, notebookFiles, type LoadedNotebook } from "./registry.ts";
export { coverageReport, coverageSummary, plural } from "./report.ts";
export { checkNotebook, runNotebook, type NotebookRun } from "./run.ts";
export { parseShard, shardOf, type Shard } from "./shard.ts";
export { runIfMain } from "./standalone.ts";
export type { Job, JobDone, WorkerMessage } from "./worker.ts";
