// A small static server on 127.0.0.1 for the gallery: charts/ and data/ of
// the project, nothing else. With live reload on, HTML pages get a script
// that reloads them when a build finishes (only here: the files on disk never
// carry it).

import { createReadStream, existsSync, statSync } from "node:fs";
import { createServer, type Server, type ServerResponse } from "node:http";
import { extname, join, normalize, resolve, sep } from "node:path";
import { readFileSync } from "node:fs";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8", ".svg": "image/svg+xml", ".png": "image/png",
  ".csv": "text/csv; charset=utf-8", ".json": "application/json", ".css": "text/css", ".js": "text/javascript",
};

export const EVENTS_PATH = "/__storycharts/events";
const RELOAD = `<script>new EventSource("${EVENTS_PATH}").onmessage = () => location.reload();</script>`;

export interface StaticServer {
  server: Server;
  url: string;
  /** Tells every open page to reload. */
  reload(): void;
  close(): Promise<void>;
}

export function serve(o: { root: string; out: string; port: number; live: boolean }): Promise<StaticServer> {
  const mounts: Record<string, string> = { charts: resolve(o.root, o.out), data: resolve(o.root, "data") };
  const clients = new Set<ServerResponse>();
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    if (url.pathname === EVENTS_PATH && o.live) {
      res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-store", connection: "keep-alive" });
      res.write(": connected\n\n");
      clients.add(res);
      req.on("close", () => clients.delete(res));
      return;
    }
    if (url.pathname === "/" || url.pathname === "/charts") {
      res.writeHead(302, { location: "/charts/" });
      res.end();
      return;
    }
    const [, mount, ...rest] = decodeURIComponent(url.pathname).split("/");
    const base = mounts[mount ?? ""];
    const path = base ? normalize(join(base, rest.join("/") || "index.html")) : null;
    if (!base || !path || !(path === base || path.startsWith(base + sep)) || !existsSync(path) || !statSync(path).isFile()) {
      res.writeHead(404, { "content-type": "text/plain; charset=utf-8" });
      res.end("Not found");
      return;
    }
    const type = TYPES[extname(path)] ?? "application/octet-stream";
    res.writeHead(200, { "content-type": type, "cache-control": "no-store" });
    if (o.live && type.startsWith("text/html")) res.end(readFileSync(path, "utf8").replace("</body>", `${RELOAD}\n</body>`));
    else createReadStream(path).pipe(res);
  });
  return new Promise((resolvePromise, reject) => {
    server.once("error", reject);
    server.listen(o.port, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : o.port;
      resolvePromise({
        server,
        url: `http://127.0.0.1:${port}/charts/`,
        reload: () => {
          for (const c of clients) c.write("data: reload\n\n");
        },
        close: () => new Promise((done) => {
          for (const c of clients) c.end();
          server.close(() => done());
        }),
      });
    });
  });
}
