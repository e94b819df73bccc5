// The publish stage takes finished charts and built tables, and gives the files
// a desk publishes: CSVs, SVGs, PNGs, embed snippets, the manifest and the gallery.
export { writeTables } from "./data.ts";
export { embedSnippet } from "./embed.ts";
export { alive, removeStaleTemporaries, writeAllIfChanged, writeIfChanged, type WriteOutcome } from "./files.ts";
export { galleryHtml } from "./gallery.ts";
export { contentHash, hashedFiles, manifestJson, mergeManifest, parseManifest, type Manifest, type ManifestEntry, type ShardRecord, type StoryInfo } from "./manifest.ts";

/** The PNG renderer, loaded only by builds that write PNGs: resvg is slow to load. */
export async function loadPng(): Promise<typeof import("./png.ts").toPng> {
  return (await import("./png.ts")).toPng;
}

/** The PNG renderer that draws on the thread pool, loaded as loadPng's is. */
export async function loadPngInBackground(): Promise<typeof import("./png.ts").toPngInBackground> {
  return (await import("./png.ts")).toPngInBackground;
}
