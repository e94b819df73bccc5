// Bad ledgers: each mistake a desk can make fails with one line that names
// the file, the figure and what to do.
import { describe, expect, it } from "vitest";
import type { FigureEntry } from "../src/ledger/entries.ts";
import type { NotebookSpec } from "../src/build/notebook.ts";
import { formatProblem } from "../src/ledger/problems.ts";
import { checkNotebook, runNotebook } from "../src/build/run.ts";
import { nearestPassage } from "../src/ledger/seeds.ts";
import { istanbulTalks, NOTEBOOK_FILE, root, SEED } from "./helpers/project.ts";

type Stated = Extract<FigureEntry, { kind: "stated" }>;

/** The story's notebook with one figure changed. */
function withFigure(id: string, change: Partial<Stated> | ((f: FigureEntry) => FigureEntry)): NotebookSpec {
  return {
    ...istanbulTalks,
    figures: istanbulTalks.figures.map((f) =>
      f.id !== id ? f : typeof change === "function" ? change(f) : ({ ...f, ...change } as FigureEntry)),
  };
}

function problems(nb: NotebookSpec): string[] {
  return checkNotebook(root, NOTEBOOK_FILE, nb).problems.map(formatProblem);
}

describe("bad ledgers", () => {
  it("a quote typed with a straight apostrophe is not in the seed, and the message shows the seed's passage", () => {
    const quote = "The drones destroyed 41 aircraft—roughly one-third of Russia's bomber fleet—at four airfields.";
    expect(problems(withFigure("aircraft-destroyed", { quote }))).toEqual([
      `${NOTEBOOK_FILE}: figure aircraft-destroyed: the quote is not in seeds/${SEED}.txt (the seed has ’ where the quote has '); ` +
        "the nearest passage is \"The drones destroyed 41 aircraft—roughly one-third of Russia’s bomber fleet—at four airfields.\". " +
        `Copy the quote from seeds/${SEED}.txt exactly`,
    ]);
  });

  it("a misremembered quote names the nearest passage", () => {
    const [line] = problems(withFigure("russian-drones-launched", { quote: "Russia launched an attack on Ukraine using about 500 drones." }));
    expect(line).toContain("figure russian-drones-launched: the quote is not in");
    expect(line).toContain("the nearest passage is \"Russia launched an attack on Ukrainian territory using approximately 500 drones.\"");
  });

  it("a value that disagrees with its quote fails and says what the quote states", () => {
    expect(problems(withFigure("russian-troops-north-of-sumy", { value: 5000 }))).toEqual([
      `${NOTEBOOK_FILE}: figure russian-troops-north-of-sumy: the value is 5000 but the quote says "50,000" (50000). ` +
        "Set the value to 50000, or quote the passage that says 5000",
    ]);
  });

  it("a number word read wrong fails", () => {
    expect(problems(withFigure("tu-95ms-hit-rybar", { value: 9 }))[0]).toContain("the value is 9 but the quote says \"eight\" (8)");
  });

  it("a fraction read wrong fails", () => {
    expect(problems(withFigure("bomber-fleet-share-destroyed", { value: 0.3 }))[0]).toContain("the value is 0.3 but the quote says \"one-third\"");
  });

  it("an approximation smoothed into an exact number fails", () => {
    expect(problems(withFigure("russian-drones-launched", { qualifier: "exact" }))).toEqual([
      `${NOTEBOOK_FILE}: figure russian-drones-launched: the qualifier is "exact" but the quote says "approximately", which makes it "approximate". ` +
        "Set the qualifier to \"approximate\"",
    ]);
  });

  it("“just over” must stay at-least and “estimated” must stay an estimate", () => {
    expect(problems(withFigure("kyiv-sumy-distance-stated", { qualifier: "approximate" }))[0]).toContain("the quote says \"just over\", which makes it \"at-least\"");
    expect(problems(withFigure("russian-troops-north-of-sumy", { qualifier: "exact" }))[0]).toContain("the quote says \"estimated\", which makes it \"estimate\"");
  });

  it("a qualifier with no words behind it fails", () => {
    expect(problems(withFigure("aircraft-destroyed", { qualifier: "approximate" }))[0]).toContain("the qualifier is \"approximate\" but the quote has no word for it");
  });

  it("a figure without a claimant fails", () => {
    expect(problems(withFigure("aircraft-hit-rybar", { claimant: "" }))).toEqual([
      `${NOTEBOOK_FILE}: figure aircraft-hit-rybar: the figure has no claimant. ` +
        "Name who asserts the number as the article attributes it; a number in the article's own voice is claimed by its publisher",
    ]);
  });

  it("a figure without a unit fails", () => {
    expect(problems(withFigure("aircraft-hit-rybar", { unit: " " }))[0]).toContain("figure aircraft-hit-rybar: the figure has no unit");
  });

  it("two figures with one id fail", () => {
    const nb = { ...istanbulTalks, figures: [...istanbulTalks.figures, istanbulTalks.figures[0]!] };
    expect(problems(nb)).toEqual([
      `${NOTEBOOK_FILE}: figure airfields-attacked: the id is already used by a figure. Give each figure, event and place its own id`,
    ]);
  });

  it("a missing seed file fails, naming the file to create", () => {
    const nb = { ...istanbulTalks, seeds: ["2025-06-02-no-such-article"] };
    expect(problems(nb)).toEqual([
      `${NOTEBOOK_FILE}: seed 2025-06-02-no-such-article: the seed file seeds/2025-06-02-no-such-article.txt does not exist. ` +
        "Copy the article into seeds/2025-06-02-no-such-article.txt (byte for byte), or correct the seed name",
    ]);
  });

  it("a quote with two numbers and no phrase asks which one", () => {
    expect(problems(withFigure("aircraft-destroyed", (f) => ({ ...(f as Stated), phrase: undefined })))[0])
      .toContain("the quote states 3 numbers and the figure does not say which is its own");
  });

  it("a phrase that is not in the quote fails", () => {
    expect(problems(withFigure("tu-22m-hit-rybar", { phrase: "fours" }))[0]).toContain("the phrase \"fours\" is not in the quote");
  });

  it("a vague claim given a number fails", () => {
    expect(problems(withFigure("aircraft-lost-defense-ministry", { value: 3 }))[0])
      .toContain("a figure without a number must have value null and qualifier \"unquantified\"");
  });

  it("a counted list that misnames an item fails", () => {
    const nb = withFigure("buffer-zone-regions", (f) => ({ ...f, items: ["Kursk", "Belgorod", "Bryansk", "Sumy", "Kherson"] }) as FigureEntry);
    expect(problems(nb)[0]).toContain("figure buffer-zone-regions: \"Kherson\" is not in the quote");
  });

  it("an implied date that does not match the publication date fails", () => {
    const nb: NotebookSpec = {
      ...istanbulTalks,
      events: istanbulTalks.events!.map((e) => (e.id === "nebenzya-security-council" ? { ...e, date: "2025-05-31" } : e)),
    };
    expect(problems(nb)).toEqual([
      `${NOTEBOOK_FILE}: event nebenzya-security-council: the date is 2025-05-31 (day) but "Friday" in an article published 2025-06-02 gives 2025-05-30 (day). ` +
        "Set the date to 2025-05-30 with precision \"day\"",
    ]);
  });

  it("an external date without a source fails", () => {
    const nb: NotebookSpec = {
      ...istanbulTalks,
      events: istanbulTalks.events!.map((e) => (e.id === "moskva-sunk" ? { ...e, source: "" } : e)),
    };
    expect(problems(nb)[0]).toContain("event moskva-sunk: an external date has no source");
  });

  it("a number the seed mentions that nothing uses fails coverage, with its line and column", () => {
    const nb = { ...istanbulTalks, skipped: istanbulTalks.skipped!.slice(1) };
    expect(problems(nb)).toEqual([
      `${NOTEBOOK_FILE}: coverage seeds/${SEED}.txt:10:156: "two" (…ease the fighting between the two sides. RELATED: Russia Accu…) ` +
        "is used by no figure or event and not skipped. Add a figure that uses it, or add it to the notebook's skipped list with the reason",
    ]);
  });

  it("a total that its parts do not add up to fails the agreement", () => {
    const nb = withFigure("aircraft-hit-rybar-by-type-total", (f) => ({ ...f, from: { op: "sum", of: ["tu-95ms-hit-rybar", "tu-22m-hit-rybar"] } }) as FigureEntry);
    expect(problems(nb)[0]).toContain("agreement aircraft-hit-rybar-by-type-total = aircraft-hit-rybar: aircraft-hit-rybar-by-type-total is 12 but aircraft-hit-rybar is 13");
  });

  it("a derived figure from a figure that does not exist fails", () => {
    const nb = withFigure("bomber-fleet-implied", (f) => ({ ...f, from: { op: "divide", of: "aircraft-destroyd", by: "bomber-fleet-share-destroyed" } }) as FigureEntry);
    expect(problems(nb)).toContain(
      `${NOTEBOOK_FILE}: figure bomber-fleet-implied: the figure uses "aircraft-destroyd", which is not a figure in the ledger. Correct the ids the figure is derived from`,
    );
  });

  it("a table carrying a number that differs from its figure fails", () => {
    const spec = istanbulTalks.tables["troop-estimates"]!;
    const nb: NotebookSpec = {
      ...istanbulTalks,
      tables: { "troop-estimates": { ...spec, build: (ledger) => spec.build(ledger).derive({ soldiers: () => 60000 }) } },
    };
    expect(runNotebook(root, NOTEBOOK_FILE, nb).problems.map(formatProblem)).toEqual([
      `${NOTEBOOK_FILE}: table troop-estimates row 1 column soldiers: the value 60000 differs from figure russian-troops-north-of-sumy (50000). Take the number from the ledger, never retype it`,
    ]);
  });

  it("a table missing a documented column fails, naming the column", () => {
    const spec = istanbulTalks.tables["sumy-advance"]!;
    const nb: NotebookSpec = { ...istanbulTalks, tables: { "sumy-advance": { ...spec, build: (ledger) => spec.build(ledger).select("region", "towns") } } };
    expect(runNotebook(root, NOTEBOOK_FILE, nb).problems.map(formatProblem)[0]).toBe(
      `${NOTEBOOK_FILE}: table sumy-advance: the table lacks the documented columns days, claimant, towns_figure_id, days_figure_id. Build the column, or remove it from the table's columns`,
    );
  });
});

