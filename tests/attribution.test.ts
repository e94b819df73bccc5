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
    ["Dana Okafor, sheriff of Lake County, said 40 to 60 homes were destroyed.", "40 to 60", "Dana Okafor, sheriff of Lake County"],
    ["According to the women's collective #NoMore, the marches brought together 90,000 people.", "90,000", "women's collective #NoMore"],
    ["Reform candidates won at least 212 of 300 seats counted so far, official results showed.", "212", "official results"],
    ["The toll from the fire has risen to 48, according to the official media here, the state agency reported.", "48", "official media"],
    ["The new survey, published in The Lancet, estimates more than 3,100 people died.", "3,100", "new survey"],
    ["“A third of the deaths were never counted,” Ana Ruiz, lead author of the study, said.", "A third", "Ana Ruiz, lead author of the study"],
    ["The fourth-largest U.S. lender by assets said profit rose to 2.1 billion dollars.", "2.1 billion dollars", "fourth-largest U.S. lender by assets"],
    ["Three fishermen are still missing, the coastguard said..", "Three", "coastguard"],
    ["In 2010, the unions that organised the march estimated the crowd at 90,000, while the police put it at roughly 40,000.", "90,000", "unions"],
    ["At least 30 farmers were hurt, the paper quoted local police as saying.", "30", "local police"],
    ["Early reports had suggested 15 deaths.", "15", "Early reports"],
    ["Rival Lidl did best, according to Kantar, increasing its share from 6% to 6.4%.", "6% to 6.4%", "Kantar"],
    ["The General Workers' Union (GWU), the largest federation and organiser of the strike, which is close to the opposition, calculated that 800,000 people stopped work.", "800,000", "General Workers' Union (GWU), the largest federation and organiser of the strike"],
    ["Outside the capital, police or prefectures counted 3,300 marchers in Lille.", "3,300", "police or prefectures"],
    ["The province of Limburg alone currently estimates about 900 missing people.", "900", "province of Limburg"],
    ["According to official data through June 30, more than 60,000 people crossed the border.", "60,000", "official data"],
    ["But the director of the NGO Open Doors (Puertas Abiertas), Luis Paz, told reporters that 14 died.", "14", "director of the NGO Open Doors (Puertas Abiertas), Luis Paz"],
    ["The toll may be higher: the survey of a dozen countries found that three had not reported.", "three", "survey of a dozen countries"],
    ["The toll exceeds an earlier government count of 7,210.", "7,210", "government"],
    ["Hiring topped all expectations by analysts surveyed by Reuters, who predicted on average a 12,000 gain.", "12,000", "analysts surveyed by Reuters"],
    ["Maria Lund, an organiser with the group Open Roads, which feeds the marchers, said the column had grown to 9,000 people.", "9,000", "Maria Lund, an organiser with the group Open Roads"],
    ["However, passengers who were pulled from the water said the boat had carried at least 80 people.", "80", "passengers"],
    ["The city police office stated, according to a first report, that 30 people were detained.", "30", "city police office"],
    ["NAIROBI: A total of 4,120 cholera cases were recorded this year, said Health Secretary Ann Wambui.", "4,120", "Health Secretary Ann Wambui"],
    ["Another spokesperson, Captain Ruth Mbeki, said the estimate of 35 fighters killed was provisional.", "35", "Another spokesperson, Captain Ruth Mbeki"],
    ["Regional rescue services on Monday put the total death toll from the collapse so far at 48.", "48", "Regional rescue services"],
    ["Official figures from the Ministry of Education revealed that 18 per cent of schools closed.", "18 per cent", "Ministry of Education"],
    ["The Kantar poll for public broadcaster RTV gave the Greens 12.4%.", "12.4%", "Kantar poll for public broadcaster RTV"],
    ["The miner now sees full-year output between 90,000 tonnes and 110,000 tonnes.", "90,000", "miner"],
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
    ["The strike fell short of the 80 percent turnout predicted by union leaders.", "80 percent", "union leaders"],
    ["Nine people drowned when the ferry sank, a district official said yesterday (Thursday), as relatives waited.", "Nine", "a district official"],
    ["Vice President Rowe had 31 per cent, the election board said on its website (results.example.org).", "31 per cent", "election board"],
    ["About 70 percent of the city was without power, according to the regional civil protection chief, Marta Kovač.", "70 percent", "regional civil protection chief, Marta Kovač"],
  ])("%s", (text, phrase, claimant) => {
    expect(who(text, phrase)).toEqual(named(claimant));
  });
});

