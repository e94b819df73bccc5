// PNG for social media and for looking at charts: resvg with the shipped
// font only, never the machine's fonts, so the pixels are the same everywhere.

import { renderAsync, Resvg, type ResvgRenderOptions } from "@resvg/resvg-js";
import { FONT_FAMILY, fontFiles } from "../chart/index.ts";

function options(scale: number): ResvgRenderOptions {
  return {
    fitTo: { mode: "zoom", value: scale },
    font: { loadSystemFonts: false, fontFiles: fontFiles(), defaultFontFamily: FONT_FAMILY, sansSerifFamily: FONT_FAMILY },
    shapeRendering: 2,
    textRendering: 1,
  };
}

export function toPng(svg: string, scale = 2): Buffer {
  return new Resvg(svg, options(scale)).render().asPng();
}

/**
 * The same PNG, byte for byte, with the SVG read and drawn on libuv's thread
 * pool: a build draws its next chart while resvg draws this one. Only the
 * PNG's encoding, about a third of the work, is done on this thread.
 */
export async function toPngInBackground(svg: string, scale = 2): Promise<Buffer> {
  return (await renderAsync(svg, options(scale))).asPng();
}
