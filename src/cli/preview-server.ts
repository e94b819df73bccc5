// A small static server on 127.0.0.1 for the gallery: regular files inside charts/ and data/, only
// to a browser that asks for this host by name (no DNS rebinding). With live reload on, HTML pages
// get a script that reloads them after a build (only as served: the files on disk never carry it).

import { createHash } from "node:crypto";
import { constants } from "node:fs";
import { open, realpath } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { extname, join, resolve, sep } from "node:path";
import { pipeline } from "node:stream";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8", ".svg": "image/svg+xml", ".png": "image/png",
  ".csv": "text/csv; charset=utf-8", ".json": "application/json", ".css": "text/css", ".js": "text/javascript",
};

export const EVENTS_PATH = "/__storycharts/events";
// Told which charts a build redrew, the page fetches itself again and swaps in just those charts'
// sections (their pictures fetched anew); told nothing, or when the charts listed are not the same
// ones in the same order, or anything goes wrong, it reloads whole.
const RELOAD_SCRIPT = `new EventSource("${EVENTS_PATH}").onmessage = async (e) => {
  try {
    const told = JSON.parse(e.data);
    if (!Array.isArray(told.charts)) throw 0;
    const page = new DOMParser().parseFromString(await (await fetch(location.href, { cache: "no-store" })).text(), "text/html");
    const ids = (d) => [...d.querySelectorAll("[data-chart]")].map((s) => s.dataset.chart).join(" ");
    if (ids(page) !== ids(document)) throw 0;
    const stamp = Date.now();
    for (const id of told.charts) {
      const was = document.querySelector(\`[data-chart="\${CSS.escape(id)}"]\`);
      const now = page.querySelector(\`[data-chart="\${CSS.escape(id)}"]\`);
      if (!was || !now) throw 0;
      for (const img of now.querySelectorAll("img")) img.src = img.getAttribute("src") + "?v=" + stamp;
      was.replaceWith(document.importNode(now, true));
    }
  } catch {
    location.reload();
  }
};`;
const RELOAD = `<script>${RELOAD_SCRIPT}</script>`;

// The reload script is the only script a served page may run (allowed by its hash); the gallery
// and the embed snippets need inline styles and same-origin images, nothing from elsewhere.
const CSP = [
  "default-src 'self'",
  `script-src 'sha256-${createHash("sha256").update(RELOAD_SCRIPT).digest("base64")}'`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join("; ");

const HEADERS = { "x-content-type-options": "nosniff", "content-security-policy": CSP, "cache-control": "no-store" };

/** A reason the server could not start that the user can act on (a busy port). */
export class PreviewError extends Error {}

export interface StaticServer {
  server: Server;
  url: string;
  /** Tells every open page to show these charts anew, or to reload whole when no charts are named. */
  reload(charts?: string[]): void;
  close(): Promise<void>;
}

function text(res: ServerResponse, status: number, message: string, extra: Record<string, string> = {}): void {
  res.writeHead(status, { ...HEADERS, ...extra, "content-type": "text/plain; charset=utf-8" });
  res.end(`${message}\n`);
}

/** The path's segments, percent-decoded; null when an escape is malformed. */
function segments(path: string): string[] | null {
  try {
    return path.slice(1).split("/").map(decodeURIComponent);
  } catch {
    return null;
  }
}

/**
 * The real path of the regular file a request names, opened, or null. Names
 * that could climb or hide (dot-segments, dotfiles, an encoded slash) never
 * match, and a symlink is followed only when its target's real path is still
 * inside the mount's real folder.
 */
async function openInside(base: string, names: string[]) {
  if (names.some((n, i) => n.startsWith(".") || /[/\\\0]/.test(n) || (n === "" && i < names.length - 1))) return null;
  if (names.length === 0 || names.at(-1) === "") names = [...names.slice(0, -1), "index.html"];
  let real: string;
  let realBase: string;
  try {
    realBase = await realpath(base);
    real = await realpath(join(base, ...names));
  } catch {
    return null;
  }
  if (!real.startsWith(realBase + sep)) return null;
  // O_NOFOLLOW: a link swapped in since realpath is refused; O_NONBLOCK: a FIFO does not hang the open.
  const handle = await open(real, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0)).catch(() => null);
  if (!handle) return null;
  const stats = await handle.stat().catch(() => null);
  if (stats?.isFile()) return { handle, real, size: stats.size };
  await handle.close();
  return null;
}