describe("attribution: an attribution that names nobody bounds nothing", () => {
  it("“213 have been confirmed as cases and 120 have died, the agency said” gives the agency both", () => {
    const text = "Worldwide, 213 people have been confirmed as cases and 120 have died, the health agency said.";
    expect(who(text, "213")).toEqual(named("health agency"));
    expect(who(text, "120")).toEqual(named("health agency"));
  });
});

describe("attribution: acts that are not reports", () => {
  it.each([
    ["The death toll from the floods in the south has increased to more than 90, with dozens missing.", "90", null],
    ["Landmines claimed the lives of 19 people last year.", "19", null],
    ["Previous counts were discredited after disputes among the three largest groups.", "three", null],
    ["ANALYSIS: Why 40,000 marchers is the likelier count", "40,000", null],
    ["The economy added 21,400 jobs in May, the statistics office said.", "21,400", "statistics office"],
    ["Rescuers found 26 bodies in the mud.", "26", null],
  ])("%s", (text, phrase, claimant) => {
    expect(who(text, phrase)).toEqual(claimant === null ? { claimant: null, inferred: false } : named(claimant));
  });
});

describe("attribution: a comparison with a forecast", () => {
  it("“better than analysts had expected, X said” is X's figure", () => {
    const text = "Deliveries fell 6.2 percent for Mazda, which was better than analysts had expected, MotorCount Inc. said Tuesday.";
    expect(who(text, "6.2 percent")).toEqual(named("MotorCount Inc."));
  });
});

