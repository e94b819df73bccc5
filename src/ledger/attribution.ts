// Who claims each number in a sentence. Wire copy names its sources in a few
// shapes: "X said (that) …", "…, X said on Tuesday.", "“…,” X told
// reporters.", "according to X", "X put the figure at …", "…, said X",
// "… given by X", and two sources in one sentence ("police estimated, while
// organisers put the crowd at …"). Each shape gives a speaker and the part of
// the sentence it covers; a number takes the nearest speaker whose part holds
// it. Pronouns ("he said") and descriptions ("the ministry added") take the
// last named speaker of this or the previous paragraph, marked inferred,
// because a person must confirm them.

import { MONTHS, WEEKDAYS } from "./checks.ts";
import type { Sentence } from "./sentences.ts";
import {
  AUXILIARY, base, BODY_KINDS, bracketed, COMPANY_SUFFIX, CALENDAR, canSpeak, capitalised, DEMONYM, DESCRIBING, DETERMINERS, DOCUMENTS, GENERIC_BODY, JOINERS, NEEDS_TAIL, openingSubject,
  PRONOUNS, REACH, SPEAKERS, SPEECH, speaks, stem, subjectAfter, subjectBefore, tidyName, VERB_TAIL, VERBS,
} from "./speakers.ts";


const MONTH = MONTHS.join("|");
const WEEKDAY = WEEKDAYS.join("|");

export interface Attribution {
  /** The speaker in full, as the article names them: "Interior Minister Aftab Sherpao". */
  claimant: string;
  /** The words that attribute: "according to military blogger Rybar", "police estimated". */
  words: string;
  /** The part of the sentence whose numbers it covers, as offsets. */
  from: number;
  to: number;
  /** Where its words stand in the sentence. */
  at: number;
  /** The edge of its words nearest what it covers: a number takes the attribution whose edge is nearest. */
  edge: number;
  /** The claimant comes from a pronoun or a description ("he", "the ministry"), resolved to an earlier speaker. */
  inferred: boolean;
  /** "X and Y reported 38,195 and 30,920, respectively": the speakers in order, one a number. */
  respectively?: string[];
}

/** The speakers named so far, to resolve "he said" and "the agency said" against; one per article. */
export interface SpeakerMemory {
  named: { claimant: string; paragraph: number }[];
  /** Businesses the article has named by their suffix ("Turquoise Hill Resources Ltd"), speaking or not: what "the company" may be. */
  firms: string[];
}

export function newSpeakerMemory(): SpeakerMemory {
  return { named: [], firms: [] };
}

/**
 * The end of the clause a leading attribution opens. A "whose" aside describes
 * a place or a thing in the writer's voice (", whose capital lies 300 km from
 * Kyiv"); a "which", "where" or "who" clause goes on with what was said
 * ("She said seven were missing due to the fires, which had also injured 63"):
 * on the wire copy measured, people reading it gave those to the speaker.
 */
function asideAfter(text: string, from: number): number {
  const m = /,\swhose\s/u.exec(text.slice(from));
  return m ? from + m.index : text.length;
}

// "according to X", "as per X": X runs to punctuation, a verb, a number, a time or a second count, and keeps an appositive name.
const ACCORDING = new RegExp(String.raw`\b(?:[Aa]ccording to|[Aa]s per) ((?:the )?[\p{L}\p{N}’'. &#@-]{1,200}?)(?:, (\p{Lu}[\p{L}’'.-]*(?: \p{Lu}[\p{L}’'.-]*){0,4}))?(?=[,;:!?—–()]|\.(?:\s|$)|$| (?:was|were|is|are|had|has|stood|reached|rose|fell|totall?ed)\b| \d| (?:on|last|this) (?:${WEEKDAY}|week|month|year)\b| (?:and|or|but|while) (?:between|from|about|around|some|nearly|almost|over|under|more than|less than|at least|up to|\d))`, "gu");

// When data runs to, which ends an "according to" name at the day's number: "official data through June (30)".
const THROUGH_MONTH = new RegExp(String.raw` (?:through|as of|until|up to|to) (?:${MONTH})$`, "u");

// Dates and years, which are no figure an "according to" could close: "On 13 January, according to …".
const DATES = new RegExp(String.raw`\b(?:1[89]|20)\d{2}\b|\b(?:${MONTH})\.? \d{1,2}\b|\b\d{1,2} (?:${MONTH})\b`, "gu");

// When it was said: "today", "(on) Tuesday (morning)", "on June 8", "on 8 June".
const SAID_ON_DAY = new RegExp(String.raw`^ (?:today|yesterday|tonight|(?:on |last |late |early )?(?:${WEEKDAY})(?: (?:morning|afternoon|evening|night))?)\b`, "u");
const SAID_ON_DATE = new RegExp(String.raw`^ (?:late |early )?on (?:(?:${MONTH}) \d{1,2}|\d{1,2} (?:${MONTH}))\b`, "u");

/**
 * Whether the words after an attribution end its clause ("…, police said."
 * "…, police estimated, while …" "…,” he told a news conference."): then it
 * covers what came before it. Otherwise it opens what follows.
 */
