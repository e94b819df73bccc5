// The part of opentype.js that storycharts uses (the package ships no types).
// Node loads its CommonJS build, so it is imported as a default export.
declare module "opentype.js" {
  export interface Glyph {
    index: number;
    advanceWidth?: number;
  }
  /** GPOS kerning lookups, opaque to us. */
  export interface KerningLookups {
    readonly __kerning: unique symbol;
  }
  export interface Font {
    unitsPerEm: number;
    charToGlyph(char: string): Glyph;
    getKerningValue(left: Glyph, right: Glyph): number;
    position: {
      getDefaultScriptName(): string;
      getKerningTables(script: string, language?: string): KerningLookups | undefined;
      getKerningValue(lookups: KerningLookups, left: number, right: number): number;
    };
  }
  const opentype: { parse(buffer: ArrayBuffer, options?: { lowMemory?: boolean }): Font };
  export default opentype;
}
