// Text from an article or a command line never runs as code: `new` writes it
// into the notebook only as escaped string literals; the compiled CLI leaves
// the words "import.meta.url" inside strings alone; and a project moved or
// copied elsewhere still builds.
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stringLiteral, templateText } from "../src/ledger/index.ts";
import { root } from "./helpers/project.ts";
import { tempProject, type TempProject } from "./helpers/temp-project.ts";

// Every JavaScript line terminator, comment closers, quotes, escapes, bidi and zero-width characters.
const HOSTILE = [
  "\u2028", "\u2029", "\r", "\n", "\r\n", "*/", "/*", "-->", "<!--", "\\", "\\u2028", '"', "'", "`", "${x}",
  "\u202e", "\u2066", "\u200b", "\ufeff", "\u0000", "\u0085", "\ud800", "𝟗",
];

describe("stringLiteral", () => {
  it("reads back as exactly its text, one expression, with nothing hidden from a reader", () => {
    for (const piece of HOSTILE) {
      const text = `Flood${piece}import('node:fs').then(f=>f.writeFileSync('pwned.txt','x'));//${piece}`;
      const literal = stringLiteral(text);
      const file = ts.createSourceFile("x.ts", `const x = ${literal};\nexport { x };\n`, ts.ScriptTarget.ES2022);
      expect(file.statements.length, JSON.stringify(piece)).toBe(2);
      const init = (file.statements[0] as ts.VariableStatement).declarationList.declarations[0]!.initializer!;
      expect(ts.isStringLiteral(init), JSON.stringify(piece)).toBe(true);
      expect((init as ts.StringLiteral).text, JSON.stringify(piece)).toBe(text);
      // Printable ASCII and ordinary letters only: a control, separator or format character shows as an escape.
      expect(literal, JSON.stringify(piece)).not.toMatch(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/u);
    }
  });
});

describe("templateText", () => {
  it("reads back as exactly its text inside t`…`, one template with one figure, nothing run", () => {
    for (const piece of [...HOSTILE, "`", "${", "\\", "\\`", "${import('node:fs')}"]) {
      const text = `homes${piece}import('node:fs').then(f=>f.writeFileSync('pwned.txt','x'));//${piece}`;
      const file = ts.createSourceFile("x.ts", `const x = t\`\${"figure"} ${templateText(text)}\`;\nexport { x };\n`, ts.ScriptTarget.ES2022);
      expect(file.statements.length, JSON.stringify(piece)).toBe(2);
      const init = (file.statements[0] as ts.VariableStatement).declarationList.declarations[0]!.initializer!;
      expect(ts.isTaggedTemplateExpression(init), JSON.stringify(piece)).toBe(true);
      const template = (init as ts.TaggedTemplateExpression).template as ts.TemplateExpression;
      expect(template.templateSpans.length, JSON.stringify(piece)).toBe(1);
      expect(template.templateSpans[0]!.literal.text, JSON.stringify(piece)).toBe(` ${text}`);
    }
  });
});

