// Bad ledgers: each mistake a desk can make fails with one line that names
// the file, the figure and what to do.
import { describe, expect, it } from "vitest";
import type { EventEntry, FigureEntry } from "../src/ledger/entries.ts";
import type { NotebookSpec } from "../src/build/notebook.ts";
import { formatProblem } from "../src/ledger/problems.ts";
import { checkNotebook, runNotebook } from "../src/build/run.ts";
import { nearestPassage } from "../src/ledger/seeds.ts";
import { weekdayContradiction } from "../src/ledger/checks.ts";
import { NOTEBOOK_FILE, quakeToll, SEED, STORY_ROOT } from "./helpers/story.ts";

type Stated = Extract<FigureEntry, { kind: "stated" }>;

/** The fixture story's notebook with one figure changed. */
function withFigure(id: string, change: Partial<Stated> | ((f: FigureEntry) => FigureEntry)): NotebookSpec {
  return {
    ...quakeToll,
    figures: quakeToll.figures.map((f) =>
      f.id !== id ? f : typeof change === "function" ? change(f) : ({ ...f, ...change } as FigureEntry)),
  };
}

function problems(nb: NotebookSpec): string[] {
  return checkNotebook(STORY_ROOT, NOTEBOOK_FILE, nb).problems.map(formatProblem);
}

