// One shape for everything that can be wrong with a notebook, a seed or a
// figure, so that every command prints the same kind of line: the file, the
// place in it, what is wrong, and what to do about it.

export interface Problem {
  /** Path relative to the project root, as a desk would open it. */
  file: string;
  /** Where in the file: a figure id, a line, a table and column. */
  place: string;
  message: string;
  /** What to do about it, in the imperative. */
  fix: string;
}

export function formatProblem(p: Problem): string {
  // A message that ends a question or a sentence of its own ("did you mean …?") takes no second stop.
  return `${p.file}: ${p.place}: ${p.message}${/[.?!]$/.test(p.message) ? "" : "."} ${p.fix}`;
}

/** Thrown when work cannot go on; carries every problem found so far, not only the first. */
export class ProblemError extends Error {
  readonly problems: Problem[];
  constructor(problems: Problem[]) {
    super(problems.map(formatProblem).join("\n"));
    this.name = "ProblemError";
    this.problems = problems;
  }
}
