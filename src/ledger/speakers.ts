// Who can speak for a figure: the verbs and nouns of attribution in wire copy,
// and the speaker found before a verb ("Interior Minister Aftab Sherpao
// said"), after it ("…, said Mayor Dana Whitfield") or opening its sentence.
// attribution.ts decides which part of a sentence each speaker covers.

import { MONTHS, WEEKDAYS } from "./checks.ts";

const MONTH = MONTHS.join("|");
const WEEKDAY = WEEKDAYS.join("|");

// Verbs that attribute a figure to their subject, in the forms wire copy uses.
export const VERBS = [
  "said", "says", "say", "told", "tells", "tell", "stated", "states", "estimated", "estimates", "estimate", "reported", "reports", "report",
  "forecast", "forecasts", "predicted", "predicts", "expects", "expected", "expect", "confirmed", "confirms", "confirm", "claimed", "claims", "claim",
  "announced", "announces", "listed", "lists", "declared", "declares", "place", "added", "adds", "noted", "notes", "insisted", "acknowledged", "admitted",
  "counted", "counts", "tallied", "recorded", "records", "registered", "wrote", "writes", "warned", "warns", "believes", "believed", "calculated",
  "projected", "projects", "showed", "shows", "released", "releases", "published", "issued", "denied", "denies", "put", "puts", "placed", "places",
  "set", "sets", "cut", "lowered", "increased", "identified", "documented", "logged", "expecting", "estimating", "forecasting", "predicting",
  "projecting", "gave", "gives", "give", "guided", "maintained", "reaffirmed", "reiterated", "pointed to", "points to", "point to", "accused", "accuses", "accuse", "show", "saw", "witnessed", "quoted as saying", "tweeted", "tweets", "posted", "saying", "concluded", "concludes", "indicating", "indicated", "indicates", "Says", "Said", "Say", "Reports", "Estimates", "Confirms", "Claims", "raised", "revised", "updated", "read", "keeps", "keep", "kept", "revealed", "reveals", "suggested", "suggests", "sees", "found", "finds",
].join("|");
// After these verbs, the figure's words: "put the death toll at", "put the total death toll from the accident so far at", "raised the figure to", "read aloud".
export const VERB_TAIL = String.raw`(?:(?<=\bput|\bputs|\bplace|\bplaced|\bplaces|\bset|\bsets|\bestimated|\bestimates|\bestimate) (?:the |its |their )?(?:[\p{Ll}-]+ ){0,8}?(?:at|between)\b|(?<=\braised|\brevised|\bupdated|\bcut|\blowered|\bincreased|\bguided) (?:the |its |their |for )?(?:[\p{L}\p{N}-]+ ){0,7}?(?:to|at|by)\b|(?<=\bmaintained|\breaffirmed|\breiterated|\bkept) (?:the |its |their )?(?:[\p{L}\p{N}-]+ ){0,6}?(?:guidance|forecast|outlook|target|projection)s?(?: range| for (?:[\p{L}\p{N}-]+ ){1,4}?)? ?(?:of|at)\b|(?<=\bread) (?:aloud|out)\b|(?<=\bkeeps|\bkeep|\bkept) (?:a |its |their )?(?:running )?(?:count|tally|record|toll) of\b|(?<=\breported|\breports) (?:tolls?|figures?|totals?) of\b|(?<=\bgave|\bgives|\bgive) (?:an? |the |its |their )?(?:[\p{Ll}-]+ ){0,3}?(?:count|figure|toll|estimate|number|tally|total)s? of\b)?`;
// Verbs that only speech takes: their subject speaks, whatever noun it is ("the captain said").
export const SPEECH = /^(?:reported|reports|quoted as saying|said|says|say|told|tells|tell|added|adds|noted|notes|insisted|acknowledged|admitted|wrote|writes|tweeted|tweets|posted|warned|warns|stated|states|explained|stressed|announced|announces)$/;
// Verbs whose use with no figure after them is no attribution ("put forward", "read a statement").
export const NEEDS_TAIL = /^(?:gave|gives|give|guided|maintained|reaffirmed|reiterated|put|puts|place|placed|places|set|sets|raised|revised|updated|cut|lowered|increased|read|keeps|keep|kept)$/;
export const AUXILIARY = String.raw`(?:(?:has|have|had|been|will|would|were|was|are|is|already|also|alone|however|meanwhile|though|nonetheless|further|later|earlier|previously|now|again|separately|then|in turn|on average|for (?:his|her|its|their) part|(?:late |early )?on (?:${WEEKDAY})|in (?:a|its|their|his|her) (?:statement|report|interview|tweet|post|release|video|briefing)|(?:last|this|earlier this|late last|early last) (?:week|month|year|weekend|night|morning)|in (?:${MONTH})|in (?:19|20)\d\d|in (?:the )?(?:current|first|second|third|fourth|last|latest) (?:quarter|half|week|month|year)|(?!(?:rally|family|assembly|ally|supply|monopoly|anomaly|tally|bully|fly|reply|italy)\b)\p{Ll}{1,20}ly) ){0,3}`;
/** How far from its verb a subject, or what follows it, is looked for: a long run of words with many verbs stays linear. */
export const REACH = 240;

