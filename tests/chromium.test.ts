// Where the browser tests look for Chromium on a machine they have not seen:
// CHROME_PATH first, then the usual names on the PATH and in the usual folders.
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { findChromium } from "./helpers/chromium.ts";

const dir = mkdtempSync(join(tmpdir(), "storycharts-chromium-"));
const none = { folders: [], apps: [] };
function program(folder: string, name: string, mode = 0o755): string {
  mkdirSync(join(dir, folder), { recursive: true });
  const file = join(dir, folder, name);
  writeFileSync(file, "#!/bin/sh\n");
  chmodSync(file, mode);
  return file;
}
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("finding Chromium", () => {
  it("takes CHROME_PATH when it is a program, and nothing else when it is not", () => {
    const chrome = program("own", "my-chrome");
    expect(findChromium({ CHROME_PATH: chrome, PATH: "" }, none)).toBe(chrome);
    expect(findChromium({ CHROME_PATH: join(dir, "missing"), PATH: "" }, none)).toBeNull();
  });

  it("finds chromium, chromium-browser or google-chrome on the PATH, then in the usual folders", () => {
    const browser = program("bin", "chromium-browser");
    expect(findChromium({ PATH: join(dir, "bin") }, none)).toBe(browser);
    const google = program("opt", "google-chrome");
    expect(findChromium({ PATH: "" }, { folders: [join(dir, "opt")], apps: [] })).toBe(google);
  });

  it("finds nothing where there is no program of those names, or only a file that cannot run", () => {
    program("plain", "chromium", 0o644);
    expect(findChromium({ PATH: join(dir, "plain") }, none)).toBeNull();
    expect(findChromium({ PATH: "" }, none)).toBeNull();
  });
});