describe("bad ledgers", () => {
  it("the fixture's own ledger passes, so each problem below comes from its one change", () => {
    expect(problems(quakeToll)).toEqual([]);
  });

  it("a quote typed in another case is not in the seed, and the message shows the seed's passage", () => {
    const quote = "The Turkish Red Crescent said at least 1,500 People had died.";
    expect(problems(withFigure("deaths-red-crescent", { quote }))).toEqual([
      `${NOTEBOOK_FILE}: figure deaths-red-crescent: the quote is not in seeds/${SEED}.txt (the quote differs from the seed only in case or spacing); ` +
        "the nearest passage is \"The Turkish Red Crescent said at least 1,500 people had died.\". " +
        `Copy the quote from seeds/${SEED}.txt exactly`,
    ]);
  });

  // The quote stops short of the seed's "said,": the passage named is the quote's own stretch, and the hint goes either way.
  it("a quote typed with a curly apostrophe where the seed has a straight one says so", () => {
    const quote = "The death toll from Thursday’s earthquake in southern Turkiye rose to about 1,200 on Saturday, the Interior Ministry said";
    const [line] = problems(withFigure("deaths-ministry", { quote }));
    expect(line).toContain("figure deaths-ministry: the quote is not in");
    expect(line).not.toContain("only in case or spacing");
    expect(line).toMatch(/\(the seed has [^)]*’[^)]*\)/);
  });

  it("a misremembered quote names the nearest passage", () => {
    const [line] = problems(withFigure("deaths-red-crescent", { quote: "The Turkish Red Crescent said at least 1,500 people were killed." }));
    expect(line).toContain("figure deaths-red-crescent: the quote is not in");
    expect(line).toContain("the nearest passage is \"The Turkish Red Crescent said at least 1,500 people had died.\"");
  });

  it("a value that disagrees with its quote fails and says what the quote states", () => {
    expect(problems(withFigure("buildings-collapsed", { value: 300 }))).toEqual([
      `${NOTEBOOK_FILE}: figure buildings-collapsed: the value is 300 but the quote says "3,000" (3000). ` +
        "Set the value to 3000, or quote the passage that says 300",
    ]);
  });

  it("a number word read wrong fails", () => {
    // The seed's "three provinces", which the fixture skips, made a figure and misread.
    const three: FigureEntry = {
      kind: "stated", id: "provinces-emergency", seed: SEED, quote: "The government declared a state of emergency in the three provinces on Friday.",
      phrase: "three", value: 4, unit: "provinces", qualifier: "exact", claimant: "Example Wire", subject: "provinces", measure: "under a state of emergency",
    };
    const nb: NotebookSpec = { ...quakeToll, figures: [...quakeToll.figures, three], skipped: quakeToll.skipped!.filter((s) => s.phrase !== "three") };
    expect(problems(nb)[0]).toContain("figure provinces-emergency: the value is 4 but the quote says \"three\" (3)");
  });

  it("a decimal read wrong fails", () => {
    expect(problems(withFigure("magnitude", { value: 71 }))[0]).toContain("the value is 71 but the quote says \"7.1\" (7.1)");
  });

  it("an approximation smoothed into an exact number fails", () => {
    expect(problems(withFigure("deaths-ministry", { qualifier: "exact" }))).toEqual([
      `${NOTEBOOK_FILE}: figure deaths-ministry: the qualifier is "exact" but the quote says "about", which makes it "approximate". ` +
        "Set the qualifier to \"approximate\"",
    ]);
  });

  it("“at least” and “more than” must stay at-least", () => {
    expect(problems(withFigure("deaths-red-crescent", { qualifier: "approximate" }))[0]).toContain("the quote says \"at least\", which makes it \"at-least\"");
    expect(problems(withFigure("buildings-collapsed", { qualifier: "exact" }))[0]).toContain("the quote says \"More than\", which makes it \"at-least\"");
  });

  it("a qualifier with no words behind it fails", () => {
    expect(problems(withFigure("deaths-hatay", { qualifier: "approximate" }))[0]).toContain("the qualifier is \"approximate\" but the quote has no word for it");
  });

  it("a figure without a claimant fails", () => {
    expect(problems(withFigure("deaths-hatay", { claimant: "" }))).toEqual([
      `${NOTEBOOK_FILE}: figure deaths-hatay: the figure has no claimant. ` +
        "Name who asserts the number as the article attributes it; a number in the article's own voice is claimed by its publisher",
    ]);
  });

  it("a figure without a unit fails", () => {
    expect(problems(withFigure("deaths-hatay", { unit: " " }))[0]).toContain("figure deaths-hatay: the figure has no unit");
  });

  it("two figures with one id fail", () => {
    const nb = { ...quakeToll, figures: [...quakeToll.figures, quakeToll.figures[0]!] };
    expect(problems(nb)).toEqual([
      `${NOTEBOOK_FILE}: figure deaths-ministry: the id is already used by a figure. Give each figure, event and place its own id`,
    ]);
  });

  it("a missing seed file fails, naming the file to create", () => {
    const nb = { ...quakeToll, seeds: ["2025-03-08-no-such-article"] };
    expect(problems(nb)).toEqual([
      `${NOTEBOOK_FILE}: seed 2025-03-08-no-such-article: the seed file seeds/2025-03-08-no-such-article.txt does not exist. ` +
        "Copy the article into seeds/2025-03-08-no-such-article.txt (byte for byte), or correct the seed name",
    ]);
  });

  it("a quote with several numbers and no phrase asks which one", () => {
    expect(problems(withFigure("deaths-hatay", (f) => ({ ...(f as Stated), phrase: undefined })))[0])
      .toContain("the quote states 3 numbers and the figure does not say which is its own");
  });

  it("a phrase that is not in the quote fails", () => {
    expect(problems(withFigure("deaths-hatay", { phrase: "six hundred and forty" }))[0]).toContain("the phrase \"six hundred and forty\" is not in the quote");
  });

  it("a vague claim given a number fails", () => {
    expect(problems(withFigure("missing-hatay", { value: 300 }))[0])
      .toContain("a figure without a number must have value null and qualifier \"unquantified\"");
  });

  it("a counted list that misnames an item fails", () => {
    const nb = withFigure("provinces-searched", (f) => ({ ...f, items: ["Hatay", "Kahramanmaras", "Adana"] }) as FigureEntry);
    expect(problems(nb)[0]).toContain("figure provinces-searched: \"Adana\" is not in the quote");
  });

  it("an implied date that does not match the publication date fails", () => {
    const nb: NotebookSpec = {
      ...quakeToll,
      events: quakeToll.events!.map((e) => (e.id === "aftershock" ? { ...e, date: "2025-03-08" } : e)),
    };
    expect(problems(nb)).toEqual([
      `${NOTEBOOK_FILE}: event aftershock: the date is 2025-03-08 (day) but "Friday" in an article published 2025-03-08 gives 2025-03-07 (day). ` +
        "Set the date to 2025-03-07 with precision \"day\"",
    ]);
  });

  it("an external date without a source fails", () => {
    const nb: NotebookSpec = {
      ...quakeToll,
      events: quakeToll.events!.map((e) => (e.id === "rescue-teams-abroad" ? { ...e, source: "" } : e)),
    };
    expect(problems(nb)[0]).toContain("event rescue-teams-abroad: an external date has no source");
  });

  it("a number the seed mentions that nothing uses fails coverage, with its line and column", () => {
    const nb = { ...quakeToll, skipped: quakeToll.skipped!.slice(1) };
    expect(problems(nb)).toEqual([
      `${NOTEBOOK_FILE}: coverage seeds/${SEED}.txt:13:68: "6" (…efore dawn on Thursday, March 6, near Kahramanmaras, about 80…) ` +
        "is used by no figure or event and not skipped. Add a figure that uses it, or add it to the notebook's skipped list with the reason",
    ]);
  });

  it("a total that its parts do not add up to fails the agreement", () => {
    const nb = withFigure("deaths-by-province-total", (f) => ({ ...f, from: { op: "sum", of: ["deaths-hatay", "deaths-kahramanmaras"] } }) as FigureEntry);
    expect(problems(nb)).toEqual([
      `${NOTEBOOK_FILE}: agreement deaths-by-province-total = deaths-ministry: deaths-by-province-total is 1050 but deaths-ministry is 1200 (the ministry's provinces add up to its toll). ` +
        "Check both quotes against the seed: one of the figures is wrong, or the article contradicts itself and the note should say so",
    ]);
  });

  it("a derived figure from a figure that does not exist fails", () => {
    const nb = withFigure("deaths-by-province-total", (f) => ({ ...f, from: { op: "sum", of: ["deaths-hatay", "deaths-kahramanmars", "deaths-gaziantep"] } }) as FigureEntry);
    expect(problems(nb)).toContain(
      `${NOTEBOOK_FILE}: figure deaths-by-province-total: the figure uses "deaths-kahramanmars", which is not a figure in the ledger. Correct the ids the figure is derived from`,
    );
  });

  it("a table carrying a number that differs from its figure fails", () => {
    const spec = quakeToll.tables["rescue-workers"]!;
    const nb: NotebookSpec = {
      ...quakeToll, charts: {},
      tables: { "rescue-workers": { ...spec, build: (ledger) => spec.build(ledger).derive({ workers: () => 30000 }) } },
    };
    expect(runNotebook(STORY_ROOT, NOTEBOOK_FILE, nb).problems.map(formatProblem)).toEqual([
      `${NOTEBOOK_FILE}: table rescue-workers row 1 column workers: the value 30000 differs from figure rescue-workers (25000). Take the number from the ledger, never retype it`,
    ]);
  });

  it("a table missing a documented column fails, naming the column", () => {
    const spec = quakeToll.tables["places"]!;
    const nb: NotebookSpec = { ...quakeToll, charts: {}, tables: { places: { ...spec, build: (ledger) => spec.build(ledger).select("place", "km", "figure_id") } } };
    expect(runNotebook(STORY_ROOT, NOTEBOOK_FILE, nb).problems.map(formatProblem)).toEqual([
      `${NOTEBOOK_FILE}: table places: the table lacks the documented columns lat, lon. Build the column, or remove it from the table's columns`,
    ]);
  });
});

