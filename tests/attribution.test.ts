// Who claims each number: every attribution shape issue 14 lists, as
// `figures` reads it from an article's text.
import { describe, expect, it } from "vitest";
import { findCandidates, type Candidate } from "../src/ledger/candidates.ts";

const read = (text: string) => findCandidates(text, { published: "2025-06-02" });
/** The claimant `figures` proposes for the number written `phrase`, and whether it was inferred. */
function who(text: string, phrase: string): { claimant: string | null; inferred: boolean } {
  const c = read(text).find((x: Candidate) => x.phrase === phrase || x.phrase.includes(phrase));
  if (!c) throw new Error(`no candidate "${phrase}" in: ${text}`);
  return { claimant: c.claimant, inferred: c.inferred };
}
const named = (claimant: string) => ({ claimant, inferred: false });
const inferred = (claimant: string) => ({ claimant, inferred: true });

describe("attribution: the speaker before the verb", () => {
  it.each([
    ["Pakistan's interior ministry says that more than 19,000 people died.", "19,000", "Pakistan's interior ministry"],
    ["The agriculture ministry estimated that 12 percent of the harvest was lost.", "12 percent", "agriculture ministry"],
    ["Chief secretary Vijay Bakaya said 583 people had died in the state.", "583", "Chief secretary Vijay Bakaya"],
    ["Opposition leader Ana Ruiz said her alliance had taken 118 seats.", "118", "Opposition leader Ana Ruiz"],
    ["The minister put the figure at roughly one-fifth of the fleet.", "one-fifth", "minister"],
    ["Finance Minister Tomas Berg told parliament the deficit would reach 4.2 percent.", "4.2 percent", "Finance Minister Tomas Berg"],
    ["Finance Minister Tomas Berg told reporters that 300 jobs would go.", "300", "Finance Minister Tomas Berg"],
    ["The weather service reported 45 centimetres of snow overnight.", "45", "weather service"],
    ["The central bank forecasts growth of 1.8 percent next year.", "1.8 percent", "central bank"],
    ["The civil defence agency has raised the figure to 2,140 dead.", "2,140", "civil defence agency"],
    ["The health ministry keeps a count of 812 confirmed cases.", "812", "health ministry"],
    ["On Monday, the ministry said 38,195 people had been registered.", "38,195", "ministry"],
    ["The BBC's Rachel Harvey in Aceh says that 400 bodies were recovered.", "400", "BBC's Rachel Harvey"],
    ["The county clerk read aloud 1,204 votes for the measure.", "1,204", "county clerk"],
    ["The Red Crescent listed 1,200 people as missing.", "1,200", "Red Crescent"],
    ["The interior ministry declared 52 people dead on Sunday.", "52", "interior ministry"],
  ])("%s", (text, phrase, claimant) => {
    expect(who(text, phrase)).toEqual(named(claimant));
  });
});

describe("attribution: the speaker after the figure", () => {
  it.each([
    ["“So far 19,136 people have died,” Interior Minister Aftab Sherpao told a news conference.", "19,136", "Interior Minister Aftab Sherpao"],
    ["“So far 19,136 people have died”, Interior Minister Aftab Sherpao told a news conference.", "19,136", "Interior Minister Aftab Sherpao"],
    ["Some 4,200 people fled their homes, the county emergency office said on Tuesday.", "4,200", "county emergency office"],
    ["At least 14 people were hurt, police said.", "14", "police"],
    ["More than 60 people were injured, officials say.", "60", "officials"],
    ["Twelve homes were lost, said Mayor Dana Whitfield.", "Twelve", "Mayor Dana Whitfield"],
    ["The toll was revised down from the 802 figure given by emergency authorities.", "802", "emergency authorities"],
    ["About 70 percent of the city was without power, according to the regional civil protection chief, Marta Kovač.", "70 percent", "regional civil protection chief, Marta Kovač"],
  ])("%s", (text, phrase, claimant) => {
    expect(who(text, phrase)).toEqual(named(claimant));
  });
});

