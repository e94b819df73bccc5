// Where the browser tests find Chromium: CHROME_PATH, then chromium,
// chromium-browser or google-chrome on the PATH or in the usual folders. With
// none, the browser tests are skipped and the run says so in one loud line
// (browser-setup.ts); STORYCHARTS_REQUIRE_BROWSER (CI sets it) makes a
// missing browser a failure instead, so CI never passes without them.
import { accessSync, constants, statSync } from "node:fs";
import { delimiter, join } from "node:path";

const NAMES = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"];
const FOLDERS = ["/usr/bin", "/usr/local/bin", "/snap/bin"];
const APPS = ["/Applications/Chromium.app/Contents/MacOS/Chromium", "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome"];

function executable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/** The first Chromium found, or null; `usual` are the folders and apps looked in after the PATH. */
export function findChromium(env: NodeJS.ProcessEnv = process.env, usual: { folders: string[]; apps: string[] } = { folders: FOLDERS, apps: APPS }): string | null {
  if (env.CHROME_PATH) return executable(env.CHROME_PATH) ? env.CHROME_PATH : null;
  const folders = [...(env.PATH ?? "").split(delimiter).filter(Boolean), ...usual.folders];
  for (const name of NAMES) for (const folder of folders) if (executable(join(folder, name))) return join(folder, name);
  return usual.apps.find(executable) ?? null;
}

export const CHROMIUM = findChromium();
/** CI's setting: a browser test that cannot find Chromium fails rather than skips. */
export const BROWSER_REQUIRED = Boolean(process.env.STORYCHARTS_REQUIRE_BROWSER);
/** Whether the browser tests run: with Chromium, or when it is required (they then fail, saying what to install). */
export const RUN_BROWSER_TESTS = CHROMIUM !== null || BROWSER_REQUIRED;

export const MISSING_BROWSER = "no Chromium found (looked at CHROME_PATH, then chromium, chromium-browser and google-chrome on the PATH and in /usr/bin): install it (Debian: apt-get install chromium) or set CHROME_PATH";

/** Chromium's path for a browser test's beforeAll: throws the install hint when it is missing. */
export function chromiumPath(): string {
  if (CHROMIUM === null) throw new Error(MISSING_BROWSER);
  return CHROMIUM;
}