describe("claimant styles", () => {
  it("a claimant the ledger does not name, a colour that is not one, or one too faint, is a problem naming the claimant", () => {
    const nb: NotebookSpec = { ...quakeToll, claimants: { ...quakeToll.claimants, "Ministry": { color: "#D55E00" }, "Disaster agency": { color: "#F0E442" }, "Example Wire": { color: "bleu" } } };
    expect(runNotebook(STORY_ROOT, NOTEBOOK_FILE, nb).problems.map(formatProblem)).toEqual([
      `${NOTEBOOK_FILE}: claimant "Ministry": no figure in the ledger has this claimant. Use the name as the figures give it: did you mean "Interior Ministry"?`,
      `${NOTEBOOK_FILE}: claimant "Disaster agency": the colour #F0E442 has 1.32:1 on the light background (#ffffff); a chart's colours need 3:1. Use a darker shade, or one of the house palette: #0072B2, #D55E00, #009E73, #CC79A7, #995BFF, #DC083E, #48753F, #E30CC1`,
      `${NOTEBOOK_FILE}: claimant "Example Wire": the colour "bleu" is not a CSS colour. Use a hex colour such as #0072B2, or leave it out for the next palette colour`,
    ]);
  });
});

describe("nearestPassage", () => {
  const text = "Overnight, the rebels launched about 500 drones. The army’s gunners shot down 80.";
  it("nearestPassage(text, quote) finds a passage that differs only by a straight apostrophe", () => {
    expect(nearestPassage(text, "The army's gunners shot")).toEqual({ passage: "The army’s gunners shot", hint: "the seed has ’ where the quote has '" });
  });
  it("nearestPassage(text, quote) says which way a lookalike mark differs, either way round", () => {
    expect(nearestPassage("The army's gunners shot down 80.", "The army’s gunners shot")).toEqual({ passage: "The army's gunners shot", hint: "the seed has ' where the quote has ’" });
    expect(nearestPassage("He called it \"a rout\" -- and said 80 fell.", "He called it “a rout” –– and said")).toEqual({
      passage: "He called it \"a rout\" -- and said", hint: "the seed has \" where the quote has “ ”",
    });
    expect(nearestPassage("It lay 80\u00a0km away.", "It lay 80 km away.").hint).toBe("the seed has a no-break space where the quote has a space");
    expect(nearestPassage("It lay 80 km away.", "It lay 80\u00a0km away.").hint).toBe("the seed has a space where the quote has a no-break space");
  });
  it("nearestPassage(text, quote) names the quote's own stretch when the quote stops inside a word's punctuation", () => {
    const plain = "Overnight, the rebels launched about 500 drones. The army's gunners, the rebels said, shot down 80.";
    expect(nearestPassage(plain, "The army’s gunners")).toEqual({ passage: "The army's gunners", hint: "the seed has ' where the quote has ’" });
    expect(nearestPassage(text, "the army’s gunners")).toEqual({ passage: "The army’s gunners", hint: "the quote differs from the seed only in case or spacing" });
    expect(nearestPassage(plain, "the army's gunners")).toEqual({ passage: "The army's gunners", hint: "the quote differs from the seed only in case or spacing" });
  });
  it("nearestPassage(text, quote) finds a passage with a changed word", () => {
    expect(nearestPassage(text, "the rebels launched around 500 drones.").passage).toBe("the rebels launched about 500 drones.");
  });
});

