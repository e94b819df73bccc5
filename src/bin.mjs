#!/usr/bin/env node
// The storycharts command: registers tsx so that the CLI and the notebooks,
// which are TypeScript, load without a build step.
import { register } from "tsx/esm/api";

register();
await import("./cli.ts");
