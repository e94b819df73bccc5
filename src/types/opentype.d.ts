// The part of opentype.js that storycharts uses (the package ships no types).
// Node loads its CommonJS build, so it is imported as a default export.
declare module "opentype.js" {
  export interface Font {
    unitsPerEm: number;
    getAdvanceWidth(text: string, fontSize: number, options?: { kerning?: boolean }): number;
  }
  const opentype: { parse(buffer: ArrayBuffer): Font };
  export default opentype;
}