function endsClause(text: string, from: number, told: boolean): boolean {
  // "said yesterday (Wednesday)", "said on its website (tnp.kpu.go.id)": what brackets add without a figure says nothing more.
  let rest = text.slice(from, from + REACH).replace(/ \([^()\d]{1,60}\)/gu, "");
  const cut = from + REACH < text.length;
  // Who was told, and when or where it was said: "told reporters", "said on Tuesday", "said in a statement".
  if (told) rest = rest.replace(/^(?: (?!that\b)[\p{L}’'-]+){1,4}?(?=[,;:.!?"”—–]|$| that\b| on\b| in\b)/u, "");
  // When and where it was said ("on Tuesday", "Thursday in a statement"): short phrases, never one that goes on to say something ("that …").
  for (let i = 0; i < 2; i++) {
    rest = rest.replace(SAID_ON_DAY, "").replace(SAID_ON_DATE, "");
    // No digits: "at least 406 deaths" goes on to say the figure.
    rest = rest.replace(/^(?: (?:on|in|at|late|early|earlier|later|last|this|during|after|via|through|before|without)\b(?!\s+(?:least|most)\b)(?:(?! that\b)[^,;:.!?"”—–\d]){0,40}(?=[,;:.!?"”—–]|$| that\b| on\b| in\b))+/u, "");
  }
  // "it said, “the number plunged …": a comma before a quotation opens what was said.
  if (/^\s*[,:]\s*["“]/u.test(rest)) return false;
  // "Biti said, according to the votes collated, that …": the speaker's source, then what was said.
  if (/^\s*,\s*according to [^.;:!?]*?(?:,|\s[-—–])\s*(?:that\b|\p{Ll}+ed\b|\d|\p{Lu})/u.test(rest)) return false;
  // "told PAP, quoting the city's data, that around a million …": what was said follows.
  if (/^\s*,\s*that\b/u.test(rest)) return false;
  return /^\s*[,;:—–]/u.test(rest) || (!cut && /^\s*[.!?]*["”’]?\s*$/u.test(rest));
}

/**
 * Every attribution a sentence makes, in order. `memory` resolves pronouns
 * and descriptions to earlier speakers, and learns the speakers this sentence
 * names.
 */
export function attributions(sentence: Sentence, memory: SpeakerMemory = newSpeakerMemory(), paragraph = 0): Attribution[] {
  // "The UN Office … (OCHA) said": an abbreviation in brackets is part of the name; its brackets, blanked, end nothing.
  const text = sentence.text.replace(/\((\p{Lu}[\p{Lu}\p{N}&.-]{1,12})\)/gu, " $1 ");
  for (const m of text.matchAll(FIRM_NAME)) memory.firms.push(m[1]!);
  if (memory.firms.length > 16) memory.firms.splice(0, memory.firms.length - 16);
  // Each attribution found, whether it closes what came before it (trailing) or opens what follows, and where its words stand.
  // `both`: it covers what comes before it as well as after ("the 5.15 million votes the authority said Maduro won").
  // `opens`: where an opening attribution starts to cover, after its subject ("the total was between 122,000 …" is covered).
  // `only`: where a forecast's source starts to cover, the figure it follows ("268 million expected by analysts").
  const found: (Omit<Attribution, "from" | "to" | "edge" | "at"> & { trailing: boolean; span: [number, number]; both?: boolean; opens?: number; only?: number })[] = [];
  // Characters already read as an attribution's words, one flag each: asking costs what the words are long.
  const marked = new Uint8Array(text.length + 1);
  const taken = (start: number, end: number) => marked.subarray(start, end).includes(1);
  const add = (claimant: string, words: string, inferred: boolean, trailing: boolean, span: [number, number]) => {
    marked.fill(1, span[0], span[1]);
    found.push({ claimant, words, inferred, trailing, span });
  };

  // "according to X": the name runs to the next punctuation, and keeps an appositive name ("…, Marta Kovač").
  for (const m of text.matchAll(ACCORDING)) {
    // "Biti said, according to votes collated …, that": the speaker's own source; the speaker claims it.
    if (/\b(?:said|says|told \p{L}+|added|adds|indicated|stated|reported|announced|explained|noted|confirmed),\s*$/u.test(text.slice(Math.max(0, m.index - 30), m.index))) continue;
    // "according to estimates from march organizers": the organizers claim it, not their estimates.
    // "according to official data through June 30": when the data runs to is no part of its source.
    // "according to the official media here": where the writer is is no part of the source.
    const source = m[1]!.replace(THROUGH_MONTH, "").replace(/ (?:here|there)$/u, "").replace(/^(?:the )?(?:latest |official |preliminary |initial )?(?:estimates?|figures?|data|reports?|counts?|a count|a tally|tallies|statistics|numbers|an? (?:accounting|estimate|calculation|analysis|survey|poll|study|count|tally)) (?:from|by|of|compiled by|released by|made by|carried out by) /u, "");
    const claimant = m[2] ? `${source}, ${m[2]}` : source;
    // "the forecast in the March report": the noun before where it appeared is what speaks.
    const owner = source.replace(/^the /i, "").split(/ in (?:the|a|an) /)[0]!.split(" ");
    // People are sources ("military sources and fishermen", "local residents"); a document is not.
    const person = /\p{L}{2,}(?:man|men|ers|ists?|ians?|ants?|ents?)$/u.test(owner.at(-1)!);
    // "According to official results, Tinubu won 37%": a document is the source unless a speaker cites it ("Güven said that according to …").
    const papers = /\b(?:results|list|data|statistics|records?|documents?|figures|tallies|count)$/.test(source);
    const cites = papers && /\b(?:said|says|told|stated|announced|added)\b/u.test(text.slice(0, m.index));
    if (cites) continue;
    const document = papers;
    // "according to the syndicate": a body the article named before, described.
    const describedBody = /^the \p{Ll}+$/u.test(source) && !DOCUMENTS.has(base(owner.at(-1)!));
    // "#NousToutes", "@UNHCR": a hashtag or a handle names its owner.
    if (!m[2] && !owner.some((w) => capitalised(w.replace(/^[#@]/u, "")) && !CALENDAR.test(w)) && !SPEAKERS.has(base(owner.at(-1)!)) && !person && !document && !describedBody) continue;
    // A number before it, or a place late in the sentence, makes it close what came before ("38.5% according to the ministry,
    // 75% according to the union"); at the start, or before a verb, it opens what follows ("According to police, 300 …",
    // "voters according to Salib was 19,985,389").
    const before = text.slice(Math.max(0, m.index - REACH), m.index).replace(DATES, "");
    const opensVerb = /^ (?:was|were|is|are|had|has|stood|reached|rose|fell|totall?ed)\b/u.test(text.slice(m.index + m[0].length));
    const closes = m.index > 0 && !opensVerb && (/\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|dozen|hundred|thousand|million|billion|half)\b/iu.test(before) || m.index >= text.length / 3);
    add(tidyName(claimant), m[0], false, closes, [m.index, m.index + m[0].length]);
  }
  // A headline's "UN: More than 12,000 killed" and "10,000 march in Moscow: police".
  const lead = /^(\p{Lu}[\p{L}.’'&-]{0,30}(?: \p{Lu}[\p{L}.’'&-]{0,30}){0,3}): (?=\S)/u.exec(text);
  const tail = /(?::| [-–—]) ((?:the )?[\p{L}’'.&-]+(?: [\p{L}’'.&-]+){0,3})$/u.exec(text.trimEnd());
  for (const [m, trailing] of [[lead, false], [tail, true]] as const) {
    // "KUALA LUMPUR: A total of …": words all in capitals before a colon are a dateline's place, not a source.
    // "ANALYSIS: Busting the myth …": a rubric in capitals before a colon is no source either.
    if (!m || !speaks(m[1]!) || (!trailing && (/^\p{Lu}+(?: \p{Lu}+)+$/u.test(m[1]!) || RUBRIC.test(m[1]!)))) continue;
    const start = trailing ? m.index : 0;
    add(tidyName(m[1]!), m[0].trim(), false, trailing, [start, start + m[0].length]);
  }
  // "a projection of 6 percent from an IMF report": a named report a figure came from.
  for (const m of text.matchAll(/\b(?:[Ff]rom|[Ii]n) (?:an?|the) ((?:[\p{L}\p{N}’'.-]+ ){0,3}?(?:report|survey|study|poll|assessment|review|census|bulletin))\b/gu)) {
    const ws = m[1]!.split(" ");
    if (taken(m.index, m.index + m[0].length) || !ws.some((w) => capitalised(w) && !CALENDAR.test(w))) continue;
    add(m[1]!, m[0], false, m.index >= text.length / 3, [m.index, m.index + m[0].length]);
  }
  // "…, the paper quoted local police as saying": the one quoted speaks, not who quotes.
  for (const m of text.matchAll(/\bquoted (?!by )((?:the |a |an )?[^,;:.!?"“”]{1,60}?) as saying\b/gu)) {
    const end = m.index + m[0].length;
    if (taken(m.index, end) || PRONOUNS.has(m[1]!.toLowerCase())) continue;
    add(tidyName(m[1]!), m[0], false, endsClause(text, end, false), [m.index, end]);
  }
  // "Sysuyev was quoted by Russian media as saying …": the one quoted speaks.
  for (const m of text.matchAll(/\b(?:was|were) quoted by [^,;.!?]{1,60}? as saying\b/gu)) {
    const subject = subjectBefore(text, m.index, true);
    if (subject && !taken(m.index, m.index + m[0].length)) add(subject.name, text.slice(subject.start, m.index + m[0].length), subject.pronoun, false, [subject.start, m.index + m[0].length]);
  }
  // "Reuters quoted the ministry as saying …", "local media cited the mayor's office as estimating …": the one quoted claims it.
  for (const m of text.matchAll(/\b(?:quoted|cited) ((?:the |a |an )?[^,;:.!?"“”]{1,80}?) as (?:saying|estimating|putting|reporting|stating|confirming|telling|predicting|forecasting)\b/gu)) {
    const head = m[1]!.split(" ").at(-1)!;
    if (taken(m.index, m.index + m[0].length) || /^by /.test(m[1]!) || !canSpeak(head) || PRONOUNS.has(m[1]!.toLowerCase())) continue;
    add(tidyName(m[1]!), m[0], false, false, [m.index, m.index + m[0].length]);
  }
  // "beat analysts' expectations of $1.95": the people whose expectations they are, with or without the apostrophe.
  for (const m of text.matchAll(/\b(analyst|economist|expert|pollster|trader|investor|forecaster)(s?)['’]?s? (?:(?:own|average|consensus|previous|earlier|mean|median) ){0,2}(?:expectations?|estimates?|forecasts?|projections?)(?= (?:of|for|at|was|were|is|are)\b)/gu)) {
    add(`${m[1]}s`, m[0], false, false, [m.index, m.index + m[0].length]);
  }
  // "an earlier report of 283 deaths by The Associated Press": the one whose report it was.
  for (const m of text.matchAll(/\b(?:report|estimate|count|tally|figure|toll|forecast|projection)s? of [^,;:()]{1,60}? by ((?:the |The )?\p{Lu}[\p{L}’'.&-]*(?: (?:of |for |the )?\p{Lu}[\p{L}’'.&-]*){0,6})/gu)) {
    const by = m.index + m[0].lastIndexOf(" by ");
    if (taken(by, m.index + m[0].length)) continue;
    add(tidyName(m[1]!), text.slice(by + 1, m.index + m[0].length), false, true, [by + 1, m.index + m[0].length]);
  }
  // "The number of voters was reported to be 4,200,000": reported by someone the sentence leaves unnamed; the last speaker, inferred.
  for (const m of text.matchAll(/\b(?:was|were|is|are|has been|have been|had been) (?:reported|estimated|put|given|listed|recorded|registered|counted|confirmed|said) (?:to be|at|as)\b/gu)) {
    const end = m.index + m[0].length;
    const subject = subjectBefore(text, m.index);
    if (taken(m.index, end) || / by (?:the |a |an )?[\p{L}]/u.test(text.slice(end)) || (subject && !subject.pronoun && capitalised(subject.name))) continue;
    add("it", m[0], true, false, [m.index, end]);
  }
  // The subjects of the verbs that open what follows: a second speaker with the verb left out may follow them.
  const opened: number[] = [];
  // The sentence's opening subject, read once when a participle first asks for it (false: it has none).
  let opening: ReturnType<typeof openingSubject> | false | undefined;
  // "X said …", "…, X said.", "X put the figure at …": a verb and the subject before it.
  for (const m of text.matchAll(new RegExp(String.raw`(?<=\s|^)${AUXILIARY}(${VERBS})\b${VERB_TAIL}`, "gu"))) {
    const verb = m[1]!;
    const end = m.index + m[0].length;
    // "The IPSOS poll gave Confederation 11.9%": a poll or a count gives shares as it reports them; a person gives a speech.
    if (NEEDS_TAIL.test(verb) && m[0].trimEnd().endsWith(verb) && !(/^giv|^gave/.test(verb) && POLL.test(text.slice(Math.max(0, m.index - 80), m.index)))) continue;
    // "Pakistan declared a new offensive", "declared a state of emergency": an act; "declared 52 people dead", "declared that …" report.
    if (/^(?:declared|declares)$/.test(verb) && !/^ (?:that\b|(?:[\p{L}.’'-]+ ){1,5}?(?:the )?(?:winner|elected|dead|killed|missing)\b|the (?:death )?(?:toll|figure|number)|(?:(?:about|some|nearly|more than|over|at least|all) )?(?:\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?|hundreds?|thousands?)\b))/u.test(text.slice(end, end + 40))) continue;
    // "The economy added 34,300 jobs": adding a number of things is an act; "added that 300 …" reports.
    if (/^(?:added|adds)$/.test(verb) && /^ (?:(?:about|some|nearly|more than|over|at least|a net|an? estimated) )?\d/u.test(text.slice(end, end + 24))) continue;
    // "the death toll has increased to 60": a figure that rose; "raised the toll to 60" is someone's report.
    if (/^(?:increased|raised|revised|updated|cut|lowered)$/.test(verb) && /^(?:to|at|by)$/.test(m[0].slice(m[0].lastIndexOf(verb) + verb.length).trim())) continue;
    // "Previous counts were discredited": a plural noun before its own verb, not a verb of speech.
    if (/s$/.test(verb) && /^ (?:were|are|have|had|was|is|will|would|show|showed|suggest|put)\b/u.test(text.slice(end, end + 10))) continue;
    // "UXO claimed the lives of 22 people": a killing, not a claim.
    if (/^(?:claimed|claims|claim)$/.test(verb) && /^ (?:the )?(?:(?:\d[\d,]*|[\p{Ll}-]+) )?lives\b/u.test(text.slice(end, end + 24))) continue;
    // "Madhya Pradesh and Gujarat states, as well as …": "states" is a noun unless something is stated after it.
    if (verb === "states" && !/^ (?:that\b|[:“"]|\d)/u.test(text.slice(end, end + 8))) continue;
    // "army denies militants killed 13 soldiers": what is denied is somebody else's figure.
    if (/^(?:denied|denies)$/.test(verb) && /^[^,;:.]*\d/u.test(text.slice(end, end + REACH))) continue;
    // "the militants released six of the nine hostages": releasing a count of people is an act, not a report.
    if (/^(?:released|releases|freed|issued|published)$/.test(verb) && /^ (?:(?:about|some|nearly|more than|over|at least|all) )?(?:\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?|hundreds?|thousands?)\b)/u.test(text.slice(end, end + 24))) continue;
    if (taken(m.index, end)) continue;
    // "Tinubu was declared the winner", "1,000 were reported dead": a passive's subject is what is spoken of, not who speaks.
    if (!/ing$/.test(verb) && /\b(?:was|were|is|are|been|being) (?:\p{Ll}+ly )?$/u.test(m[0].slice(0, m[0].lastIndexOf(verb))) && verb !== "quoted as saying") continue;
    // "The OCHA, citing government figures, also noted that 9,000 …": the one cited claims it.
    const citing = /,\s(?:citing|quoting)\s((?:the )?[^,;:"“”]{1,60}),\s(?:(?:also|further|had|has) )?$/u.exec(text.slice(Math.max(0, m.index - 90), m.index));
    if (citing && !taken(m.index, end)) {
      add(tidyName(citing[1]!), `${citing[0].replace(/^,\s/u, "")}${verb}`, false, endsClause(text, end, false), [m.index - citing[0].length + 2, end]);
      continue;
    }
    const subject = subjectBefore(text, m.index, SPEECH.test(verb));
    // "fell 7.9 percent, better than analysts had expected": a comparison with a forecast gives the forecaster no figure.
    if (subject && /^(?:expected|forecast|predicted|estimated|projected|anticipated)$/.test(verb) && /\b(?:than|as)\s+$/u.test(text.slice(Math.max(0, subject.start - 6), subject.start)) && endsClause(text, end, false)) continue;
    // "AFP journalists saw some 50 buses": what reporters and witnesses saw they report; "the city saw 50 deaths" is no claim.
    if (/^(?:saw|witnessed)$/.test(verb) && !(subject && /(?:journalists?|reporters?|correspondents?|photographers?|witness(?:es)?)$/i.test(subject.name))) continue;
    // "the survey of a dozen countries found that two …": a study reports what it found; "rescuers found 26 bodies" is an act.
    if (/^(?:found|finds)$/.test(verb) && !(subject && /\b(?:survey|study|report|analysis|review|poll|investigation|audit|census|assessment|research|researchers|scientists)\b/i.test(subject.name))) continue;
    if (subject) {
      // "“…,” Ortega told reporters after …": a quotation closing just before the speaker is what was said, however long what follows.
      const afterQuote = /(?:[,!?]["”’]|["”’][,—–])\s*$/u.test(text.slice(Math.max(0, subject.start - 4), subject.start));
      // "ANI reported, citing local officials", "told PAP, quoting data from the City Security Centre": the one cited claims it.
      const cited = /^[^.;:"“”]{0,60}?,? (?:citing|quoting) (?:(?:the )?(?:latest )?(?:data|figures|numbers|estimates|a report|reports) (?:from|of|by) )?((?:the |a |an )?[^,;.!?"“”()]{1,80}?)(?: (?:figures|data|statistics|estimates|numbers))?(?=[,;.!?"“”()]|$)/u.exec(text.slice(end, end + REACH));
      const citedHead = cited?.[1]!.split(" ").at(-1) ?? "";
      // A place is no source ("citing the latest data from Moscow"); a body, officials or an abbreviation is.
      const place = /^\p{Lu}\p{Ll}+$/u.test(cited?.[1] ?? "") && !SPEAKERS.has(base(citedHead));
      if (cited && !place && (canSpeak(citedHead) || /\p{L}{2,}(?:men|ers|ists|ians|ants|ents|als)$/u.test(citedHead))) {
        const to = end + cited.index + cited[0].length;
        const trailing = afterQuote || endsClause(text, to, false);
        add(tidyName(cited[1]!), text.slice(subject.start, to), false, trailing, [subject.start, to]);
        if (!trailing) opened.push(to);
        continue;
      }
      const trailing = afterQuote || endsClause(text, end, /^tell|^told/i.test(verb));
      add(subject.name, text.slice(subject.start, end), subject.pronoun, trailing, [subject.start, end]);
      found.at(-1)!.opens = m.index;
      if (!trailing) opened.push(end);
      // "the 5.15 million votes the electoral authority said Maduro had won": the count before the speaker is what they said.
      if (!trailing && /(?:\d[\d,.]*|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|dozens?|hundreds?|thousands?))(?: (?:million|billion|thousand))? (?:[\p{Ll}-]+ ){0,2}$/u.test(text.slice(Math.max(0, subject.start - 40), subject.start)) && (DETERMINERS.has(text.slice(subject.start).split(" ")[0]!.toLowerCase()) || subject.pronoun)) {
        found.at(-1)!.both = true;
      }
      continue;
    }
    // "The CBR cut its projection, projecting a 0.4% contraction": a participle after a comma speaks for the sentence's subject.
    // "Opposition has 73 per cent of tallies, says its victory is irreversible": no speaker either side of a verb after a comma.
    const bare = /^(?:says|said)$/.test(verb) && /,\s*$/u.test(text.slice(Math.max(0, m.index - 3), m.index)) && !subjectAfter(text, end);
    // "She called the day historic and said that 31.5 percent …": a second verb of the sentence's subject.
    if (bare || (/ing$/.test(verb) && /,\s*$/u.test(text.slice(Math.max(0, m.index - 3), m.index))) || (/^(?:said|says|told|estimated|reported|added|noted)$/.test(verb) && /\b(?:and|but)\s+$/u.test(text.slice(Math.max(0, m.index - 5), m.index)))) {
      opening ??= openingSubject(text) ?? false;
      if (opening && opening.start < m.index) {
        add(opening.name, `${text.slice(opening.start, opening.start + opening.name.length)} … ${text.slice(m.index, end).trim()}`, opening.pronoun, bare, [m.index, end]);
        continue;
      }
    }
    // "…, said Mayor Dana Whitfield." "“…,” said the spokesman." The speaker after the verb, the quote before it.
    // "…, told reporters": who was told is the audience, never the speaker.
    if (/^(?:said|says|wrote|claimed|estimated|added|reported|confirmed)$/i.test(verb) && (m.index === 0 || /[,;:"“”—–]\s*$/u.test(text.slice(Math.max(0, m.index - 4), m.index)))) {
      const after = subjectAfter(text, end);
      if (after && !PRONOUNS.has(after.name.toLowerCase())) add(after.name, text.slice(m.index, after.end), false, true, [m.index, after.end]);
    }
  }
  // "the council's previous figures of 662 dead": a source's own figures, named by its possessive.
  for (const m of text.matchAll(/\b((?:the |[\p{Lu}][\p{L}.-]* )?(?:[\p{L}.-]+ ){0,4}?[\p{L}.-]+)['’]s? (?:(?:own|previous|latest|earlier|initial|official|new|revised|final|last) ){0,2}(?:figures?|toll|count|estimates?|tally|data|forecasts?|projections?|numbers?)(?= (?:of|at|showed|shows|put|puts|was|were|is|are|for)\b)/gu)) {
    const end = m.index + m[0].length;
    // The owner is the last noun phrase: "a sharp increase from the council" → "the council".
    const owner = m[1]!.replace(/^.*?\b(?:the|a|an) (?=(?:(?!\b(?:the|a|an) ).)*$)/iu, "the ");
    if (taken(m.index, end) || CALENDAR.test(owner.split(" ").at(-1)!) || !(capitalised(owner.replace(/^the /, "")) || SPEAKERS.has(base(owner.split(" ").at(-1)!)))) continue;
    add(owner, m[0], false, false, [m.index, end]);
  }
  // "an earlier government count of 11,435", "the police estimate of 8,000": a body's count named by the noun before it.
  for (const m of text.matchAll(/\b(?:an? |the )(?:(?:earlier|previous|latest|initial|official|new|first|final) )?((?:government|police|army|military|ministry|UN|U\.N\.|official|organi[sz]ers['’]?|union|hospital) )(?:count|estimate|tally|toll|figure)s? of\b/gu)) {
    const end = m.index + m[0].length;
    if (taken(m.index, end)) continue;
    add(tidyName(m[1]!.replace(/['’]$/u, "")), m[0], false, false, [m.index, end]);
  }
  // "the 802 figure given by emergency authorities": a passive source.
  for (const m of text.matchAll(/\b(?:given|provided|released|reported|issued|compiled|published|announced|confirmed|cited|put forward|raised|revised|registered|recorded|counted|estimated|logged|tallied|documented|predicted|forecast|projected|expected|quoted|stated|supplied|disclosed) by\b/gu)) {
    const end = m.index + m[0].length;
    if (taken(m.index, end)) continue;
    const after = subjectAfter(text, end);
    if (!after) continue;
    // "A previous estimate, given by the government, put the tally at 300,000": the estimate's source covers its figure.
    // "has been raised by authorities to 77": the new figure follows its source.
    const opens = /^(?:, (?:put|puts|placed|stood|was|were|is|are|showed|shows|gave)| (?:to|at))\b/u.test(text.slice(after.end, after.end + 12));
    add(after.name, text.slice(m.index, after.end), false, !opens, [m.index, after.end]);
    // "profit fell to 189 million, against 268 million expected by analysts": a forecast's source has only the figure it follows.
    const figure = /^(?:predicted|forecast|projected|expected)/u.test(m[0]) ? /\d[\d.,]*(?:-(?:to-)?\d[\d.,]*)?(?:\s?(?:%|percent|per cent|million|billion|mln|bln|trillion))?(?: [\p{L}-]+)?\s$/u.exec(text.slice(Math.max(0, m.index - 40), m.index)) : null;
    if (figure) found.at(-1)!.only = m.index - figure[0].length;
  }

  // "the unions counted 20,000 and the prefecture 8,500": a second speaker whose verb is left out, before its number.
  for (const at of opened) {
    const rest = text.slice(at, Math.min(at + REACH, asideAfter(text, at)));
    // "police say 50,000 at the march, unions 310,000": after a comma only a noun that speaks, since ", Lyon 40" is a place.
    for (const m of rest.matchAll(/(?:,? and|,? while|,? whereas|;|,(?= (?:the )?\p{Ll}+ \d)) ((?:the |a |an )?[\p{L}’'.&-]+(?: [\p{L}’'.&-]+){0,3}?) (?=(?:(?:some|about|around|nearly|almost|only|just|over|more than|at least|fewer than|less than|up to|between|from) )?\d)/gu)) {
      const start = at + m.index;
      const head = m[1]!.split(" ").at(-1)!;
      if (taken(start, start + m[0].length) || !canSpeak(head) || PRONOUNS.has(head.toLowerCase()) || CALENDAR.test(head)) continue;
      if (m[0].startsWith(",") && !m[0].startsWith(", and") && !SPEAKERS.has(base(head))) continue;
      add(tidyName(m[1]!), m[0].replace(/^[,;]? ?/, ""), false, false, [start, start + m[0].length]);
    }
  }
  // "nearly 2 million, according to the CGT, and 570,000 for the interior ministry": "for" names the second count's source.
  if (found.some((f) => /^according to/i.test(f.words))) {
    for (const m of text.matchAll(/(?<=\d(?: (?:million|thousand|billion))?) for ((?:the )?[\p{L}’'. &-]{1,60}?)(?=[,;:!?]|\.(?:\s|$)|$)/gu)) {
      const head = m[1]!.split(" ").at(-1)!;
      if (taken(m.index, m.index + m[0].length) || !canSpeak(head)) continue;
      add(tidyName(m[1]!), m[0].trim(), false, true, [m.index, m.index + m[0].length]);
    }
  }
  // "…, X said, adding that 1,090 were injured": the speaker covers what comes after "adding" too.
  for (const f of [...found]) {
    const at = f.span[1];
    // ", taking the total to 710,000", ", of whom 49,000 arrived": what the speaker's figure goes on to.
    // "Amiri told Efe news, adding that eight …": the audience of "told" may stand between.
    const adding = f.trailing && (/^(?:(?: [\p{L}’'-]+){1,3}?)?(?: on \p{L}+)?,? (?:adding|saying|noting|estimating|explaining|taking|bringing|pushing|raising|increasing|lifting|cutting|reducing|putting|giving|leaving|of whom|of which|including)\b(?: that\b)?/u.exec(text.slice(at, at + 40)) ?? (/\b(?:said|says|told|added|reported)$/.test(f.words) ? /^(?: (?:on|late|early) \p{L}+)?, (?:and|but) /u.exec(text.slice(at, at + 40)) : null));
    if (adding) found.push({ ...f, trailing: false, span: [at, at + adding[0].length] });
  }
  // "“… the unofficial figures show around 150 dead,” said Giammattei": inside a quotation, its speaker claims it all.
  const depth = quoteDepths(text);
  const spoken = found.some((f) => depth[f.span[0]] === 0 && /(?:[,!?.]["”’]|["”’][,—–])\s*$/u.test(text.slice(Math.max(0, f.span[0] - 4), f.span[0])));
  const order = found.filter((f) => !(spoken && depth[f.span[0]]! > 0)).sort((a, b) => a.span[0] - b.span[0]);
  const out: Attribution[] = [];
  // Where the last attribution kept ends: one that resolves to nobody ("213 people have been confirmed") bounds nothing.
  let kept = 0;
  for (let i = 0; i < order.length; i++) {
    const f = order[i]!;
    const { trailing, span } = f;
    // "While the EPRDF has conceded Addis Ababa, it has claimed 300 seats": a pronoun inside the sentence is its opening subject.
    const own = f.inferred && !f.trailing && PRONOUNS.has(f.claimant.toLowerCase()) && f.span[0] > 0 && !/^\s*["“]/u.test(text) ? (opening ??= openingSubject(text) ?? false) : false;
    // "Coal India has a poor safety record, with 135 accidents …, the company said": the company the sentence opens on.
    const firm = trailing && !f.inferred && FIRM.test(f.claimant) ? (opening ??= openingSubject(text) ?? false) : false;
    const named = firm && !firm.pronoun && firm.start < span[0] && isFirmName(firm.name) ? recall(tidyName(firm.name), memory, paragraph) : null;
    const resolved = named ?? (own && !own.pronoun && own.start < f.span[0] ? { claimant: tidyName(own.name), inferred: true } : resolve(f.claimant, f.inferred, memory, paragraph));
    if (resolved === null) continue;
    // "Analysts expected 72 cents, according to Reuters Estimates": the analysts' figure, which the second source only relays.
    // "The CGT claimed 50,000, while they were 21,000 according to Occurrence": after a new clause it is the new count's own source.
    const turn = lastTurn(text.slice(kept, span[0]));
    const relays = trailing && i > 0 && !turn && !order[i - 1]!.trailing && /^according to/i.test(f.words) && !/^according to/i.test(order[i - 1]!.words);
    // An opening attribution covers what follows its words: "A poll of 12 economists projected 12.13%" gives the poll 12.13%, not 12.
    const from = f.only !== undefined ? f.only : trailing || f.both ? (relays ? span[0] : turn && /^according to/i.test(f.words) ? kept + turn.end : kept) : /^according to|^as per/i.test(f.words) ? span[0] : (f.opens ?? span[1]);
    const to = trailing ? span[0] : i + 1 < order.length ? order[i + 1]!.span[0] : asideAfter(text, span[1]);
    // Only speakers named together ("X and Y reported …, respectively") share out numbers; places can be "respectively" too.
    const parts = !f.inferred && / and /.test(f.claimant) && /\brespectively\b/.test(text.slice(span[1], span[1] + REACH)) ? resolved.claimant.split(/,? and |, /) : [];
    kept = span[1];
    out.push({ ...resolved, claimant: bracketed(resolved.claimant), words: bracketed(f.words), at: span[0], from, to, edge: trailing ? span[0] : span[1], ...(parts.length > 1 ? { respectively: parts.map((p) => bracketed(tidyName(p))) } : {}) });
  }
  return out;
}

/**
 * A claimant as the ledger should have it. A name is remembered; a pronoun or
 * a bare description ("the ministry", "the news agency", "both agencies")
 * is the last remembered speaker it fits, from this or the previous
 * paragraph, marked inferred; null when none fits.
 */
function resolve(name: string, pronoun: boolean, memory: SpeakerMemory, paragraph: number): { claimant: string; inferred: boolean } | null {
  // The speakers of this and the previous paragraph, the latest first.
  const latest = memory.named.filter((n) => n.paragraph >= paragraph - 1).reverse();
  // "the third-largest U.S. bank by assets": a bank described, whatever it is ranked by.
  const ws = name.replace(BY_MEASURE, "").split(/\s+/);
  if (pronoun) {
    const person = /^(?:he|she|i)$/i.test(name);
    // "it said" three paragraphs after the company was named, with only its statement between: the company.
    const body = (n: { claimant: string }) => !DOCUMENTS.has(base(n.claimant.split(/\s+/).at(-1)!));
    const match = person ? latest.find((n) => isPerson(n.claimant))
      : (latest.find(body) ?? [...memory.named].reverse().find((n) => body(n) && !isPerson(n.claimant) && /\p{Lu}/u.test(n.claimant)) ?? latest[0]);
    // "it said" keeps the speaker it refers to as current for the next "the agency said".
    return match ? recall(match.claimant, memory, paragraph) : null;
  }
  // "the ministry", "The Ministry", "the emergency agency", "both agencies": a description, not a name.
  // "the U.N. agency": an abbreviation before the noun still describes.
  // "the relief commissioner's office" is that office, not the commissioner named before.
  // "the Franco-Dutch group": a nationality before a company's noun still describes ("the Pakistani military" names).
  const body = GENERIC_BODY.test(base(ws.at(-1)!));
  // "the New York-based company": where a company is based describes it too.
  const describes = (w: string) => !capitalised(w) || SPEAKERS.has(base(w)) || /^(?:\p{Lu}\.?){2,4}$/u.test(w) || (body && (DEMONYM.test(w) || /-based$/u.test(w) || /^\p{Lu}\p{Ll}+$/u.test(w) && /-based$/u.test(ws[ws.indexOf(w) + 1] ?? "")));
  const described = /^(?:the|both|its|their)$/i.test(ws[0]!) && ws.length > 1 && !ws.some((w) => /['’]s?$/u.test(w)) && ws.slice(1).every(describes) && !/^(?:\p{Lu}\.?){2,4}$/u.test(ws.at(-1)!);
  if (described && /^(?:statement|communique|data|figures|update|bulletin|release)$/.test(base(ws.at(-1)!)) && ws.length === 2) {
    // "“…,” the statement said", "the data showed": the document of the body named before.
    const issuer = (n: { claimant: string }) => !DOCUMENTS.has(base(n.claimant.split(/\s+/).at(-1)!));
    const body = latest.find(issuer) ?? [...memory.named].reverse().find((n) => issuer(n) && /\p{Lu}/u.test(n.claimant));
    if (body) return recall(body.claimant, memory, paragraph);
  }
  if (described) {
    const head = stem(ws.at(-1)!);
    const content = ws.slice(1).map(stem).filter((w) => w.length > 3);
    // "the disaster agency" after "the Interior Ministry", "the health ministry" after it too: a remit the earlier name lacks
    // makes another body, when that name says what kind of body it is; "the relief agency" may still be the Red Crescent.
    const remit = ws.slice(1, -1).filter((w) => !capitalised(w) && !DESCRIBING.test(w)).map(stem);
    const another = (n: { claimant: string }) => {
      if (remit.length === 0) return false;
      const earlier = n.claimant.toLowerCase().split(/[^\p{L}\p{N}'’.-]+/u).filter(Boolean);
      return !remit.some((w) => earlier.some((e) => stem(e) === w)) && earlier.some((e) => BODY_KINDS.has(stem(e)));
    };
    const fit = (n: { claimant: string }) => {
      const earlier = n.claimant.toLowerCase();
      return (earlier.includes(head) || content.some((w) => earlier.includes(w))) && !another(n);
    };
    // "the agency" three paragraphs after "the UN Refugee Agency (UNHCR)": a body its own noun names, however far back.
    // A name ending in the noun comes first: "the health ministry" is "Congo's health ministry", not "health ministry figures".
    // The most of its words first, then a name ending in its noun; the latest among equals.
    const score = (n: { claimant: string }) => {
      const earlier = n.claimant.toLowerCase();
      return content.filter((w) => earlier.includes(w)).length + (stem(earlier.split(/[\s,()]+/).filter(Boolean).at(-1)!) === head ? 0.5 : 0);
    };
    const fits = latest.filter(fit).map((n, i) => ({ n, i, s: score(n) })).sort((a, b) => b.s - a.s || a.i - b.i).map((x) => x.n);
    // "the Fund" after "IMF", "the Bank" after "MNB": a capitalised short form is the abbreviation ending in its letter.
    if (fits.length === 0 && capitalised(ws.at(-1)!)) {
      const letter = ws.at(-1)![0]!;
      fits.push(...[...memory.named].reverse().filter((n) => new RegExp(`(?:^|\\(|\\s)\\p{Lu}{1,5}${letter}(?:\\)|$)`, "u").test(n.claimant)).slice(0, 1));
    }
    if (fits.length === 0 && head.length > 3) fits.push(...memory.named.filter((n) => n.claimant.toLowerCase().split(/[\s,()]+/).map(stem).includes(head) && !isPerson(n.claimant) && !another(n)).reverse().slice(0, 1));
    // "both agencies": the two named before that fit, or else the last two named.
    const both = fits.length >= 2 ? fits : [...new Map(latest.map((n) => [n.claimant, n])).values()];
    if (/^both$/i.test(ws[0]!) && both.length >= 2) return { claimant: `${both[1]!.claimant} and ${both[0]!.claimant}`, inferred: true };
    if (fits.length > 0 && fits[0]!.claimant.toLowerCase() !== tidyName(name).toLowerCase()) return recall(fits[0]!.claimant, memory, paragraph);
    // "the company", "the government agency": the last named body, when no earlier name shares its words.
    if (fits.length === 0 && body && ws.slice(1).every(describes)) {
      // Paragraphs later, "the company" is still the one whose name says it is a company ("Travelers Cos. Inc.").
      const body = latest.find((n) => /\p{Lu}/u.test(n.claimant) && !isPerson(n.claimant) && !another(n))
        ?? [...memory.named].reverse().find((n) => COMPANY.test(n.claimant) && !another(n));
      if (body) return recall(body.claimant, memory, paragraph);
      // "Canadian miner Turquoise Hill Resources Ltd beat estimates … The company now sees": a business named, though it said nothing yet.
      // "Tesco said …", later "the firm said": the last speaker named by one word that no person of the article has for a surname.
      const surname = (w: string) => memory.named.some((n) => n.claimant.endsWith(` ${w}`));
      const firm = FIRM.test(name) ? memory.firms.at(-1) ?? [...memory.named].reverse().find((n) => /^\p{Lu}[\p{L}&-]+$/u.test(n.claimant) && !SPEAKERS.has(base(n.claimant)) && !surname(n.claimant))?.claimant : undefined;
      if (firm) return recall(firm, memory, paragraph);
    }
  }
  const claimant = tidyName(name);
  memory.named.push({ claimant, paragraph });
  // Only the latest speakers can be referred back to; an article naming thousands keeps this short.
  if (memory.named.length > 64) memory.named.splice(0, memory.named.length - 64);
  return { claimant, inferred: false };
}

/** How deep inside quotation marks each offset of the text stands: curly marks nest, a straight mark turns over. */
function quoteDepths(text: string): Uint8Array {
  const depth = new Uint8Array(text.length + 1);
  let d = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === "”" || (ch === '"' && d > 0)) d = Math.max(0, d - 1);
    depth[i] = d;
    if (ch === "“" || (ch === '"' && depth[i] === 0 && (i === 0 || /[\s(—–-]/u.test(text[i - 1]!)))) d = Math.min(255, d + 1);
  }
  depth[text.length] = d;
  return depth;
}

/** Where the last new clause (", while", ", but", ";") of a stretch ends, or null: one pass, however long the stretch. */
function lastTurn(stretch: string): { end: number } | null {
  let last: { end: number } | null = null;
  for (const m of stretch.matchAll(/,\s(?:while|whereas|but)\s|;\s/gu)) last = { end: m.index + m[0].length };
  return last;
}

// A business's name with its suffix: "Turquoise Hill Resources Ltd", "Dollar Tree Stores Inc".
// At most six words before the suffix: a run of capitals with none is read once, not once a word.
const FIRM_NAME = new RegExp(String.raw`\b(\p{Lu}[\p{L}&'’-]*(?: (?:\p{Lu}[\p{L}&'’-]*|&)){0,5} (?:${COMPANY_SUFFIX})\b\.?)`, "gu");

// Rubrics a page sets before a headline: "ANALYSIS:", "UPDATE:", "EXCLUSIVE:".
const RUBRIC = /^(?:ANALYSIS|OPINION|UPDATE|EXCLUSIVE|BREAKING|WATCH|FACTBOX|EXPLAINER|COMMENT|EDITORIAL|REVIEW|INTERVIEW)$/u;

// A poll, a count or a projection, which "gives" its shares: "An exit poll gave the ruling party 38.2%".
const POLL = /\b(?:poll|polls|survey|projection|projections|count|tally|results)\b(?: (?:by|for|of|from) [^,;:.!?]{1,60})?\s*$/iu;

// "the company", "the carrier": a description of the business a sentence may open on.
const FIRM = /^the (?:[\p{L}\d.’'-]+ ){0,3}?(?:company|firm|group|carrier|airline|insurer|lender|bank|retailer|miner|operator|maker|automaker|carmaker|producer|manufacturer|utility|conglomerate)(?: by \p{Ll}+)?$/iu;
// What a ranking is by: "the third-largest U.S. bank by assets".
const BY_MEASURE = / by (?:assets|sales|revenue|revenues|volume|capacity|deposits|output)$/u;

/** A business's name as a sentence opens on it: two or more capitalised words ("Coal India"), an abbreviation ("TPSA"), or a company's suffix. */
function isFirmName(name: string): boolean {
  const ws = name.replace(/^the /i, "").split(" ");
  if (ws.some((w) => !capitalised(w) && !/^(?:of|&|and)$/.test(w))) return false;
  return ws.length >= 2 || /^\p{Lu}{2,6}$/u.test(ws[0]!) || COMPANY.test(name);
}

// A company named by its suffix anywhere in a claimant ("Travelers Cos. Inc."), or a bank; and a head word that is a suffix.
const COMPANY = new RegExp(`\\b(?:${COMPANY_SUFFIX}|Bank)\\b`, "u");
const SUFFIX = new RegExp(`^(?:${COMPANY_SUFFIX})\\.?$`, "u");

/** A description resolved to an earlier speaker: that speaker is the latest again, so "it said" after "the agency said" is the agency. */
function recall(claimant: string, memory: SpeakerMemory, paragraph: number): { claimant: string; inferred: boolean } {
  memory.named.push({ claimant, paragraph });
  return { claimant, inferred: true };
}

/**
 * The fuller name an article gives a bare title: "Turkish Interior Minister"
 * → "Interior Minister Idris Naim Sahin", when exactly one claimant of the
 * article carries the title's last two words before a name. Null otherwise.
 */
export function fullerName(claimant: string, others: readonly string[]): string | null {
  // "President Nyusi", "Mr Parekh": a surname, with a courtesy or a title, that the article also gives with a first name.
  const surname = /^(?:(?:Mr|Mrs|Ms|Dr|Prof|President|Premier|Minister|Governor|Mayor|General|Gen|Col|Chief)\.? )?(\p{Lu}[\p{Ll}’'-]+)$/u.exec(claimant);
  if (surname && !SPEAKERS.has(base(surname[1]!))) {
    const fuller = new Set(others.filter((o) => o !== claimant && new RegExp(`\\p{Lu}[\\p{L}’'.-]+ ${surname[1]}(?:$|,| of )`, "u").test(o)));
    return fuller.size === 1 ? [...fuller][0]! : null;
  }
  const ws = claimant.replace(/^the /i, "").split(" ");
  if (ws.length > 4 || !PERSON_TITLES.test(ws.at(-1)!) || ws.some((w) => /[,.]/.test(w))) return null;
  const title = ws.slice(-2).join(" ").toLowerCase();
  const fuller = new Set(others.filter((o) => {
    const at = o.toLowerCase().indexOf(title);
    return at >= 0 && /^ \p{Lu}[\p{L}’'.-]+(?: \p{Lu}[\p{L}’'.-]+)*$/u.test(o.slice(at + title.length));
  }));
  return fuller.size === 1 ? [...fuller][0]! : null;
}

/** A person, whom "he" and "she" refer to: a name ("Keerthi Ekanayake") or a person's title ("a military spokesman"), not a body. */
function isPerson(whole: string): boolean {
  // "Donald Tusk, the head of the Civic Coalition (KO)": the name before its appositive says who it is.
  const claimant = /^\p{Lu}[\p{L}’'.-]*(?: \p{Lu}[\p{L}’'.-]*)+, (?:the|a|an) /u.test(whole) ? whole.split(",")[0]! : whole;
  const head = claimant.split(/[\s,]+/).filter(Boolean).at(-1) ?? "";
  if (PERSON_TITLES.test(head)) return true;
  // An abbreviation ("U.N.", "OCHA") or a company's suffix ("Inc", "Ltd") is a body.
  if (/^(?:\p{Lu}\.?){2,}$/u.test(head) || SUFFIX.test(head)) return false;
  // "Air France-KLM": capitals run together are an abbreviation, which no person's name is.
  if (/\p{Lu}{2,}/u.test(claimant.split(",")[0]!)) return false;
  // "Office of Civil Defence": a body's noun with only its "of …" after it; "… Management Centre Keerthi Ekanayake" names a person after the body.
  const ws = claimant.split(/[\s,]+/).filter(Boolean);
  const body = ws.findLastIndex((w) => SPEAKERS.has(base(w)) && !PERSON_TITLES.test(w));
  if (body >= 0 && !ws.some((w) => PERSON_TITLES.test(w)) && JOINERS.has(ws[body + 1]?.toLowerCase() ?? "of")) return false;
  return capitalised(head) && !SPEAKERS.has(base(head)) && claimant.split(/\s+/).filter((w) => capitalised(w)).length >= 1;
}

const PERSON_TITLES = /^(?:coordinator|minister|secretary|leader|chief|governor|mayor|president|spokesman|spokeswoman|spokesperson|official|journalist|correspondent|reporter|prosecutor|clerk|coroner|commissioner|director|chairman|chairwoman|officer|head)$/i;
