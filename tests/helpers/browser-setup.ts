// Run once before the tests: says loudly, in one line, when the browser tests
// will be skipped because no Chromium is installed.
import { BROWSER_REQUIRED, CHROMIUM, MISSING_BROWSER } from "./chromium.ts";

export default function setup(): void {
  if (CHROMIUM === null && !BROWSER_REQUIRED) console.warn(`\n*** browser tests SKIPPED: ${MISSING_BROWSER} ***\n`);
}
