// The cli stage takes a command line (build, check, figures, new, render, watch, …)
// and gives the command run: it reads the arguments, prints help, and turns
// usage mistakes into exit 2. Each command lives in src/cli/commands/.

import { resolve } from "node:path";
import { build, finished, NameError, notebookFiles, parseShard, reporter, reportStrayErrors, type Shard } from "../build/index.ts";
import { check } from "./commands/check.ts";
import { list } from "./commands/list.ts";
import { merge } from "./commands/merge.ts";
import { ArticleError, figures, figuresSource, figuresTable, readArticle, type Article } from "./commands/figures.ts";
import { newStory } from "./commands/new.ts";
import { render } from "./commands/render.ts";
import { DEFAULT_TIMEOUT_MS, startWatch } from "./commands/watch.ts";
import { help, parseCommandLine, USAGE, UsageError, version, type Options } from "./options.mjs";
import { PreviewError, serve } from "./preview-server.ts";

function filesFor(root: string, names: string[]): string[] {
  const all = notebookFiles(root);
  if (names.length === 0) return all;
  const wanted = names.map((n) => `notebooks/${n.replace(/^notebooks\//, "").replace(/\.ts$/, "")}.ts`);
  const unknown = wanted.filter((w) => !all.includes(w));
  if (unknown.length > 0) throw new UsageError(`no notebook ${unknown.join(", ")} (there are: ${all.join(", ") || "none"})`, "check");
  return wanted;
}

async function waitForStop(): Promise<void> {
  await new Promise<void>((done) => {
    process.once("SIGINT", done);
    process.once("SIGTERM", done);
  });
}

export async function main(argv: string[]): Promise<number> {
  let o: Options;
  let shard: Shard | undefined;
  try {
    o = parseCommandLine(argv);
    shard = o.shard === null ? undefined : parseShard(o.shard) ?? undefined;
    if (o.shard !== null && !shard) throw new UsageError(`--shard takes i/n with 1 ≤ i ≤ n, such as 2/4, not "${o.shard}"`, o.command);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`storycharts: ${error.message}\n\n${error.command ? help(error.command) : USAGE}`);
    return 2;
  }
  if (o.version) {
    console.log(`storycharts ${version()}`);
    return 0;
  }
  if (o.command === "" || o.help) {
    console.log(o.command === "" ? USAGE : help(o.command));
    return 0;
  }
  const report = reporter({ quiet: o.quiet, json: o.json });
  try {
    switch (o.command) {
      case "build": {
        // Ctrl-C stops the build between two charts, so no file is left half written.
        const abort = new AbortController();
        const interrupt = () => abort.abort();
        process.on("SIGINT", interrupt);
        process.on("SIGTERM", interrupt);
        const result = await build({ root: o.root, names: o.names, out: o.out, formats: new Set(o.formats), signal: abort.signal, shard }, report);
        process.off("SIGINT", interrupt);
        process.off("SIGTERM", interrupt);
        if (o.json) console.log(JSON.stringify(result, null, 2));
        return result.exitCode;
      }
      case "check":
        return await check(o.root, filesFor(o.root, o.names), report, !o.quiet);
      case "merge":
        return merge(o.root, o.out, report);
      case "new":
        return newStory({ root: o.root, slug: o.names[0]!, seedFile: resolve(o.seed!), date: o.date, publisher: o.publisher }, report);
      case "figures": {
        let article: Article;
        try {
          article = readArticle(o.root, o.names[0]!);
        } catch (error) {
          if (!(error instanceof ArticleError)) throw error;
          report.problem(error.message);
          report.summary("figures: nothing read");
          return 1;
        }
        const result = figures(article);
        if (o.json) console.log(JSON.stringify({ seed: article.name, candidates: result.candidates, notListed: result.notListed }, null, 2));
        else {
          console.log(o.ts ? figuresSource(article, result) : figuresTable(article, result, process.stdout.columns || 120, o.wide));
          // Pasted along with the entries, the summary stays a comment.
          report.summary(o.ts ? `// ${result.summary}` : result.summary);
        }
        return 0;
      }
      case "render":
        return await render({
          root: o.root, module: o.names[0]!, exportName: o.exportName, artboard: o.artboard, out: o.outGiven ? o.out : null, png: o.png, source: o.source,
        });
      case "list":
        return await list(o.root, notebookFiles(o.root), o.out, report);
      case "watch": {
        const watcher = startWatch({ root: o.root, out: o.out, formats: o.formats, timeoutMs: o.timeout === null ? DEFAULT_TIMEOUT_MS : o.timeout * 1000 });
        await waitForStop();
        await watcher.close();
        console.log("watch: stopped");
        return 0;
      }
      case "preview": {
        const server = await serve({ root: o.root, out: o.out, port: o.port, live: true });
        const watcher = startWatch({ root: o.root, out: o.out, formats: o.formats, timeoutMs: o.timeout === null ? DEFAULT_TIMEOUT_MS : o.timeout * 1000, onBuilt: (done) => server.reload(done.charts) });
        await watcher.ready;
        console.log(`preview: serving ${server.url} (Ctrl-C to stop)`);
        await waitForStop();
        await watcher.close();
        await server.close();
        console.log("preview: stopped");
        return 0;
      }
    }
  } catch (error) {
    if (error instanceof UsageError || error instanceof NameError || error instanceof PreviewError) {
      console.error(`storycharts: ${error.message}`);
      return 2;
    }
    throw error;
  }
  return 2;
}

reportStrayErrors();
process.exitCode = await main(process.argv.slice(2));
finished(process.exitCode);