// Nouns that can speak for a figure when no name is given.
export const SPEAKERS = new Set([
  "ministry", "minister", "ministers", "police", "officials", "official", "organisers", "organizers", "organiser", "organizer", "office", "agency", "agencies", "spokesman",
  "spokeswoman", "spokesperson", "authorities", "authority", "government", "governments", "army", "military", "secretary", "leader", "leaders",
  "chief", "governor", "mayor", "president", "department", "service", "services", "commission", "committee", "council", "survey", "report",
  "statement", "study", "analysis", "reports", "television", "radio", "tv", "figures", "data", "census", "estimate", "estimates", "count", "researchers", "experts", "economists", "analysts",
  "witnesses", "residents", "doctors", "medics", "rescuers", "sources", "source", "group", "groups", "union", "unions", "prefecture", "company",
  "firm", "bank", "fund", "board", "bureau", "institute", "centre", "center", "observatory", "monitor", "administration", "command", "forces",
  "spokesmen", "organization", "organisation", "hospital", "hospitals", "newspaper", "broadcaster", "channel", "outlet", "website", "media",
  "journalist", "journalists", "correspondent", "correspondents", "photographers", "reporter", "reporters", "team", "mission", "operator", "utility", "regulator", "watchdog", "coalition", "bloc", "party", "carrier", "retailer", "maker", "insurer", "lender", "airline", "miner", "producer", "exporter",
  "campaign", "parliament", "court", "prosecutors", "prosecutor", "investigators", "inspectors", "observers", "clerk", "registrar", "coroner",
  "commissioner", "director", "head", "chairman", "chairwoman", "chair", "officer", "officers", "staff", "personnel", "workers", "volunteers", "activists",
  "monitors", "pollsters", "poll", "polls", "tally", "records", "record", "militants", "rebels", "fighters", "insurgents", "protesters",
  "demonstrators", "opposition", "movement", "troops", "soldiers", "force", "police's", "sheriff", "inspector", "superintendent", "captain",
  "prefectures", "ministries", "municipalities", "results", "commander", "coordinator", "representative", "envoy", "ambassador", "adviser", "advisor", "senator", "lawmaker", "premier", "chancellor", "network", "association", "federation", "alliance", "charity", "relief", "society", "crescent",
]);
// The nouns a company or agency is called by once named: "the group", "the company", "the carrier".
export const GENERIC_BODY = /^(?:company|firm|group|agency|organisation|organization|bank|carrier|retailer|maker|insurer|publisher|operator)$/;
// Words before a body's noun that say whose it is, where, or how big, not what it does: "the state agency", "the third-largest
// U.S. bank" can be a body named before under any name. A word that says what it does ("the disaster agency", "the health
// ministry") gives the body a remit that a body named before must share to be it.
export const DESCRIBING = /^(?:state|government|governmental|public|private|official|semi-official|federal|national|local|regional|provincial|municipal|main|top|leading|major|largest|biggest|new|same|former|global|international|independent|[\p{L}.]+-[\p{L}.-]+)$/u;
// The nouns by which a public body's name says what kind of body it is, and so what it does ("Interior Ministry", "Office
// of Civil Defence"). A name with none ("Turkish Red Crescent", "Reuters", "Coal India") may be described by any remit.
export const BODY_KINDS = new Set([
  "ministry", "agency", "office", "department", "service", "commission", "committee", "council", "authority", "bureau", "institute",
  "directorate", "administration", "inspectorate", "prefecture", "board", "court", "police", "army", "military", "hospital",
]);
// A people's adjective: "Dutch", "Franco-Dutch", "Indonesian", "Chinese", "Turkish".
export const DEMONYM = /^(?:\p{Lu}\p{Ll}+-)?\p{Lu}\p{Ll}+(?:an|ian|ese|ish|ch|ic|i)$/u;
// Counts in words from two up ("one" opens "One official said"), which can stand for what they count.
const COUNT_WORD = /^(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty)$/i;
// Words that count: a subject holding one is a number's phrase ("half a million Colombians"), not a speaker.
const NUMBER_WORDS = /^(?:half|dozens?|hundreds?|thousands?|millions?|billions?)$/i;
// Documents, which speak only for who issued them: "the statement said" is the body's, "it said" is no statement's.
export const DOCUMENTS = new Set(["statement", "report", "communique", "bulletin", "release", "figures", "data", "study", "survey", "estimate", "estimates", "count", "tally", "census", "record", "records", "list", "poll", "polls", "results", "reports", "update"]);
export const PRONOUNS = new Set(["he", "she", "they", "it", "we", "i"]);
// Months and days are never speakers, though capitalised: "the March report".
export const CALENDAR = new RegExp(`^(?:${MONTH}|${WEEKDAY})$`);
// Words that end a subject when walking back from its verb.
const BOUNDARY = new Set([
  "that", "while", "whereas", "but", "as", "when", "after", "because", "since", "which", "who", "whom", "where", "if", "though", "although",
  "before", "until", "than", "so", "and", "or", "was", "were", "is", "are", "be", "been", "being", "with", "to", "by", "on", "at", "for", "from",
  "into", "over", "under", "about", "some", "more", "those", "these", "this", "its", "their", "his", "her",
]);
// A subject's words may include "of", "for" and "and" between names, and a place after "in".
export const JOINERS = new Set(["of", "for", "and", "de", "del", "al", "in"]);
// Words that close a name and keep their full stop: "Travelers Cos. Inc.", "Robert Smith Jr.".
const NAME_ENDS = "Inc|Corp|Co|Cos|Ltd|Bros|Jr|Sr";
// Words that end in a full stop inside a name: "Co.", "Col.", "Sen.", "Dr.", and an initial.
const ABBREVIATED = `${NAME_ENDS}|St|Mr|Mrs|Ms|Dr|Gen|Col|Lt|Sgt|Capt|Sen|Rep|Gov|Prof|Maj|Adm|Cmdr|Supt|Insp`;
const ABBREVIATION = new RegExp(`^(?:${ABBREVIATED}|(?:\\p{Lu}\\.)*\\p{Lu})$`, "u");
/** The suffixes of a company's name: "Coal India Ltd", "Travelers Cos. Inc."; no person's name ends so. */
export const COMPANY_SUFFIX = "Inc|Corp|Co|Cos|Ltd|LLC|PLC|plc|AG|SA|NV|Group|Holdings";
export const DETERMINERS = new Set(["the", "a", "an", "both", "two", "three", "several", "many", "other"]);
// What a subject never is, though capitalised at a sentence's start.
const NOT_SPEAKERS = new Set(["The", "A", "An", "This", "That", "These", "Those", "There", "Here", "It", "So", "But", "And", "In", "On", "At", "By", "As", "If", "When", "While"]);

