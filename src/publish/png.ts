// PNG for social media and for looking at charts: resvg with the shipped
// font only, never the machine's fonts, so the pixels are the same everywhere.

import { Resvg } from "@resvg/resvg-js";
import { FONT_FAMILY, fontFiles } from "../chart/index.ts";

export function toPng(svg: string, scale = 2): Buffer {
  const resvg = new Resvg(svg, {
    fitTo: { mode: "zoom", value: scale },
    font: { loadSystemFonts: false, fontFiles: fontFiles(), defaultFontFamily: FONT_FAMILY, sansSerifFamily: FONT_FAMILY },
    shapeRendering: 2,
    textRendering: 1,
  });
  return resvg.render().asPng();
}
