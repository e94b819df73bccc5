// The preview server against hostile requests: raw paths, other Host headers,
// symlinks out of the served folders, a busy port. It runs in-process on a
// free port over a temporary project; requests go out through node:http so a
// test can send exactly the bytes a hostile page or client would.
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serve, type StaticServer } from "../src/cli/preview-server.ts";
import { tempProject } from "./helpers/temp-project.ts";

const SECRET = "embargoed: do not serve";

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One request with the path and Host header exactly as given (host null: no Host header at all). */
function raw(port: number, path: string, o: { host?: string | null; method?: string } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const host = o.host === undefined ? `127.0.0.1:${port}` : o.host;
    const req = request({ host: "127.0.0.1", port, path, method: o.method ?? "GET", setHost: false, headers: host === null ? {} : { host }, agent: false }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (d: string) => (body += d));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on("error", reject);
    // A request the server never answers (it died on it) fails here rather than at the test's timeout.
    req.setTimeout(10_000, () => req.destroy(new Error(`${path}: no answer (did the server die on this request?)`)));
    req.end();
  });
}

let dir: string;
let server: StaticServer;
let port: number;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "storycharts-preview-"));
  const project = join(dir, "project");
  const outside = join(dir, "outside");
  mkdirSync(join(project, "charts", "sub"), { recursive: true });
  mkdirSync(join(project, "data"), { recursive: true });
  mkdirSync(outside);
  writeFileSync(join(project, "charts", "index.html"), "<!DOCTYPE html><html><head><title>gallery</title></head><body><p>charts</p></body></html>\n");
  writeFileSync(join(project, "charts", "a.svg"), '<svg xmlns="http://www.w3.org/2000/svg"></svg>\n');
  writeFileSync(join(project, "charts", "sub", "index.html"), "<p>sub</p>\n");
  writeFileSync(join(project, "data", "d.csv"), "a,b\n1,2\n");
  writeFileSync(join(outside, "secret.txt"), `${SECRET}\n`);
  writeFileSync(join(outside, "secret.html"), `<html><body>${SECRET}</body></html>\n`);
  // Links out of the served folders, as `ln -s / charts/root` would make.
  symlinkSync(outside, join(project, "charts", "root"), "dir");
  symlinkSync(join(outside, "secret.txt"), join(project, "charts", "leak.csv"));
  symlinkSync(join(outside, "secret.html"), join(project, "charts", "leak.html"));
  symlinkSync("..", join(project, "data", "up"), "dir");
  // A link that stays inside is fine.
  symlinkSync("a.svg", join(project, "charts", "alias.svg"));
  // The whole output folder behind a link (a common setup) still serves.
  symlinkSync(join(project, "charts"), join(project, "linked-charts"), "dir");
  server = await serve({ root: project, out: "charts", port: 0, live: true });
  port = Number(new URL(server.url).port);
});

afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("preview server", () => {
  it("serves the gallery, a chart and a data file", async () => {
    const page = await raw(port, "/charts/");
    expect(page.status).toBe(200);
    expect(page.body).toContain("<p>charts</p>");
    expect(page.body).toContain('new EventSource("/__storycharts/events")');
    expect((await raw(port, "/charts/a.svg")).body).toContain("<svg");
    expect((await raw(port, "/data/d.csv")).body).toBe("a,b\n1,2\n");
    expect((await raw(port, "/")).status).toBe(302);
  });

  it("answers a malformed percent-escape with 400 and goes on serving", async () => {
    for (const path of ["/%", "/charts/%ff", "/charts/%E0%A4%A", "/data/%zz.csv"]) {
      const r = await raw(port, path);
      expect(r.status, path).toBe(400);
      expect(r.headers["content-type"]).toMatch(/^text\/plain/);
    }
    expect((await raw(port, "/charts/a.svg")).status).toBe(200);
  });

  it("answers a mount named like an Object.prototype member with 404 and goes on serving", async () => {
    for (const path of ["/constructor/x", "/__proto__/x", "/toString/", "/hasOwnProperty/index.html", "/constructor"]) {
      expect((await raw(port, path)).status, path).toBe(404);
    }
    expect((await raw(port, "/charts/a.svg")).status).toBe(200);
  });

  it("does not serve a file through a symlink that leads out of charts/ or data/", async () => {
    for (const path of ["/charts/root/secret.txt", "/charts/root/secret.html", "/charts/leak.csv", "/charts/leak.html", "/data/up/outside/secret.txt", "/data/up/project/charts/a.svg", "/charts/root/"]) {
      const r = await raw(port, path);
      expect(r.status, path).toBe(404);
      expect(r.body, path).not.toContain(SECRET);
    }
    // A link that stays inside charts/ is served.
    expect((await raw(port, "/charts/alias.svg")).body).toContain("<svg");
  });

  it("serves only regular files: dot-segments, encoded slashes and folders get 404", async () => {
    for (const path of ["/charts/sub", "/charts/..%2fdata/d.csv", "/charts/%2e%2e/data/d.csv", "/charts/.%2e/data/d.csv", "/charts//a.svg", "/charts/a.svg%00.html"]) {
      expect((await raw(port, path)).status, path).toBe(404);
    }
  });

  it("answers only to its own host names: a DNS-rebound Host gets 403 and no file", async () => {
    for (const host of ["evil.example", `evil.example:${port}`, `127.0.0.1:${port + 1}`, "127.0.0.1", "localhost", `localhost.evil.example:${port}`, `127.0.0.1:${port}.evil.example`]) {
      for (const path of ["/charts/", "/charts/a.svg", "/__storycharts/events", "/%"]) {
        const r = await raw(port, path, { host });
        expect(r.status, `${host} ${path}`).toBe(403);
        expect(r.headers["content-type"]).toMatch(/^text\/plain/);
        expect(r.body).toMatch(/only/);
        expect(r.body).not.toContain("charts</p>");
      }
    }
    // No Host header at all: node's own HTTP/1.1 parser answers 400 before the handler runs.
    const hostless = await raw(port, "/charts/a.svg", { host: null });
    expect([400, 403]).toContain(hostless.status);
    expect(hostless.body).not.toContain("<svg");
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `LocalHost:${port}`, `[::1]:${port}`]) {
      expect((await raw(port, "/charts/a.svg", { host })).status, host).toBe(200);
    }
  });

  it("sends nosniff on every answer and a content security policy that lets the reload script run", async () => {
    const replies = await Promise.all(["/charts/", "/charts/a.svg", "/data/d.csv", "/charts/missing.svg", "/%"].map((p) => raw(port, p)));
    replies.push(await raw(port, "/charts/", { host: "evil.example" }));
    for (const r of replies) expect(r.headers["x-content-type-options"]).toBe("nosniff");
    const page = replies[0]!;
    const csp = String(page.headers["content-security-policy"]);
    expect(csp).toMatch(/default-src 'self'/);
    expect(csp).not.toMatch(/'unsafe-inline'[^;]*;?\s*$|script-src[^;]*'unsafe-inline'/);
    const script = page.body.match(/<script>([\s\S]*?)<\/script>/)![1]!;
    expect(csp).toContain(`'sha256-${createHash("sha256").update(script).digest("base64")}'`);
  });

  it("refuses methods other than GET and HEAD, and answers HEAD without a body", async () => {
    const post = await raw(port, "/charts/a.svg", { method: "POST" });
    expect(post.status).toBe(405);
    const head = await raw(port, "/charts/a.svg", { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(head.body).toBe("");
  });

  it("serves an output folder that is itself a symlink", async () => {
    const linked = await serve({ root: join(dir, "project"), out: "linked-charts", port: 0, live: false });
    try {
      const r = await raw(Number(new URL(linked.url).port), "/charts/a.svg");
      expect(r.status).toBe(200);
      expect(r.body).toContain("<svg");
    } finally {
      await linked.close();
    }
  });
});

describe("a busy port", () => {
  let blocker: Server;
  let busy: number;
  beforeAll(async () => {
    blocker = createServer();
    await new Promise<void>((done) => blocker.listen(0, "127.0.0.1", done));
    const address = blocker.address();
    busy = typeof address === "object" && address ? address.port : 0;
  });
  afterAll(() => new Promise<void>((done) => blocker.close(() => done())));

  it("serve() rejects with a one-line message that names --port", async () => {
    const error = await serve({ root: dir, out: "charts", port: busy, live: false }).then(() => null, (e: unknown) => e as Error);
    expect(error).toBeInstanceOf(Error);
    expect(error!.message).toBe(`preview: port ${busy} is already in use. Stop what is using it, or pick another with --port N (--port 0 picks a free one).`);
  });

  it("storycharts preview prints that one line, no stack, and exits non-zero", async () => {
    const project = tempProject();
    const preview = project.start("preview", "--port", String(busy));
    try {
      const code = await preview.exited();
      const lines = preview.output().trim().split("\n");
      expect(code).not.toBe(0);
      expect(lines).toEqual([`storycharts: preview: port ${busy} is already in use. Stop what is using it, or pick another with --port N (--port 0 picks a free one).`]);
    } finally {
      await preview.stop();
      project.remove();
    }
  });
});