describe("attribution: more shapes of wire copy", () => {
  it.each([
    ["More than 280,000 people have fled, the Office of Civil Defence said Tuesday.", "280,000", "Office of Civil Defence"],
    ["The election commission on Saturday released results giving the party 116 seats.", "116", "election commission"],
    ["A rebel spokeswoman, Marcella Valiente, said in a statement that two men were freed.", "two", "A rebel spokeswoman, Marcella Valiente"],
    ["The toll rose sharply from the council's previous figures of 662 dead.", "662", "council"],
    ["More than two million marched, according to estimates from march organizers.", "two million", "march organizers"],
    ["Rebels killed two militiamen, a guerrilla spokesman said Thursday, while government troops claimed to have killed 10 rebels.", "two", "a guerrilla spokesman"],
    ["Rebels killed two militiamen, a guerrilla spokesman said Thursday, while government troops claimed to have killed 10 rebels.", "10", "government troops"],
  ])("%s", (text, phrase, claimant) => {
    expect(who(text, phrase)).toEqual(named(claimant));
  });

  it.each([
    ["The Red Cross has recorded at least 406 deaths, with 398 others missing.", "406", "Red Cross"],
    ["The government placed the number of dead at 324, with 302 missing.", "324", "government"],
    ["The bank cut its full-year growth forecast to 0.8%.", "0.8%", "bank"],
    ["Analysts on average were expecting a profit of $3.10 per share.", "3.10", "Analysts"],
    ["Authorities had already said 13 were dead.", "13", "Authorities"],
    ["UNHCR Says 370,000 Rohingya Now in Bangladesh", "370,000", "UNHCR"],
    ["Güven said that according to official results, the party received 317 seats.", "317", "Güven"],
  ])("%s", (text, phrase, claimant) => {
    expect(who(text, phrase)).toEqual(named(claimant));
  });

  it("“the company” is the body named before, inferred", () => {
    const text = "Electronic Arts Inc reported higher sales on Thursday. The company said sales had passed 13 million units.";
    expect(who(text, "13 million")).toEqual(inferred("Electronic Arts Inc"));
  });

  it("a month, a country or a report is not a speaker", () => {
    expect(who("Growth slowed to 1.6% according to the forecast in the March report.", "1.6%")).toEqual({ claimant: null, inferred: false });
    expect(who("That is more than 50,000 higher than Monday's estimate.", "50,000")).toEqual({ claimant: null, inferred: false });
    expect(who("About 50 people marched in New York, United States on Saturday.", "50")).toEqual({ claimant: null, inferred: false });
  });
});

describe("attribution: two speakers in one sentence", () => {
  it("each number goes to its own speaker", () => {
    const text = "Some 40,000 marched, police estimated, while organisers put the crowd at 150,000.";
    expect(who(text, "40,000")).toEqual(named("police"));
    expect(who(text, "150,000")).toEqual(named("organisers"));
  });

  it("“respectively” gives each speaker its number in order", () => {
    const text = "The interior ministry and the disaster agency have reported tolls of 38,195 and 30,920, respectively.";
    expect(who(text, "38,195")).toEqual(named("interior ministry"));
    expect(who(text, "30,920")).toEqual(named("disaster agency"));
  });

  it("the writer's own aside stays the writer's", () => {
    const text = "Zelenskyy estimated that 50,000 soldiers are massed north of Sumy, whose capital lies just over 300 kilometers from Kyiv.";
    expect(who(text, "50,000")).toEqual(named("Zelenskyy"));
    expect(who(text, "300")).toEqual({ claimant: null, inferred: false });
  });
});

describe("attribution: pronouns and descriptions, marked inferred", () => {
  it("“he said” is the last named person of this or the previous paragraph", () => {
    const text = "Interior Minister Aftab Sherpao spoke in Islamabad on Sunday.\n\nAround 11,000 people were still missing, he said.";
    expect(who(text, "11,000")).toEqual({ claimant: null, inferred: false });
    const said = "Interior Minister Aftab Sherpao said 19,136 people had died.\n\nAround 11,000 people were still missing, he said.";
    expect(who(said, "11,000")).toEqual(inferred("Interior Minister Aftab Sherpao"));
  });

  it("“it” and “the news agency” are the source named before", () => {
    const text = "The state news agency Tanjug reported 120 arrests on Friday. It said 35 officers were hurt. The news agency added that 14 cars burned.";
    expect(who(text, "120")).toEqual(named("state news agency Tanjug"));
    expect(who(text, "35")).toEqual(inferred("state news agency Tanjug"));
    expect(who(text, "14")).toEqual(inferred("state news agency Tanjug"));
  });

  it("“both agencies” are the two bodies named before", () => {
    const text = "Reuters reported 38,195 dead on Monday. AFP put the toll at 30,920. Both agencies said 1,000 more were missing.";
    expect(who(text, "38,195")).toEqual(named("Reuters"));
    expect(who(text, "30,920")).toEqual(named("AFP"));
    expect(who(text, "1,000")).toEqual(inferred("Reuters and AFP"));
  });

  it("a speaker is not carried past the previous paragraph", () => {
    const text = "Mayor Dana Whitfield said 40 homes burned.\n\nThe fire moved east.\n\nAbout 300 people were evacuated, she said.";
    expect(who(text, "300")).toEqual({ claimant: null, inferred: false });
  });

  it("a sentence with no attribution is the writer's own, even after a speaker", () => {
    const text = "Police said 14 people were hurt. The square holds 5,000 people.";
    expect(who(text, "5,000")).toEqual({ claimant: null, inferred: false });
  });
});

describe("attribution: what is no speaker", () => {
  it.each([
    ["Russia launched approximately 500 drones.", "500"],
    ["The storm put 300 homes at risk.", "300"],
    ["The earthquake struck 90 kilometres from the capital, and the tremor was felt widely.", "90"],
  ])("%s", (text, phrase) => {
    expect(who(text, phrase)).toEqual({ claimant: null, inferred: false });
  });
});