describe("new, with an article and a publisher written to run code", () => {
  let project: TempProject;
  const cases: { slug: string; headline: string; publisher: string }[] = [];
  beforeAll(() => {
    project = tempProject();
    const payload = (i: number) => `import('node:fs').then(f=>f.writeFileSync('pwned-${i}.txt','x'));`;
    const heads = ["\u2028", "\u2029", "\r", " */ ", "\u2028/* "];
    heads.forEach((t, i) => cases.push({ slug: `hostile-head-${i}`, headline: `Flood${t}${payload(i)}//`, publisher: "Valley Gazette" }));
    ["\n", "\u2028", "\r\n", "*/\n"].forEach((t, i) => cases.push({ slug: `hostile-pub-${i}`, headline: "Flood in the valley", publisher: `Gazette${t}${payload(10 + i)}//` }));
    for (const c of cases) {
      const article = join(project.dir, "..", `${c.slug}.tmp.txt`);
      writeFileSync(article, `${c.headline}\nMarch 14, 2026\n\nRoughly 4,200 residents left their homes, the county emergency office said.\n`);
      const r = project.run("new", c.slug, "--seed", article, "--publisher", c.publisher);
      expect(r.status, r.stderr).toBe(0);
    }
  });
  afterAll(() => project.remove());

  it("writes notebooks in which check and build run no code from them", () => {
    const check = project.run("check");
    expect(check.status, check.stderr).toBe(0);
    const build = project.run("build", "--format", "svg", "--quiet");
    expect(build.status, build.stderr).toBe(0);
    const alone = project.tsx(`notebooks/${cases[0]!.slug}.ts`);
    expect(alone.status, alone.stderr).toBe(0);
    expect(readdirSync(project.dir).filter((f) => f.startsWith("pwned"))).toEqual([]);
  });

  it("keeps the headline and publisher as data, byte for byte, in the notebook's strings", () => {
    for (const c of cases) {
      const source = readFileSync(join(project.dir, "notebooks", `${c.slug}.ts`), "utf8");
      const file = ts.createSourceFile("n.ts", source, ts.ScriptTarget.ES2022);
      const strings: string[] = [];
      const visit = (node: ts.Node) => {
        if (ts.isStringLiteral(node)) strings.push(node.text);
        ts.forEachChild(node, visit);
      };
      visit(file);
      expect(strings, c.slug).toContain(c.headline.trim());
      expect(strings, c.slug).toContain(c.publisher);
      // No line of the notebook holds a raw separator or control character.
      expect(source, c.slug).not.toMatch(/[\u2028\u2029\r\u0000-\u0009\u000b-\u001f]/);
      const meta = JSON.parse(readFileSync(join(project.dir, "seeds", `${c.slug}.meta.json`), "utf8"));
      expect(meta.publisher).toBe(c.publisher);
    }
  });

  it("records the article's file name, not the path of the person's folder", () => {
    const meta = JSON.parse(readFileSync(join(project.dir, "seeds", `${cases[0]!.slug}.meta.json`), "utf8"));
    expect(meta.origin.file).toBe(`${cases[0]!.slug}.tmp.txt`);
  });

  it("scaffolds a notebook that runs on its own: runIfMain gets the notebook's own import.meta.url, no path of this machine", () => {
    const source = readFileSync(join(project.dir, "notebooks", `${cases[0]!.slug}.ts`), "utf8");
    expect(source).toContain("await runIfMain(import.meta.url, story);");
    expect(source).not.toContain(project.dir);
    expect(source).not.toContain(root);
    expect(source).not.toContain("file://");
  });
});

describe("the compiled CLI", () => {
  let project: TempProject;
  beforeAll(() => {
    project = tempProject();
  });
  afterAll(() => project.remove());

  it("leaves the words import.meta.url inside a string alone, and gives each module its own", () => {
    const file = join(project.dir, "notebooks", "quake-toll.ts");
    const source = readFileSync(file, "utf8");
    writeFileSync(file, source.replace('const SEED = "', 'export const WORDS = "see import.meta.url"; export const OWN = import.meta.url;\nconst SEED = "'));
    const r = project.run("list");
    expect(r.status, r.stderr).toBe(0);
    const compiled = readdirSync(join(project.dir, ".cache", "js")).filter((d) => /^[0-9a-f]{16}$/.test(d));
    expect(compiled.length).toBe(1);
    const js = readFileSync(join(project.dir, ".cache", "js", compiled[0]!, "notebooks", "quake-toll.mjs"), "utf8");
    expect(js).toContain('"see import.meta.url"');
    expect(js).toContain(`"file://${join(project.dir, "notebooks", "quake-toll.ts")}"`);
  });

  it("works in a project moved to another folder, with its .cache", () => {
    expect(project.run("build", "--format", "svg", "--quiet").status).toBe(0);
    const moved = `${project.dir}-moved`;
    project.moveTo(moved);
    // A chart gone, so the build cannot answer from its fingerprint; the sources untouched, so the old stamp still matches.
    rmSync(join(moved, "charts", "locator-map.svg"));
    const r = project.run("build", "--format", "svg", "--quiet");
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(existsSync(join(moved, "charts", "locator-map.svg"))).toBe(true);
  });
});
