// The ledger stage takes an article (a seed) and a notebook's entries, and
// gives the checked figure ledger: every number with its quote, claimant and qualifier.
export { isCalendarDate } from "./calendar.mjs";
export { findCandidates, findDateline, type Candidate } from "./candidates.ts";
export { checkAgreements, checkEntries, MONTHS, qualifierCue, WEEKDAYS } from "./checks.ts";
export { coverage, coverageTotals, type CoverageRow } from "./coverage.ts";
export {
  LedgerError, QUALIFIERS, resolveLedger,
  type Agreement, type DateBasis, type EventEntry, type Figure, type FigureEntry, type Ledger, type Place, type Qualifier, type Skip,
  type Unreviewed,
} from "./entries.ts";
export { entrySource, idMaker, quoteFor } from "./entry-source.ts";
export { fold as foldName, GazetteerError, gazetteerSource, place, type Where } from "./gazetteer.ts";
export { articleTooBig, MAX_ARTICLE_BYTES, MAX_ARTICLE_NUMBERS, MAX_QUOTE_CHARS, quoteTooLong, tooManyNumbers } from "./limits.ts";
export { findMentions } from "./numbers.ts";
export { formatProblem, ProblemError, type Problem } from "./problems.ts";
export { loadSeed, type Seed, type SeedMeta } from "./seeds.ts";
export { passageAround, sentences } from "./sentences.ts";
export { stringLiteral, templateText } from "./string-literal.ts";
