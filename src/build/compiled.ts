// Whether this code runs as the compiled CLI (see compile.mjs), which
// defines STORYCHARTS_COMPILED as the project it was compiled from and the
// folder it was compiled to, and the bundles it imports Plot, d3 and Arquero from.

interface Compiled {
  root: string;
  dir: string;
  /** A package's name to the file URL of the bundle the compiled code imports it from. */
  vendored: Record<string, string>;
}

declare const STORYCHARTS_COMPILED: Compiled | undefined;

export const COMPILED: Compiled | null = typeof STORYCHARTS_COMPILED === "object" ? STORYCHARTS_COMPILED : null;

let typescript: Promise<void> | null = null;

/** Makes .ts files importable: the compiled CLI loads a notebook it did not compile through tsx. */
export function loadTypeScript(): Promise<void> {
  if (!COMPILED) return Promise.resolve(); // already running under tsx or vitest
  typescript ??= import("tsx/esm/api").then(({ register }) => {
    register();
  });
  return typescript;
}