interface Word {
  text: string;
  start: number;
  end: number;
}

export function words(text: string): Word[] {
  return [...text.matchAll(/[\p{L}\p{N}][\p{L}\p{N}’'.&-]*[\p{L}\p{N}]|[\p{L}\p{N}]/gu)].map((m) => ({ text: m[0].replace(/\.$/, ""), start: m.index, end: m.index + m[0].length }));
}

export const capitalised = (w: string) => /^\p{Lu}/u.test(w);
export const base = (w: string) => w.toLowerCase().replace(/['’]s?$/u, "");
/** A name, or a noun that can speak for a figure: a word a subject can end on. */
export const canSpeak = (w: string) => capitalised(w) || SPEAKERS.has(base(w));
/** A noun without its plural: "agencies" → "agency", "officials" → "official". */
export const stem = (w: string) => base(w).replace(/ies$/, "y").replace(/s$/, "");

// The titles an appositive opens with, no article before them: "Joe Shepard, sheriff of Gibson County, said".
const APPOSITIVE_TITLES = "[Ss]ecretary|[Hh]ead|[Cc]hief|[Dd]irector|[Dd]eputy|[Mm]inister|[Ss]pokes(?:man|woman|person)|[Cc]hair(?:man|woman)?|[Mm]ember|[Pp]resident|[Cc]ommander|[Gg]overnor|[Mm]ayor|[Ss]heriff|[Ii]nspector|[Ss]uperintendent|[Cc]aptain|[Cc]oordinator|[Rr]epresentative|[Ee]nvoy|[Aa]mbassador|[Aa]dvis[eo]r|[Ss]enator|[Pp]remier|[Cc]hancellor|[Cc]ommissioner|[Mm]anager|[Aa]dministrator|[Pp]rosecutor|[Ll]ead author|[Aa]uthor|[Cc]o-author|[Rr]esearcher|[Ee]conomist|[Aa]nalyst|[Pp]rofessor|[Ff]ounder|[Ee]ditor";
const APPOSITIVE_TITLE = new RegExp(`^(?:${APPOSITIVE_TITLES})`, "u");

/**
 * The subject that ends just before `end` in `text`: walked back word by word
 * over names, titles, possessives and lower-case words until a clause ends.
 * Null unless its head is a name, a noun that can speak, or a pronoun.
 */
export function subjectBefore(text: string, end: number, speech = false, depth = 0): { name: string; start: number; pronoun: boolean } | null {
  // Asides and relative clauses are stepped over a few at a time: "who said that the man who, …" a thousand times over is no subject.
  if (depth > 4) return null;
  // Before a verb of speech, any noun a determiner or a name opens can speak: "the captain said", "the IOM's project said".
  const speaker = (w: string) => SPEAKERS.has(base(w)) || (speech && /^\p{Ll}[\p{Ll}-]{2,}$/u.test(w) && !PRONOUNS.has(w) && !BOUNDARY.has(w) && !JOINERS.has(w) && !DETERMINERS.has(w));
  // Only the words within reach of the verb are read; their offsets stay the sentence's.
  const reach = Math.max(0, end - REACH);
  const within = text.slice(reach, end);
  // "Analysts, on average, expected …": a short aside between the subject and its verb.
  const adverbial = /,\s(?:on average|however|meanwhile|in turn|though|too|also|in contrast|for (?:his|her|its|their) part|in (?:a|its|their) (?:statement|report|update)),\s(?:(?:had|has|have|had been|have been|has been|also|had also) )?$/u.exec(within);
  if (adverbial) return subjectBefore(text, reach + adverbial.index, speech, depth + 1);
  // "analysts surveyed by Reuters, who predicted on average a 10,000 gain": "who" is the noun before its comma.
  const who = /,\s(?:who|which)\s(?:(?:had|has|have|also|had also) )?$/u.exec(within);
  if (who) return subjectBefore(text, reach + who.index, speech, depth + 1);
  // "Alex Mensing, an organiser with the group X, which is helping the migrants, said": the relative clause on the appositive is the writer's.
  const clause = /,\s(?:which|who)\s[^,;:"“”]{1,120},\s$/u.exec(within);
  const onAppositive = clause ? subjectBefore(text, reach + clause.index + 2, speech, depth + 1) : null;
  if (onAppositive) return onAppositive;
  // "Al-Shabaab which claimed responsibility for the attack said": a name with a relative clause and no commas.
  const unpunctuated = /(?:^|[,;:]\s|[.!?]\s|\b(?:However|But|And),?\s)((?:the |The )?\p{Lu}[\p{L}’'.&-]*(?: \p{Lu}[\p{L}’'.&-]*){0,4}) (?:which|who) (?!was|were|is|are)[^,;:"“”]{1,100}$/u.exec(within);
  if (unpunctuated) return { name: unpunctuated[1]!, start: reach + unpunctuated.index + unpunctuated[0].indexOf(unpunctuated[1]!), pronoun: false };
  // "The report which was released on Friday in Nairobi shows": a subject with a relative clause of its own.
  // "survivors who were rescued by local boatmen said": a plural noun that speaks needs no article.
  const relative = /(?:^|[,;:]\s|[.!?]\s|\b(?:However|But|And),?\s)((?:[Tt]he |[Aa]n? )?[\p{L}’' -]{1,60}?) (?:which|that|who) (?:was|were|is|are|has been|have been|had been|\p{Ll}+ed) [^,;:"“”]{1,80}$/u.exec(within);
  if (relative && speaker(relative[1]!.split(" ").at(-1)!)) return { name: relative[1]!, start: reach + relative.index + relative[0].indexOf(relative[1]!), pronoun: false };
  // "Germany -- itself under fire from its neighbours -- warned": an aside between dashes.
  const dashed = /(?:^|[.;:"“”]\s|,\s)((?:the )?\p{Lu}[\p{L}’'.&-]*(?: \p{Lu}[\p{L}’'.&-]*){0,4}) (?:--|—|–) [^"“”]{1,160}? (?:--|—|–) $/u.exec(within);
  if (dashed) return { name: dashed[1]!, start: reach + dashed.index + dashed[0].indexOf(dashed[1]!), pronoun: false };
  // "Muslim Khan, a spokesman for the militants, said": a name and the appositive that says who it is, kept together;
  // "Sources within the movement, whose fighters hide near the border, said": the relative clause is the writer's.
  const aside = new RegExp(String.raw`(?:^|[.;:"“”]\s|,\s)(?:(?:while|whereas|and|but) )?((?:the )?\p{Lu}[^,;:"“”()]{0,80}?), ((a|an|the|who|whose|which|(?:\p{Ll}+ly )?(?:known|called|dubbed|nicknamed|based|headquartered|owned|led|run|founded|formerly|once|published|released|conducted|carried out|commissioned)\b|(?:\p{Lu}\p{L}*\s){0,3}\p{L}+['’]s\s|(?:${APPOSITIVE_TITLES})\b)[^,;:"“”]{1,160}), $`, "u").exec(within);
  // "A rebel spokeswoman, Marcella Valiente, said": a title, then the name.
  const titled = /(?:^|[.;:"“”]\s|,\s)(?:(?:But|And|Yet|So|but|and|while) )?((?:[Aa]n?|[Tt]he|[Aa]nother|\p{Lu}[\p{L}-]*['’]s) (?:[^,;:"“”()]|\([^(),;:"“”]{1,40}\)){0,100}?), ((?:the )?\p{Lu}[\p{L}’'.-]*(?: \p{Lu}[\p{L}’'.-]*){0,4}), $/u.exec(within);
  // "the UNHCR spokesperson in Egypt, Christine Beshay,": the title's noun may come before where it serves.
  if (titled && speaker(titled[1]!.replace(/ (?:in|for|at|of|from) .*$/u, "").split(" ").at(-1)!)) {
    const start = reach + titled.index + titled[0].indexOf(titled[1]!);
    return { name: `${titled[1]}, ${titled[2]}`, start, pronoun: false };
  }
  // An appositive holding a number is the writer's description, except a relative clause ("which sells for $1");
  // an ordinal names a unit ("spokesman for the 4th Infantry Division").
  if (aside && (!/\d(?!\d*(?:st|nd|rd|th)\b)/u.test(aside[2]!) || /^(?:who|whose|which)$/.test(aside[3]!))) {
    const ws = aside[1]!.trim().split(/\s+/);
    // "Dr Ihab al-Tahir": a surname with a particle is still a name.
    if (ws.some((w) => SPEAKERS.has(base(w))) || /^(?:\p{Ll}{1,3}-)?\p{Lu}/u.test(ws.at(-1)!)) {
      const start = reach + aside.index + aside[0].indexOf(aside[1]!);
      // "Nordwind Air, widely known as NWA, raised": a relative clause or a participle says something of the name; an "a/the" appositive says who it is, and stays.
      const relative = !/^(?:a|an|the)$/.test(aside[3]!) && !/['’]s\s$/u.test(aside[3]!) && !/^\p{Lu}/u.test(aside[3]!) && !APPOSITIVE_TITLE.test(aside[3]!);
      return { name: relative ? aside[1]! : `${aside[1]}, ${aside[2]}`, start, pronoun: false };
    }
  }
  const ws = words(within).map((w) => ({ ...w, start: w.start + reach, end: w.end + reach }));
  const taken: Word[] = [];
  for (let i = ws.length - 1; i >= 0 && taken.length < 12; i--) {
    const w = ws[i]!;
    // Punctuation between this word and the one after it ends the subject (a comma, a quotation mark, a dash).
    const gap = text.slice(w.end, taken.length > 0 ? taken[0]!.start : end);
    // "Procter & Gamble Co. (PG)", "Col. Mohammed Yusuf": an abbreviation's full stop ends no subject.
    const stop = /^\.\s+$/u.test(gap) && ABBREVIATION.test(w.text);
    if (taken.length > 0 && (/[,;:()"“”—–]|[!?]\s/u.test(gap) || (/\.\s/u.test(gap) && !stop))) break;
    if (taken.length === 0 && /[,;:()"“”—–]/u.test(gap)) return null;
    // "A Reuters poll of 12 economists projected": the poll's size is part of its name.
    // "three had not reported": a count in words with no noun after it is what is counted ("the two largest unions said" speak).
    if (COUNT_WORD.test(w.text) && taken.every((t) => /^(?:had|has|have|were|was|are|is|not|also)$/.test(t.text))) return null;
    if (/^\d/.test(w.text) && !(i > 1 && ws[i - 1]!.text === "of" && /^(?:poll|survey|panel|study)$/i.test(ws[i - 2]!.text))) break;
    // An abbreviation in capitals is a name, never the word it spells: "WHO chief Tedros".
    const lower = /^\p{Lu}{2,}$/u.test(w.text) ? w.text : w.text.toLowerCase();
    // "confirmed the clashes but said": a verb after "but" or "and" has the sentence's subject, not the words before.
    if (taken.length === 0 && BOUNDARY.has(w.text)) return null;
    // "the government based in the east of the country put …": the speaker is before where it is based.
    if (lower === "in" && i > 0 && /^(?:based|headquartered|stationed)$/.test(ws[i - 1]!.text) && taken.length > 0) {
      taken.length = 0;
      i--;
      continue;
    }
    // "International Organization for Migration", "a spokesperson for the U.N.": "for" inside a name, between nouns that speak.
    // "The IPSOS poll for commercial television channel TVN24": a poll is named with whom it was made for.
    const forInName = lower === "for" && i > 0 && canSpeak(ws[i - 1]!.text) && taken.length > 0 && (capitalised(taken[0]!.text) || DETERMINERS.has(taken[0]!.text.toLowerCase()) || /^(?:poll|survey)$/i.test(ws[i - 1]!.text));
    // "the third-largest U.S. bank by assets": a ranking's measure is part of the name.
    if (lower === "by" && taken.length > 0 && /^(?:assets|sales|revenue|revenues|volume|capacity|deposits|output)$/.test(taken[0]!.text)) {
      taken.unshift(w);
      continue;
    }
    // "analysts surveyed by Reuters": who polled them is part of their name.
    if (lower === "by" && i > 0 && /^(?:polled|surveyed|interviewed|questioned|consulted)$/.test(ws[i - 1]!.text) && taken.length > 0) {
      taken.unshift(w);
      continue;
    }
    // "police or prefectures counted": "or" joins two that speak, as "and" does.
    if (taken.length > 0 && BOUNDARY.has(lower) && lower !== "and" && !(lower === "or" && canSpeak(taken[0]!.text) && i > 0 && canSpeak(ws[i - 1]!.text)) && !forInName) {
      // "The report which was released on Friday in Nairobi shows": the subject is before its relative clause.
      if ((lower === "which" || lower === "who") && !taken.some((w) => canSpeak(w.text) && !CALENDAR.test(w.text))) return subjectBefore(text, w.start, speech, depth + 1);
      break;
    }
    // "Rachel Harvey in Aceh", "a spokesman in Swat": a place after a speaker; "growth forecast in the March report" is no speaker.
    if (lower === "in" && !(i > 0 && canSpeak(ws[i - 1]!.text) && taken.length > 0 && capitalised(taken[0]!.text))) break;
    // "X and Y said": two speakers, each a name or a noun that speaks, the second opened by a name or "the".
    if (lower === "and" && !(i > 0 && canSpeak(ws[i - 1]!.text) && !CALENDAR.test(ws[i - 1]!.text) && (canSpeak(taken[0]!.text) || DETERMINERS.has(taken[0]!.text.toLowerCase())))) break;
    taken.unshift(w);
    if (taken.length === 1 && PRONOUNS.has(lower)) return { name: w.text, start: w.start, pronoun: true };
  }
  // The subject starts at its first name, title or determiner: lower-case words before a determiner are the clause's.
  while (taken.length > 0 && JOINERS.has(taken[0]!.text.toLowerCase())) taken.shift();
  // "In both cases union leaders announced", "In Paris police said": the words after a preposition end its phrase, not the subject.
  const before = text.slice(Math.max(0, (taken[0]?.start ?? 0) - 6), taken[0]?.start ?? 0);
  if (/\b(?:[Ii]n|[Oo]n|[Aa]t|[Ff]or|[Aa]fter|[Ww]ith)\s+$/u.test(before) && taken.length > 1) {
    const first = taken.findIndex((w, i) => i > 0 && SPEAKERS.has(base(w.text)) && !capitalised(w.text));
    const lead = first > 0 ? taken.slice(0, first) : [];
    if (lead.length > 0 && lead.every((w) => !SPEAKERS.has(base(w.text)))) {
      // The noun's own modifier stays: "In Gaza health officials said" → "health officials"; "cases" in "In both cases" does not.
      const modifier = taken[first - 1]!.text;
      const keep = first > 1 && !capitalised(modifier) && !DETERMINERS.has(modifier.toLowerCase()) && !/s$/.test(modifier) ? 1 : 0;
      taken.splice(0, first - keep);
    }
  }
  // "National Coordinator of the Disaster Management Centre": a determiner after "of" is inside the name.
  const detAt = taken.findIndex((w, i) => DETERMINERS.has(w.text.toLowerCase()) && !(i > 0 && JOINERS.has(taken[i - 1]!.text.toLowerCase())));
  if (detAt > 0) taken.splice(0, detAt);
  if (taken.length === 0) return null;
  // "The organizers of the protest said": the noun that speaks comes before its "of …".
  const of = taken.findIndex((w, i) => i > 0 && w.text === "of" && SPEAKERS.has(base(taken[i - 1]!.text)));
  const head = of > 0 && !canSpeak(taken.at(-1)!.text) ? taken[of - 1]!.text : taken.at(-1)!.text;
  // "Monday's estimate": a possessive before a noun, not a speaker before a verb.
  if (CALENDAR.test(head) || /['’]s?$/u.test(head)) return null;
  const named = taken.some((w) => capitalised(w.text) && !NOT_SPEAKERS.has(w.text));
  const opened = taken.some((w) => DETERMINERS.has(w.text.toLowerCase()) || /['’]s?$/u.test(w.text)) || named;
  // A noun that speaks, or a name: a capitalised head in a subject that names someone.
  if (!SPEAKERS.has(base(head)) && !(opened && speaker(head)) && !(named && capitalised(head) && !NOT_SPEAKERS.has(head))) return null;
  // A time opening the sentence is not the speaker: "On Monday the ministry said".
  let from = 0;
  for (let i = 0; i < taken.length - 1; i++) {
    if (!/^(?:On|In|By|At|Late|Early|Last)$/.test(taken[i]!.text)) continue;
    // "Early reports had suggested": an adjective of the noun that speaks, not a time.
    if (i + 2 === taken.length && SPEAKERS.has(base(taken[i + 1]!.text))) continue;
    // "In both cases union leaders announced": the opener is its preposition, determiner and noun.
    from = DETERMINERS.has(taken[i + 1]!.text.toLowerCase()) && i + 3 < taken.length ? i + 3 : i + 2;
  }
  const kept = taken.slice(from);
  if (kept.length === 0) return null;
  const start = kept[0]!.start;
  const last = taken.at(-1)!;
  // "An estimated half a million Colombians are expected": a number's words are what is counted, not who speaks.
  // "The survey of a dozen countries found": a study's size is part of its name, as "a poll of 12 economists" is.
  const sized = (i: number) => /^(?:poll|survey|panel|study)$/i.test(taken.slice(0, i).reverse().find((w) => !/^(?:of|a|an)$/.test(w.text))?.text ?? "") && /^(?:of|a|an)$/.test(taken[i - 1]?.text ?? "");
  if (taken.some((w, i) => NUMBER_WORDS.test(w.text) && !sized(i))) return null;
  // Initials and a company's suffix keep their last full stop: "U.N." and "Travelers Cos. Inc." are names, "U.N" is not.
  const stop = (/^(?:\p{Lu}\.)+\p{Lu}$/u.test(last.text) || KEEPS_STOP.test(last.text)) && text[last.end] === "." ? last.end + 1 : last.end;
  return { name: text.slice(start, stop), start, pronoun: false };
}

const KEEPS_STOP = new RegExp(`^(?:${NAME_ENDS})$`, "u");
// What stands between a subject and its verb ("in a statement", "on Tuesday"), read back from the verb.
const BETWEEN = new RegExp(`${AUXILIARY}$`, "u");

// Verbs a sentence's subject may open with, besides those that attribute: "The CBR cut …", "The bank sees …".
const OPENING_VERBS = new RegExp(String.raw`^(?:${VERBS}|sees|saw|see|has|have|had|is|was|are|were|will|would|kept|held|left|did|does|do)$`);

/** The subject a sentence opens with, before its first verb: "The CBR cut its projection, …" → "The CBR". */
export function openingSubject(text: string): { name: string; start: number; pronoun: boolean } | null {
  // "Kocharyan's bloc, however, questioned …": an adverb between commas does not end the subject.
  // "On Thursday, it did not …": a time or place the sentence opens with is not its subject.
  const plain = text.replace(/, (?:however|meanwhile|though|too|also|in turn),/gu, (m) => " ".repeat(m.length))
    .replace(/^(?:On|In|At|Last|Earlier|Later|Since|After|Before|During|Meanwhile|However|Separately)\b[^,;:.]{0,40},/u, (m) => " ".repeat(m.length));
  for (const [i, w] of words(plain).entries()) {
    if (i > 9 || /[,;:]/.test(plain.slice(0, w.start))) return null;
    if (capitalised(w.text) || !(OPENING_VERBS.test(w.text) || /\p{Ll}ed$/u.test(w.text))) continue;
    // "Zabihullah Mujahid in a statement claimed": the subject stands before what comes between it and its verb.
    const between = BETWEEN.exec(text.slice(0, w.start))?.[0] ?? "";
    return subjectBefore(text, w.start - between.length);
  }
  return null;
}

/** Whether a name alone, without a verb, can be a headline's source: an abbreviation, a body that speaks, or a person's two names. */
export function speaks(name: string): boolean {
  const ws = name.replace(/^the /i, "").split(" ");
  // An abbreviation is short ("UN", "OCHA"); a longer word in capitals is a dateline's place ("KATHMANDU:").
  return (ws.length === 1 && /^\p{Lu}{2,5}$/u.test(ws[0]!)) || SPEAKERS.has(base(ws.at(-1)!)) || (ws.length >= 2 && ws.every((w) => capitalised(w)));
}

// A speaker after its verb: up to eleven words, ending at punctuation, a sentence's full stop (not an abbreviation's) or a time or place.
const AFTER = new RegExp(String.raw`^ ((?:the |a |an )?(?:[\p{L}][\p{L}\p{N}’'.&-]*)(?: (?:[\p{L}][\p{L}\p{N}’'.&-]*)){0,10}?)(?=[,;:!?"”—–()]|(?<!\b(?:${ABBREVIATED}|\p{Lu}))\.|$| (?:on|in|at|to|late|early|last|this|during|who|which|that|after|before|when|while|and|but|with|as)\b)`, "u");

/** The speaker named after a verb or "by": "…, said Mayor Dana Whitfield", "… given by emergency authorities". */
export function subjectAfter(text: string, from: number): { name: string; end: number } | null {
  const m = AFTER.exec(text.slice(from, from + REACH));
  if (!m) return null;
  // A full stop after the last word ends the sentence, not an initial.
  const name = m[1]!.replace(/\.$/, "");
  const ws = name.split(" ");
  const head = ws.at(-1)!;
  if (!canSpeak(head)) return null;
  return { name, end: from + 1 + name.length };
}

// People who speak as a group, named by where they are: "officials in Hatay", "police in Lyon", "residents in Goma".
const GROUP = new RegExp(`^(?:police|${[...SPEAKERS].filter((w) => /^\p{Ll}+s$/u.test(w) && !w.endsWith("ss")).join("|")})$`, "u");

const FINAL_STOP = new RegExp(`(?<!\\b\\p{Lu}|\\b(?:${NAME_ENDS}))[,.;:]+$`, "u");

/** "The Russian Defense Ministry" → "Russian Defense Ministry"; the words otherwise as written. */
export function tidyName(name: string): string {
  // A final full stop ends the sentence, except after an initial ("U.N.", "Robert F.").
  // "NAIROBI – Safaricom": a dateline's place before a dash is not part of the name.
  const tidy = name.trim().replace(/^\p{Lu}{2,}(?:[ -]\p{Lu}{2,})*\s[–—-]\s(?=\p{Lu})/u, "").replace(/^(?:the|The) /, "").replace(FINAL_STOP, "").replace(/[,;:]+$/, "").replace(/ (?:of|the|for|and)$/, "");
  // "Rachel Harvey in Aceh": where a speaker was is no part of who they are. "Local officials in Hatay": the place says which
  // officials, as a group that speaks has no other name.
  const place = / in \p{Lu}[\p{L}’'-]*(?: \p{Lu}[\p{L}’'-]*)*$/u.exec(tidy);
  if (!place) return tidy;
  // "Police in Lyon" opening a sentence is the group; "Syrian Democratic Forces in Raqqa" is a name, and the place where it was.
  const ws = tidy.slice(0, place.index).split(" ");
  return GROUP.test(ws.length === 1 ? ws[0]!.toLowerCase() : ws.at(-1)!) ? tidy : tidy.slice(0, place.index);
}

/** An abbreviation whose brackets were blanked for reading, in its brackets again: "Affairs  OCHA " → "Affairs (OCHA)". */
export function bracketed(name: string): string {
  return name.replace(/ {2}(\p{Lu}[\p{Lu}\p{N}&.-]{1,12})(?: {2}| ?$| (?=[,;]))/gu, " ($1) ").replace(/ +,/g, ",").trim();
}