describe("claimant styles", () => {
  it("a claimant the ledger does not name, a colour that is not one, or one too faint, is a problem naming the claimant", () => {
    const nb: NotebookSpec = { ...istanbulTalks, claimants: { ...istanbulTalks.claimants, "Rybar": { color: "#D55E00" }, "Russian Defense Ministry": { color: "#F0E442" }, "teleSUR/EFE": { color: "bleu" } } };
    expect(runNotebook(root, NOTEBOOK_FILE, nb).problems.map(formatProblem)).toEqual([
      `${NOTEBOOK_FILE}: claimant "Rybar": no figure in the ledger has this claimant. Use the name as the figures give it: did you mean "Rybar (Russian military blogger)"?`,
      `${NOTEBOOK_FILE}: claimant "teleSUR/EFE": the colour "bleu" is not a CSS colour. Use a hex colour such as #0072B2, or leave it out for the next palette colour`,
      `${NOTEBOOK_FILE}: claimant "Russian Defense Ministry": the colour #F0E442 has 1.32:1 on the light background (#ffffff); a chart's colours need 3:1. Use a darker shade, or one of the house palette: #0072B2, #D55E00, #009E73, #CC79A7, #995BFF, #DC083E, #48753F, #E30CC1`,
    ]);
  });
});

describe("nearestPassage", () => {
  const text = "Overnight, Russia launched about 500 drones. Ukraine’s forces struck five airfields.";
  it("nearestPassage(text, quote) finds a passage that differs only by a straight apostrophe", () => {
    expect(nearestPassage(text, "Ukraine's forces struck")).toEqual({ passage: "Ukraine’s forces struck", hint: "the seed has ’ where the quote has '" });
  });
  it("nearestPassage(text, quote) finds a passage with a changed word", () => {
    expect(nearestPassage(text, "Russia launched around 500 drones.").passage).toBe("Russia launched about 500 drones.");
  });
});
