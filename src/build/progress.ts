// How a long command talks: on a terminal, progress rewrites one line; piped
// to a file or another program, one plain line per item. Problems and the
// closing summary are always whole lines.

export interface Reporter {
  /** One item done: a line when piped, the progress line on a terminal. */
  item(text: string): void;
  /** Always a whole line on stderr. */
  problem(text: string): void;
  /** The one-line summary every command ends with. */
  summary(text: string): void;
}

export interface ReporterOptions {
  quiet?: boolean;
  /** Machine-readable output: nothing but the report goes to stdout. */
  json?: boolean;
  tty?: boolean;
  out?: NodeJS.WritableStream;
  err?: NodeJS.WritableStream;
}

export function reporter(o: ReporterOptions = {}): Reporter {
  const out = o.out ?? process.stdout;
  const err = o.err ?? process.stderr;
  const tty = o.tty ?? Boolean((out as NodeJS.WriteStream).isTTY);
  let open = false;
  const clear = () => {
    if (open) out.write("\r\x1b[K");
    open = false;
  };
  return {
    item(text) {
      if (o.quiet || o.json) return;
      if (tty) {
        clear();
        out.write(text.length > 120 ? `${text.slice(0, 119)}…` : text);
        open = true;
      } else out.write(`${text}\n`);
    },
    problem(text) {
      clear();
      if (!o.json) err.write(`${text}\n`);
    },
    summary(text) {
      clear();
      if (!o.json) out.write(`${text}\n`);
    },
  };
}
