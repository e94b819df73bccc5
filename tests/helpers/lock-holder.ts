// A rival build for tests/lock.test.ts, run with `node --import tsx`:
//   hold <root>                      takes the build lock, says "held", keeps it until killed
//   rounds <root> <log> <go> <n>     once <go> exists, takes the lock n times, logging
//                                    "start <pid>" and "end <pid>" around a few ms of holding it
import { appendFileSync, existsSync } from "node:fs";
import { acquireLock } from "../../src/build/lock.ts";

const [mode, root, log, go, rounds] = process.argv.slice(2) as [string, string, string, string, string];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

if (mode === "hold") {
  await acquireLock(root);
  process.stdout.write("held\n");
  setInterval(() => undefined, 60_000);
} else {
  process.stdout.write("ready\n");
  while (!existsSync(go)) await sleep(2);
  for (let i = 0; i < Number(rounds); i++) {
    const lock = await acquireLock(root, { pollMs: 5 });
    appendFileSync(log, `start ${process.pid}\n`);
    await sleep(2 + Math.random() * 6);
    appendFileSync(log, `end ${process.pid}\n`);
    lock.release();
  }
}
