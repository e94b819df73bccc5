// The snippet a desk pastes into a story: a <figure> that shows the mobile
// artboard in a narrow container and the desktop one in a wide one (a
// container query, so it follows the story's column, not the window), with
// the alt text, the source line and a link to the data.

import type { ManifestEntry } from "./manifest.ts";
import { escapeHtml } from "./html.ts";

/** Below this container width the mobile artboard is shown. */
export const BREAKPOINT = 520;

export function embedSnippet(entry: ManifestEntry, base = ""): string {
  const id = `storychart-${entry.id}`;
  const alt = escapeHtml(entry.alt);
  const img = (cls: string, file: string, size: { width: number; height: number }) =>
    `  <img class="${cls}" src="${escapeHtml(base + file)}" width="${size.width}" height="${size.height}" alt="${alt}" loading="lazy" style="display:block;width:100%;max-width:${size.width}px;height:auto">`;
  return [
    `<figure id="${id}" class="storychart" style="container-type:inline-size;margin:1em 0">`,
    `  <style>#${id} .storychart-mobile{display:none!important}@container (max-width:${BREAKPOINT - 1}px){#${id} .storychart-desktop{display:none!important}#${id} .storychart-mobile{display:block!important}}</style>`,
    img("storychart-desktop", entry.files.desktop, entry.sizes.desktop),
    img("storychart-mobile", entry.files.mobile, entry.sizes.mobile),
    // The chart prints its source line; here it is for screen readers and search, not drawn twice.
    `  <figcaption style="font:13px/1.4 sans-serif;color:#595959"><span style="position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap">${escapeHtml(entry.source)}. </span><a href="${escapeHtml(base + entry.data)}">Get the data</a></figcaption>`,
    "</figure>",
    "",
  ].join("\n");
}
