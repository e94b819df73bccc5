// The project's root folder, for the tests that need the repository itself
// (its node_modules, src/, docs/). No test reads the stories in notebooks/:
// they have their own, tests/helpers/story.ts.
import { fileURLToPath } from "node:url";

export const root = fileURLToPath(new URL("../..", import.meta.url));