export function serve(o: { root: string; out: string; port: number; live: boolean }): Promise<StaticServer> {
  // A Map, not an object: "/constructor/x" must not find Object.prototype's members.
  const mounts = new Map([["charts", resolve(o.root, o.out)], ["data", resolve(o.root, "data")]]);
  const clients = new Set<ServerResponse>();
  let hosts = new Set<string>();

  async function answer(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // A page on another site that rebinds its DNS name to 127.0.0.1 still sends its own name here.
    if (!hosts.has((req.headers.host ?? "").toLowerCase())) {
      return text(res, 403, `Forbidden: this preview answers only to ${[...hosts].join(", ")}.`);
    }
    if (req.method !== "GET" && req.method !== "HEAD") return text(res, 405, "Method not allowed: only GET and HEAD.", { allow: "GET, HEAD" });
    const path = (req.url ?? "").split(/[?#]/, 1)[0]!;
    if (!path.startsWith("/")) return text(res, 400, "Bad request: the path must start with /.");
    if (path === EVENTS_PATH && o.live) {
      res.writeHead(200, { ...HEADERS, "content-type": "text/event-stream", connection: "keep-alive" });
      res.write(": connected\n\n");
      clients.add(res);
      req.on("close", () => clients.delete(res));
      return;
    }
    if (path === "/" || path === "/charts") {
      res.writeHead(302, { ...HEADERS, location: "/charts/" });
      res.end();
      return;
    }
    const names = segments(path);
    if (!names) return text(res, 400, "Bad request: the path has a malformed %-escape.");
    const [mount, ...rest] = names;
    const base = mounts.get(mount!);
    const file = base ? await openInside(base, rest) : null;
    if (!file) return text(res, 404, "Not found");
    const type = TYPES[extname(file.real).toLowerCase()] ?? "application/octet-stream";
    if (req.method === "HEAD") {
      await file.handle.close();
      res.writeHead(200, { ...HEADERS, "content-type": type, "content-length": file.size });
      res.end();
    } else if (o.live && type.startsWith("text/html")) {
      const html = await file.handle.readFile("utf8").finally(() => file.handle.close());
      const at = html.lastIndexOf("</body>");
      res.writeHead(200, { ...HEADERS, "content-type": type });
      res.end(at < 0 ? html : `${html.slice(0, at)}${RELOAD}\n${html.slice(at)}`);
    } else {
      res.writeHead(200, { ...HEADERS, "content-type": type, "content-length": file.size });
      // A reader that goes away mid-file is not an error worth reporting.
      pipeline(file.handle.createReadStream(), res, () => {});
    }
  }

  const server = createServer((req, res) => {
    answer(req, res).catch(() => {
      if (res.headersSent) res.destroy();
      else text(res, 500, "Internal error: the file could not be read.");
    });
  });
  return new Promise((resolvePromise, reject) => {
    const failed = (error: NodeJS.ErrnoException) => {
      reject(error.code === "EADDRINUSE" ? new PreviewError(`preview: port ${o.port} is already in use. Stop what is using it, or pick another with --port N (--port 0 picks a free one).`)
        : error.code === "EACCES" ? new PreviewError(`preview: port ${o.port} needs privileges this user lacks. Pick a port above 1023 with --port N (--port 0 picks a free one).`)
        : error);
    };
    server.once("error", failed);
    server.listen(o.port, "127.0.0.1", () => {
      // From now on a failed accept (too many open files) drops that one connection; the server goes on.
      server.off("error", failed);
      server.on("error", () => {});
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : o.port;
      hosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]);
      resolvePromise({
        server,
        url: `http://127.0.0.1:${port}/charts/`,
        reload: (charts) => {
          const data = charts ? JSON.stringify({ charts }) : "reload";
          for (const c of clients) c.write(`data: ${data}\n\n`);
        },
        close: () => new Promise((done) => {
          for (const c of clients) c.end();
          server.close(() => done());
          server.closeAllConnections();
        }),
      });
    });
  });
}