describe("attribution: a forecast's source has only the figure it follows", () => {
  it("“268 million expected by analysts” leaves the result to the writer", () => {
    const text = "Quarterly profit fell to 189 million zlotys, against 268 million expected by analysts.";
    expect(who(text, "268 million")).toEqual(named("analysts"));
    expect(who(text, "189 million")).toEqual({ claimant: null, inferred: false });
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
    ["The union claimed 60,000 marchers, while they were 14,000 according to a count by the agency Tallyworks.", "60,000", "union"],
    ["The union claimed 60,000 marchers, while they were 14,000 according to a count by the agency Tallyworks.", "14,000", "agency Tallyworks"],
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

  it("a “which” or “where” clause goes on with what the speaker said", () => {
    const text = "Pakistan's interior ministry said nine people were still missing after the storm, which had also destroyed 120 homes.";
    expect(who(text, "120")).toEqual(named("Pakistan's interior ministry"));
    const where = "A district official said the river burst its banks at Kotli, where 40 houses were swept away.";
    expect(who(where, "40")).toEqual(named("A district official"));
  });
});

describe("attribution: pronouns and descriptions, marked inferred", () => {
  it("“he said” is the last named person of this or the previous paragraph", () => {
    const text = "Interior Minister Aftab Sherpao spoke in Islamabad on Sunday.\n\nAround 11,000 people were still missing, he said.";
    expect(who(text, "11,000")).toEqual({ claimant: null, inferred: false });
    const said = "Interior Minister Aftab Sherpao said 19,136 people had died.\n\nAround 11,000 people were still missing, he said.";
    expect(who(said, "11,000")).toEqual(inferred("Interior Minister Aftab Sherpao"));
  });

  it("“the company” is a business named before by its suffix, though it had not spoken", () => {
    const text = "Canadian miner Northfield Copper Ltd on Wednesday beat estimates for quarterly profit.\n\nThe company now sees full-year output between 90,000 tonnes and 110,000 tonnes.";
    expect(who(text, "90,000")).toEqual(inferred("Northfield Copper Ltd"));
  });

  it("“On Thursday, it …, but reported that …”: the pronoun after an opening time is the sentence's subject", () => {
    const text = "The interior ministry said 4,000 people remained.\n\nOn Thursday, it did not give a new count, but reported that 1,210 had applied for asylum.";
    expect(who(text, "1,210")).toEqual(inferred("interior ministry"));
  });

  it("“the third-largest U.S. bank by assets” is the bank named before", () => {
    const text = "NEW YORK (Reuters) - Northgate Financial Inc reported higher quarterly profit on Friday.\n\nThe third-largest U.S. bank by assets said net income rose to 3.9 billion dollars.";
    expect(who(text, "3.9 billion dollars")).toEqual(inferred("Northgate Financial Inc"));
  });

  it("a dateline's place before a dash is not part of the speaker's name", () => {
    expect(who("LUSAKA – Zamtel, the state telecoms operator, said on Friday its revenue rose 12 percent.", "12 percent")).toEqual(named("Zamtel, the state telecoms operator"));
  });

  it("“the firm” is the last business named that spoke, though it has no suffix", () => {
    const text = "Fenwick said sales rose 4%.\n\nShares fell.\n\nAnalysts were unmoved.\n\nMore than 2 million orders were delivered, the firm said.";
    expect(who(text, "2 million")).toEqual(inferred("Fenwick"));
    const person = "Anna Fenwick said sales rose 4%. Fenwick said they would rise.\n\nShares fell.\n\nAnalysts were unmoved.\n\nMore than 2 million orders were delivered, the firm said.";
    expect(who(person, "2 million")).toEqual(named("firm"));
  });

  it("“The agency, citing government figures, noted that …”: the one cited claims it", () => {
    expect(who("The agency, citing government figures, also noted that more than 9,000 homes were destroyed.", "9,000")).toEqual(named("government figures"));
  });

  it("a full stop with its space lost still ends the sentence: “said.Minister”", () => {
    expect(who("A fire killed at least 23 people, the health minister said.Minister Ravi Das gave the toll on television.", "23")).toEqual(named("health minister"));
  });

  it("“the company” is the business the sentence opens on, or the one named before", () => {
    const text = "Northern Rail Holdings had 42 derailments last year, injuring 17 passengers, the company said.";
    expect(who(text, "42")).toEqual(inferred("Northern Rail Holdings"));
    expect(who("Sales rose 5 percent, the company said.", "5 percent")).toEqual(named("company"));
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

  it("a quotation opening the next paragraph goes on with the speaker of the quotation before, until its own speaker is named", () => {
    const text = "“The search has ended with all 12 bodies found,” Ali Kazmi, the chief inspector of mines, told reporters.\n\n“Two were found at night and the other 10 at dawn.”\n\n“We counted 3 more,” said Sara Lind.";
    expect(who(text, "Two")).toEqual(inferred("Ali Kazmi, the chief inspector of mines"));
    expect(who(text, "3")).toEqual(named("Sara Lind"));
    const writer = "Ali Kazmi, the chief inspector of mines, said 12 bodies were found.\n\n“Two were found at night.”";
    expect(who(writer, "Two")).toEqual({ claimant: null, inferred: false });
  });

  it("a quotation after a speaker's sentence is the speaker the quotation's close names, not the one before", () => {
    const text = "The rebels said in a statement they had repelled an attack. “The army launched an offensive with 40 tanks. It lost 12 of them,” rebel spokesman Ravi Nair said.";
    expect(who(text, "40")).toEqual(inferred("rebel spokesman Ravi Nair"));
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

describe("attribution: shapes met on unseen copy", () => {
  it.each([
    // A quotation then its speaker, though what follows the speaker is long.
    ["Since May 3, “there have been 57 confirmed deaths, of which only 12 were tested,” Ortega told reporters after meeting the health chiefs of every province.", "57", "Ortega"],
    // A name with a participial aside before its verb.
    ["Nordwind Air, widely known as NWA among travellers, raised its full-year passenger forecast to about 9.4 million.", "9.4 million", "Nordwind Air"],
    // A forecast changed with words, a year and an abbreviation between the noun and its new value.
    ["The CBR raised its projection for CPI in 2027 to 3.5% from 3.0%.", "3.0%", "CBR"],
    // A participle carries the sentence's subject.
    ["The CBR cut its growth projection for 2026 sharply, projecting a 0.4% contraction.", "0.4%", "CBR"],
    // A second speaker with its verb left out.
    ["In Lyon, the unions counted 30,000 marchers and the prefecture 9,200.", "9,200", "prefecture"],
    ["In Lyon, the unions counted 30,000 marchers and the prefecture 9,200.", "30,000", "unions"],
    ["Nearly 1.5 million people marched, according to the CGT, and 480,000 for the interior ministry.", "480,000", "interior ministry"],
    // Somebody quoted or cited as saying it.
    ["Local media quoted the mayor's office as estimating the crowd at between 80,000 and 95,000.", "80,000", "mayor's office"],
    ["Reuters cited health officials as saying 40 people had died.", "40", "health officials"],
    // A source's expectations, with or without its apostrophe.
    ["Its profit of $2.10 a share beat analysts' expectations of $1.95.", "1.95", "analysts"],
    ["Its profit of $2.10 a share beat analysts expectations of $1.95.", "1.95", "analysts"],
    // Reports that indicate, and a named report a figure came from.
    ["The toll has risen from initial reports indicating about 20 deaths.", "20", "initial reports"],
    ["That is above a projection of 6 percent from an IMF report drawn up in May.", "6 percent", "IMF report"],
  ])("%s", (text, phrase, claimant) => {
    expect(who(text, phrase)).toEqual(named(claimant));
  });

  it.each([
    ["But on Saturday, the government based in the east of the country put the number of deaths at 3,252.", "3,252", "government"],
    ["More than a million people marched (the police place the figure at 260,000).", "260,000", "police"],
    ["The organizers of the rally said that 60,000 people gathered in other cities.", "60,000", "organizers of the rally"],
    ["Acme Tools Co. (ACM) said on Thursday quarterly profit rose 12 percent.", "12 percent", "Acme Tools Co. (ACM)"],
    ["Analysts, on average, had forecast revenue of $14.15 billion.", "14.15", "Analysts"],
    ["Analysts expected the firm to earn 72 cents a share, according to Refinitiv data.", "72", "Analysts"],
    ["Measles cases top 5,000 in a month - WHO", "5,000", "WHO"],
    ["Some 3 million people have fled, a spokesperson for the International Organization for Migration said.", "3 million", "a spokesperson for the International Organization for Migration"],
  ])("%s", (text, phrase, claimant) => {
    expect(who(text, phrase)).toEqual(named(claimant));
  });

  it.each([
    ["Army spokesman Gen. Ali Raza last month told a news conference that 8,269 operations were carried out.", "8,269", "Army spokesman Gen. Ali Raza"],
    ["12.5% of nurses according to the ministry, 60% according to the main union", "12.5%", "ministry"],
    ["12.5% of nurses according to the ministry, 60% according to the main union", "60%", "main union"],
    ["Nearly 38% of teachers are on strike on Thursday, January 13, according to the ministry, while the SNUipp, the main primary union, announces 75% of strikers.", "38%", "ministry"],
    ["Nearly 38% of teachers are on strike on Thursday, January 13, according to the ministry, while the SNUipp, the main primary union, announces 75% of strikers.", "75%", "SNUipp, the main primary union"],
    ["The number of votes according to Salib was 19,985,389.", "19,985,389", "Salib"],
    ["UNHCR has concluded that 754,000 people remain displaced.", "754,000", "UNHCR"],
    ["Hours later the authorities revised the figures, with Sharma saying there was one death.", "one", "Sharma"],
    ["As per the health ministry, 26 people were hurt.", "26", "health ministry"],
    ["The 39 deaths, which were confirmed by the civil protection agency and included a baby, came on Sunday.", "39", "civil protection agency"],
  ])("%s", (text, phrase, claimant) => {
    expect(who(text, phrase)).toEqual(named(claimant));
  });

  it.each([
    ["But the captain said as many as 1,500 people were aboard.", "1,500", "captain"],
    ["The ferry captain, Benjamin Sinclair, said as many as 1,500 people were aboard.", "1,500", "ferry captain, Benjamin Sinclair"],
    ["By noon, 141 people were rescued, according to military sources and fishermen.", "141", "military sources and fishermen"],
    ["Ruiz said an earlier report of 283 deaths by The Associated Press was wrong.", "283", "Associated Press"],
    ["The government issued figures ranging between 24% and 10% and the unions between 97% and 57%.", "97%", "unions"],
    ["The avenue was packed, with 80,000 people according to the city police and between 800,000 and 900,000 according to trade unions.", "80,000", "city police"],
    ["The avenue was packed, with 80,000 people according to the city police and between 800,000 and 900,000 according to trade unions.", "800,000", "trade unions"],
    ["A report by the IOM's Missing Migrants project on Friday said that 729 deaths had been confirmed.", "729", "IOM's Missing Migrants project"],
    ["A health official tweeted that three of the four bodies were children.", "three", "A health official"],
    ["The company forecast sales below the average analyst estimate of $12.05 billion.", "12.05", "analysts"],
    ["“We expect a small deficit, up to 1.8 per cent,” Dyankov was quoted as saying.", "1.8 per cent", "Dyankov"],
  ])("%s", (text, phrase, claimant) => {
    expect(who(text, phrase)).toEqual(named(claimant));
  });

  it.each([
    ["City police say 50,000 at the march, unions 310,000", "310,000", "unions"],
    ["In both cases union leaders announced much higher figures, 310,000 and 330,000.", "330,000", "union leaders"],
    ["In Gaza health officials said 40 people were hurt.", "40", "health officials"],
    ["Further south, at the border, AFP journalists saw some 50 buses.", "50", "AFP journalists"],
    ["The report which was released on Friday in Nairobi shows that Odinga got 8.1 million votes.", "8.1 million", "report"],
    ["Germany -- itself under fire from its neighbours -- warned that 160,000 people could arrive.", "160,000", "Germany"],
    ["Across the border, state television reported that a record 5,000 people had arrived.", "5,000", "state television"],
    ["But the country's largest rebel group, Hizb-ul-Mujahedeen, claimed in a statement that 14 of its fighters had died.", "14", "country's largest rebel group, Hizb-ul-Mujahedeen"],
    ["Fourteen people were rescued, Fuller said, and one was in critical condition.", "one", "Fuller"],
    ["The electoral agency declared the president winner with 8,203,290 votes.", "8,203,290", "electoral agency"],
    ["Its share was nearly 60 percent, according to figures released by the election committee on Saturday.", "60 percent", "election committee"],
  ])("%s", (text, phrase, claimant) => {
    expect(who(text, phrase)).toEqual(named(claimant));
  });

  it.each([
    ["At least 121 people were killed, ANI news agency reported, citing local officials.", "121", "local officials"],
    ["Some 142,994 refugees had fled, the agency said, citing the latest data from Moscow.", "142,994", "agency"],
    ["Dr Ihab al-Tahir, Secretary General of the Syndicate in Cairo, said that about 30 hospitals joined.", "30", "Dr Ihab al-Tahir, Secretary General of the Syndicate"],
    ["In contrast, Hisham Atta, head of curative medicine at the Health Ministry, said 17 percent joined.", "17 percent", "Hisham Atta, head of curative medicine at the Health Ministry"],
    ["A senior police commander, General Ikramuddin Yawar, said: “More than 30 people have been killed.”", "30", "A senior police commander, General Ikramuddin Yawar"],
    ["“Till now 11 were killed,” said hospital head Dr. Omar Wardak.", "11", "hospital head Dr. Omar Wardak"],
    ["The UNHCR estimates the conflict, which has triggered a catastrophe, could force up to 800,000 people to flee.", "800,000", "UNHCR"],
    ["The central bank in July raised its year-end inflation forecast to 8.9% from 7.4%.", "8.9%", "central bank"],
    ["Independent exit polls pointed to 65 per cent support for the challenger.", "65 per cent", "Independent exit polls"],
    ["The two largest unions said as many as 75 per cent of workers joined.", "75 per cent", "two largest unions"],
  ])("%s", (text, phrase, claimant) => {
    expect(who(text, phrase)).toEqual(named(claimant));
  });

  it.each([
    ["According to the syndicate, the strike reached 60 percent in Cairo.", "60 percent", "syndicate"],
    ["The victims included 108 women, Manoj Kumar Singh, the state's chief secretary, told reporters.", "108", "Manoj Kumar Singh, the state's chief secretary"],
    ["A previous estimate, given by the Burkinabe government, put the tally at around 300,000.", "300,000", "Burkinabe government"],
    ["Venezuela opposition has 73 per cent of vote tallies, says its victory is irreversible", "73 per cent", "Venezuela opposition"],
    ["The numbers differed from the 5.15 million votes the electoral authority said Maduro had won.", "5.15 million", "electoral authority"],
    ["A Reuters poll of 12 economists projected inflation of 12.13%.", "12.13%", "A Reuters poll of 12 economists"],
    ["Leduchowski told PAP on Sunday, quoting data from the City Security Centre, that around a million people attended.", "million", "City Security Centre"],
    ["“As of May 3, more than 50,000 people had crossed,” the UNHCR spokesperson in Egypt, Christine Beshay, told EFE citing Egyptian foreign ministry figures.", "50,000", "Egyptian foreign ministry"],
  ])("%s", (text, phrase, claimant) => {
    expect(who(text, phrase)).toEqual(named(claimant));
  });

  it.each([
    ["Two academics from the University of Hong Kong estimated the total was between 122,000 and 172,000.", "122,000", "University of Hong Kong"],
    ["Trump issued a disaster declaration on Tuesday and California officials said that 170 people were missing.", "170", "California officials"],
    ["The annual march's organiser, the Civil Human Rights Front, put the turnout at 510,000, while police put it at 98,600.", "510,000", "annual march's organiser, the Civil Human Rights Front"],
    ["Infosys in the current quarter guided for FY20 revenue growth to 8.5 per cent.", "8.5 per cent", "Infosys"],
    ["The company has maintained its operating margin guidance range of 21 per cent.", "21 per cent", "company"],
    ["Opposition members said 2 million voted, while one independent analysis put it at 3.6 million.", "3.6 million", "one independent analysis"],
  ])("%s", (text, phrase, claimant) => {
    expect(who(text, phrase)).toEqual(named(claimant));
  });

  it.each([
    ["The death toll has been raised by authorities to 77.", "77", "authorities"],
    ["Police said 1.3 million attended, while the Kremlin gave an official count of a mere 700,000.", "700,000", "Kremlin"],
    ["Deputy Head Oleg Sysuyev was quoted by Russian media as saying the rest of the 150 million were opposed.", "150 million", "Deputy Head Oleg Sysuyev"],
    ["The Taleban however claimed to have killed five soldiers.", "five", "Taleban"],
    ["More than 200,000 have fled, surpassing the 185,000 the U.N. refugee agency had expected.", "185,000", "U.N. refugee agency"],
    ["Biti said, according to votes collated from all polling stations - which showed results - Tsvangirai secured 50.3 percent.", "50.3 percent", "Biti"],
    ["There have been about 20,000 cases, Deputy Minister Fernando Ruiz said, according to Radio Caracol.", "20,000", "Deputy Minister Fernando Ruiz"],
  ])("%s", (text, phrase, claimant) => {
    expect(who(text, phrase)).toEqual(named(claimant));
  });

  it("“it said” takes the company named paragraphs before when only its statement is between; “he said” a count before him", () => {
    const text = "Air France-KLM said profit rose.\n\nIn a statement, the airline said costs fell.\n\nFuel cost more.\n\n“Traffic was up by 0.9 percent,” it said.";
    expect(who(text, "0.9 percent")).toEqual(inferred("Air France-KLM"));
    const before = "Transport Minister Hamid Behbahani said 105 were on board. There was no word on the two children he said were on board.";
    expect(who(before, "two")).toEqual(inferred("Transport Minister Hamid Behbahani"));
  });

  it.each([
    ["The retailer, which sells most goods for $1, said earnings rose to $35.9 million.", "35.9 million", "retailer"],
    ["Kocharyan's bloc, however, questioned the results and said it had won just 30 percent.", "30 percent", "Kocharyan's bloc"],
    ["Some 170,000 migrants entered in September, the border agency Frontex said on Tuesday, taking the total to 710,000.", "710,000", "border agency Frontex"],
    ["In all, 350,000 people reached Greece, Frontex said, of whom 49,000 arrived in September.", "49,000", "Frontex"],
  ])("%s", (text, phrase, claimant) => {
    expect(who(text, phrase)).toEqual(named(claimant));
  });

  it.each([
    ["However, Al-Shabaab which claimed responsibility for the attack said it had killed at least 57 soldiers.", "57", "Al-Shabaab"],
    ["More than 60 deaths were reported from Orissa, Madhya Pradesh and Gujarat states, local reports said.", "60", "local reports"],
    ["Earlier this month, Dollar Tree reiterated its forecast for earnings of 35 cents to 38 cents per share.", "35", "Dollar Tree"],
  ])("%s", (text, phrase, claimant) => {
    expect(who(text, phrase)).toEqual(named(claimant));
  });

  it.each([
    ["An official from the World Health Organization (WHO), Margaret Harris, said 316 people had died.", "316", "An official from the World Health Organization (WHO), Margaret Harris"],
    ["Taliban spokesperson Zabihullah Mujahid in a statement claimed responsibility, saying 35 soldiers were killed.", "35", "Taliban spokesperson Zabihullah Mujahid"],
    ["The UN late on Saturday gave a preliminary figure of 320 dead.", "320", "UN"],
    ["Hospital personnel listed two foreign women among the dead.", "two", "Hospital personnel"],
    ["“Twelve of them were soldiers,” Amiri told Efe news, adding that eight others were hurt.", "eight", "Amiri"],
  ])("%s", (text, phrase, claimant) => {
    expect(who(text, phrase)).toEqual(named(claimant));
  });

  it("an appositive naming a unit by its ordinal keeps its speaker; “the New York-based company” is the company named before", () => {
    expect(who("Major Johnny Macanas, spokesman for the 4th Infantry Division, said troops recovered four rifles.", "four")).toEqual(named("Major Johnny Macanas, spokesman for the 4th Infantry Division"));
    const text = "Bristol Myers Squibb Co said sales rose.\n\nThe New York-based company raised its full-year profit forecast to $6.25.";
    expect(who(text, "6.25")).toEqual(inferred("Bristol Myers Squibb Co"));
  });

  it("“the company” paragraphs later is the company the article named", () => {
    const text = "Travelers Cos. Inc. said on Tuesday that storms cost it dearly.\n\nHurricane Ida hit Louisiana.\n\nFloods followed.\n\nThe company reported a core income of $655 million.";
    expect(who(text, "655 million")).toEqual(inferred("Travelers Cos. Inc."));
  });

  it("“the statement said” reaches the body named paragraphs before when none is at hand", () => {
    const text = "The WHO and Sudan's health ministry issued a joint statement.\n\nThe outbreak spread.\n\nRains fell.\n\nThe statement said 329 suspected cases had been reported.";
    expect(who(text, "329")).toEqual(inferred("WHO and Sudan's health ministry"));
  });

  it("“which would mean 11 million” goes on with the speaker's claim", () => {
    const text = "Finance Minister Dilson Funaro said the strike failed. He said no more than 20 percent went on strike, which would mean 11 million workers.";
    expect(who(text, "11 million")).toEqual(inferred("Finance Minister Dilson Funaro"));
  });

  it("“it added” takes a statement when no body is at hand", () => {
    const text = "A government statement said the attackers fled. “The toll is 11 guards killed,” it added.";
    expect(who(text, "11")).toEqual(inferred("A government statement"));
  });

  it("the size of a poll is the writer's, not the poll's claim", () => {
    expect(who("A Reuters poll of 12 economists projected inflation of 12.13%.", "12")).toEqual({ claimant: null, inferred: false });
  });

  it("a passive's subject does not speak; a quotation's own words give way to its speaker; “the statement” is its issuer's", () => {
    expect(who("Tinubu was declared the winner with 8.79 million votes.", "8.79 million")).toEqual({ claimant: null, inferred: false });
    expect(who("“The unofficial figures show around 150 dead,” said Giammattei.", "150")).toEqual(named("Giammattei"));
    const statement = "The interior ministry said the raid was over.\n\n“Seventy-six civilians were killed,” the statement said.";
    expect(who(statement, "Seventy-six")).toEqual(inferred("interior ministry"));
    expect(who("An estimated half a million Colombians are expected to be infected.", "half a million")).toEqual({ claimant: null, inferred: false });
    const group = "Air France-KLM said traffic rose.\n\nThe Franco-Dutch group said operating profit was 506 million euros.";
    expect(who(group, "506 million")).toEqual(inferred("Air France-KLM"));
    expect(who("Soldiers said 5 died.\n\nThe Pakistani military said 19 insurgents died.", "19")).toEqual(named("Pakistani military"));
  });

  it("the city saw 50 deaths: seeing is no claim but for reporters and witnesses; a short form takes the abbreviation it ends", () => {
    // "According to the latest list": a document, the source when no speaker cites it; when one does, the speaker.
    expect(who("As per the latest list, six persons were hurt.", "six")).toEqual(named("latest list"));
    expect(who("According to official results, the party won 37% of the vote.", "37%")).toEqual(named("official results"));
    expect(who("Güven said that according to official results, the party won 317 seats.", "317")).toEqual(named("Güven"));
    expect(who("The city saw 50 deaths last year.", "50")).toEqual({ claimant: null, inferred: false });
    expect(who("The IMF said growth would slow. The Fund expects growth of 3.5 percent.", "3.5 percent")).toEqual(inferred("IMF"));
    const ministry = "The latest health ministry figures show 1,390 deaths. Congo's health ministry said 200 more were sick. The health ministry said it would vaccinate 1.4 million infants.";
    expect(who(ministry, "1.4 million")).toEqual(inferred("Congo's health ministry"));
    expect(who("Army spokesman Lt Col Ravi Batra said six died. Five more rebels were killed overnight, he added without giving details.", "Five")).toEqual(inferred("Army spokesman Lt Col Ravi Batra"));
  });

  it("a pronoun inside a sentence is the subject the sentence opened with; a quotation's words are no subject", () => {
    expect(who("While the ruling party has conceded defeat in the capital, it has claimed at least 300 seats.", "300")).toEqual(inferred("ruling party"));
    const quoted = "A military spokesman said three militants died. “Five of our soldiers were killed,” he added.";
    expect(who(quoted, "Five")).toEqual(inferred("A military spokesman"));
    expect(who("The rebels confirmed the clashes but said only one fighter died.", "one")).toEqual(named("rebels"));
  });

  it("a possessive names its own body, not the person it belongs to", () => {
    const text = "Relief Commissioner G S Naveen said seven people died.\n\nLater one more person died, the relief commissioner's office said.";
    expect(who(text, "one")).toEqual(named("relief commissioner's office"));
  });

  it.each([
    ["Army denies rebels killed 13 soldiers", "13"],
    ["Last week, the rebels released six of the nine hostages.", "six"],
    ["Pakistan declared a new offensive against militants, who have killed more than 100 people.", "100"],
  ])("what is denied or released is no claim of the subject: %s", (text, phrase) => {
    expect(who(text, phrase)).toEqual({ claimant: null, inferred: false });
  });

  it("a quotation over several sentences is the speaker's named at its end, inferred before", () => {
    const text = "“We have received 300 bodies. So far relatives have collected 250 of them,” Kashif said.";
    expect(who(text, "300")).toEqual(inferred("Kashif"));
    expect(who(text, "250")).toEqual(named("Kashif"));
  });

  it("“it”, “the U.N. agency”, a second verb and a raised forecast keep the speaker named before", () => {
    const agency = "The World Health Organization (WHO) said 5,147 people had died.\n\nA further 13 deaths were recorded elsewhere, it said.\n\nThere were 421 new infections, the U.N. agency said.";
    expect(who(agency, "421")).toEqual(inferred("World Health Organization (WHO)"));
    const second = "Commission chair Hawa Noor said turnout was low. She called the vote historic and said that 31.5 percent of voters were women.";
    expect(who(second, "31.5 percent")).toEqual(inferred("Commission chair Hawa Noor"));
    const raised = "Acme Tools said profit rose. It raised its full-year forecast by 3 cents.";
    expect(who(raised, "3")).toEqual(inferred("Acme Tools"));
  });

  it("a description takes the body named before, and a pronoun after it takes the same body", () => {
    const text = "The Office of Civil Defence said on Monday that aid had arrived.\n\nThe government agency said the number of refugees had grown.\n\nIt said 120,000 people had fled.";
    expect(who(text, "120,000")).toEqual(inferred("Office of Civil Defence"));
  });

  it("a surname with a title is the person the article names in full", () => {
    const text = "President Filipe Nyusi of Mozambique said 84 had died.\n\nPresident Nyusi said more than 1,000 may have died.";
    expect(who(text, "1,000")).toEqual(inferred("President Filipe Nyusi of Mozambique"));
    expect(who("Police said 40 were hurt. City Police said 12 were held.", "40")).toEqual(named("Police"));
  });

  it("a title alone is the person the article names with it", () => {
    const text = "The toll rose to 90, the Interior Minister said.\n\nInterior Minister Omar Farouk said 60 of them died in the city.";
    expect(who(text, "90")).toEqual(inferred("Interior Minister Omar Farouk"));
    expect(who(text, "60")).toEqual(named("Interior Minister Omar Farouk"));
  });

  it("a figure reported in the passive, with no one named, is the last speaker's, inferred", () => {
    const text = "Election board chief Ana Diaz announced the results on Thursday. The number of voters was reported to be 4,200,000.";
    expect(who(text, "4,200,000")).toEqual(inferred("Election board chief Ana Diaz"));
    expect(who("The number of voters was reported to be 4,200,000.", "4,200,000")).toEqual({ claimant: null, inferred: false });
  });

  it("“in addition” and a quotation carry on what the speaker before said, inferred", () => {
    const added = "Ekanayake said 2,000 families were displaced in Kandy. In addition, 900 families from Matale had moved to camps.";
    expect(who(added, "900")).toEqual(inferred("Ekanayake"));
    const quoted = "“We have counted 212 bodies,” Rivera said. “Another 40 people are missing.”";
    expect(who(quoted, "40")).toEqual(inferred("Rivera"));
    const figure = "WHO chief Tedros said 15,600 cases had been recorded.\n\nThe figure included more than 5,000 cases from the east.";
    expect(who(figure, "5,000")).toEqual(inferred("WHO chief Tedros"));
    // Not past the paragraph, and not the writer's own next sentence.
    expect(who("Ekanayake said 2,000 families were displaced.\n\nIn addition, 900 families had moved.", "900")).toEqual({ claimant: null, inferred: false });
    expect(who("Police said 14 people were hurt. The square holds 5,000 people.", "5,000")).toEqual({ claimant: null, inferred: false });
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