describe("a weekday and a date that disagree", () => {
  it("are named, with both days, and the event is not dated by either silently", () => {
    expect(weekdayContradiction("Thursday March 28", "2023-04-06")).toEqual({
      message: "\"Thursday March 28\": March 28 before publication was 2023-03-28, a Tuesday, not a Thursday: the article contradicts itself",
      fix: "Quote the part you date it by (\"March 28\" or \"Thursday\"), set the date it gives, and say in the event's note what the article got wrong",
    });
    expect(weekdayContradiction("Friday, March 6, 2025", "2025-03-08")?.message).toContain("March 6, 2025 is 2025-03-06, a Thursday, not a Friday");
    expect(weekdayContradiction("Thursday, March 6", "2025-03-08")).toBeNull();
    expect(weekdayContradiction("on Thursday", "2025-03-08")).toBeNull();
  });

  it("a day and month with no year, quoted as stated, is told to be implied", () => {
    const nb = { ...quakeToll, events: quakeToll.events!.map((e) => (e.id === "quake" ? { ...e, basis: "stated", phrase: "Thursday, March 6" } as EventEntry : e)) };
    expect(problems(nb)).toEqual([`${NOTEBOOK_FILE}: event quake: "Thursday, March 6" cannot be read as a date. It gives no year: set basis "implied", as for "on Friday", and the year is read from the publication date`]);
  });
});
