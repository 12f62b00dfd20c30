// Word lists the rules consult. They are general English usage, not drawn from any test text: abbreviations as style
// guides list them (AP, Chicago), and the closed-class words that open sentences.

const words = (s: string): ReadonlySet<string> => new Set(s.split(/\s+/).filter(Boolean));

/** Titles and other abbreviations that always precede a name or noun, so a period after them never ends a sentence. */
export const PREPOSITIVE = words(`
  mr mrs ms mx messrs mmes mme mlle dr prof sen sens rep reps gov govs gen lt col capt cpt cmdr adm maj sgt cpl pvt
  rev revd hon pres supt insp det fr mt drs profs
  ps p.s
  e.g i.e cf viz vs v approx ca
`);

/** Abbreviations that take a number after them (`p. 55`, `No. 5`, `N°. 1026`). */
export const BEFORE_NUMBER = words(`
  p pp no nos n° nº nr vol vols ch chap art sec sect fig figs para par op ed eds ver rev ex tab app pl ext tel
  jan feb mar apr jun jul aug sep sept oct nov dec
`);

/**
 * The words of `BEFORE_NUMBER` that are also everyday words (`Hell no.`, `modern art.`, `the app.`, `my ex.`): they are
 * abbreviations only before a number.
 */
export const WORDS_BEFORE_NUMBER = words(`no art app ex tab par op sec ver pl`);

/** Other common abbreviations: they end a sentence only when a sentence-opening word follows. */
export const ABBREVIATIONS = words(`
  inc ltd co corp llc plc bros assn assoc dept div univ inst intl natl govt admin est etc al
  jr sr st ave blvd rd ln hwy sq cty
  jan feb apr jun jul aug sep sept oct nov dec tue tues thu thur thurs fri
  a.m p.m u.s u.k u.n e.u ph.d m.d b.a m.a b.sc m.sc d.c
  dist km kg lb lbs oz qt hr hrs mins yr yrs mos wks esp incl excl misc bn mn mln bln tn pct
  min max avg apt appt bldg tsp tbsp pkg qty ft yd yds gal wk
`);

/** Abbreviations that close a name or list and never precede one, so any capitalised word after them opens a sentence. */
export const POSTPOSITIVE = words(`
  etc inc ltd co corp llc plc bros jr sr esq
  jan feb apr jun jul aug sep sept oct nov dec
`);

/** Words that commonly open an English sentence: pronouns, determiners, wh-words, conjunctions and sentence adverbs. */
export const SENTENCE_STARTERS = words(`
  a an the this that these those it its he she we they i you his her our their my your there here
  what when where who whom whose why how which however but and so yet then thus also still meanwhile moreover
  instead indeed nevertheless nonetheless therefore hence otherwise besides furthermore finally first second
  in on at for if as after before since while although though because unless until once
  did do does is are was were will would can could should shall may might must has have had
  not no yes all some many most more few both each every such one none nothing everyone someone
  being millions thousands now today yesterday tomorrow even only just
`);

/** Prepositions that open a phrase, used to spot a fragment such as `At 5 a.m.` that cannot be a sentence on its own. */
export const PREPOSITIONS = words(`
  at by on in from since until till before after around about near by during through past toward towards
`);

/**
 * True for a word (lower-cased, without its final period) that the lists above name as an abbreviation, whatever
 * follows it (so not `no`, `art`: those only before a number).
 */
export function isKnownAbbreviation(lower: string): boolean {
  return (
    PREPOSITIVE.has(lower) ||
    (BEFORE_NUMBER.has(lower) && !WORDS_BEFORE_NUMBER.has(lower)) ||
    ABBREVIATIONS.has(lower) ||
    POSTPOSITIVE.has(lower)
  );
}

/** Words that open the greeting of a letter or post (`Hi,` `Dear All,`). */
export const GREETINGS = words(`hi hello hey dear greetings`);

/** Last words of the closing of a letter or post (`Best regards,` `Sincerely,` `Thanks,`). */
export const CLOSINGS = words(`
  regards wishes sincerely respectfully cordially truly faithfully thanks cheers
`);
