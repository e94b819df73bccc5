import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { reporter } from "../src/build/progress.ts";

function sink(): Writable & { text: string } {
  const s = new Writable({ write(chunk, _enc, done) { s.text += String(chunk); done(); } }) as Writable & { text: string };
  s.text = "";
  return s;
}

describe("reporter", () => {
  it("reporter({tty: true}) keeps progress on one line and ends with the summary on its own line", () => {
    const out = sink();
    const err = sink();
    const r = reporter({ tty: true, out, err });
    r.item("written   a (10 ms)");
    r.item("unchanged b (12 ms)");
    r.problem("notebooks/x.ts: chart c: broken. Fix it");
    r.item("written   d (9 ms)");
    r.summary("build: 3 charts");
    expect(out.text).toBe("written   a (10 ms)\r\x1b[Kunchanged b (12 ms)\r\x1b[Kwritten   d (9 ms)\r\x1b[Kbuild: 3 charts\n");
    expect(err.text).toBe("notebooks/x.ts: chart c: broken. Fix it\n");
  });

  it("reporter({tty: false}) prints one plain line per item when piped", () => {
    const out = sink();
    const r = reporter({ tty: false, out, err: sink() });
    r.item("written   a (10 ms)");
    r.summary("build: 1 chart");
    expect(out.text).toBe("written   a (10 ms)\nbuild: 1 chart\n");
  });

  it("reporter({json: true}) prints nothing, so stdout holds only the report", () => {
    const out = sink();
    const err = sink();
    const r = reporter({ json: true, tty: false, out, err });
    r.item("written   a");
    r.problem("a problem");
    r.summary("build: 1 chart");
    expect(out.text + err.text).toBe("");
  });
});
