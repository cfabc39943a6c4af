/**
 * The closed word lists the drafter's rules use: reporting verbs, titles, organization cue words,
 * event verbs. General English news usage, not any one article's words.
 */

/** Reporting verbs, by lemma; every form below counts (said, says, saying, say). */
const REPORTING_LEMMAS = [
  'say', 'tell', 'add', 'warn', 'claim', 'state', 'announce', 'insist', 'argue', 'explain', 'note', 'observe', 'remark',
  'stress', 'emphasize', 'emphasise', 'assert', 'allege', 'report', 'confirm', 'deny', 'acknowledge', 'admit', 'concede',
  'declare', 'write', 'post', 'tweet', 'reply', 'respond', 'answer', 'ask', 'suggest', 'predict', 'promise', 'vow', 'pledge',
  'threaten', 'urge', 'call', 'describe', 'recall', 'complain', 'caution', 'contend', 'maintain', 'estimate', 'believe',
  'testify', 'point out', 'tell reporters', 'continue', 'conclude', 'counter', 'dismiss', 'reiterate', 'signal', 'demand',
  'accuse', 'praise', 'condemn', 'criticize', 'criticise', 'denounce', 'portray', 'label', 'brand', 'term', 'dub', 'quip',
  'shout', 'whisper', 'joke', 'boast', 'lament', 'muse', 'mention', 'disclose', 'reveal', 'indicate', 'charge', 'agree',
];
const IRREGULAR: Record<string, string[]> = {
  say: ['said', 'says', 'saying'],
  tell: ['told', 'tells', 'telling'],
  write: ['wrote', 'writes', 'writing', 'written'],
  'tell reporters': [],
  'point out': ['pointed out', 'points out', 'pointing out'],
};

function forms(lemma: string): string[] {
  if (IRREGULAR[lemma]) return [lemma, ...IRREGULAR[lemma]];
  const stem = lemma.endsWith('e') ? lemma.slice(0, -1) : lemma;
  const ed = lemma.endsWith('e') ? `${lemma}d` : /[^aeiou]y$/.test(lemma) ? `${lemma.slice(0, -1)}ied` : `${lemma}ed`;
  const s = /(s|sh|ch|x|z)$/.test(lemma) ? `${lemma}es` : /[^aeiou]y$/.test(lemma) ? `${lemma.slice(0, -1)}ies` : `${lemma}s`;
  const ing = `${stem}ing`;
  const extra = lemma === 'admit' ? ['admitted', 'admitting'] : lemma === 'quip' ? ['quipped', 'quipping'] : [];
  return [lemma, ed, s, ing, ...extra];
}

/** Every form of every reporting verb, lower case. */
export const REPORTING_VERBS = new Set(REPORTING_LEMMAS.flatMap(forms));

/** Verbs that only report speech when a quotation or a that-clause follows (not "called the police"). */
export const WEAK_REPORTING = new Set(['call', 'called', 'calls', 'calling', 'describe', 'described', 'describes', 'describing', 'believe', 'believed', 'believes', 'continue', 'continued', 'continues', 'agree', 'agreed', 'post', 'posted', 'ask', 'asked', 'charge', 'charged', 'signal', 'signaled', 'praise', 'praised', 'indicate', 'indicated', 'answer', 'answered']);

export const PRONOUNS: Record<string, 'female' | 'male' | 'group' | 'thing'> = {
  she: 'female',
  he: 'male',
  they: 'group',
  it: 'thing',
};

/** Titles and descriptions that stand before a name ("Transport Minister Lena Brandt"). */
export const TITLE_WORDS = new Set(
  [
    'president', 'vice', 'prime', 'minister', 'secretary', 'general', 'attorney', 'ambassador', 'senator', 'sen.', 'rep.',
    'representative', 'governor', 'gov.', 'mayor', 'judge', 'justice', 'chief', 'director', 'chairman', 'chairwoman', 'chair',
    'spokesman', 'spokeswoman', 'spokesperson', 'commissioner', 'commander', 'admiral', 'adm.', 'rear', 'gen.', 'lt.', 'col.',
    'colonel', 'captain', 'capt.', 'sergeant', 'sgt.', 'major', 'maj.', 'lieutenant', 'officer', 'inspector', 'detective',
    'dr.', 'doctor', 'professor', 'prof.', 'mr.', 'mrs.', 'ms.', 'mr', 'mrs', 'ms', 'dr', 'sir', 'dame', 'lord', 'lady', 'king',
    'queen', 'prince', 'princess', 'pope', 'cardinal', 'bishop', 'rabbi', 'imam', 'reverend', 'rev.', 'father', 'sister',
    'economist', 'analyst', 'lawyer', 'attorney', 'adviser', 'advisor', 'chancellor', 'premier', 'deputy', 'assistant', 'acting',
    'former', 'interim', 'speaker', 'leader', 'head', 'founder', 'ceo', 'executive', 'manager', 'editor', 'correspondent',
    'ret.', 'retired', 'port', 'transport', 'health', 'defense', 'defence', 'foreign', 'interior', 'finance', 'treasury',
    'state', 'energy', 'labor', 'labour', 'education', 'justice', 'trade', 'us', 'u.s.', 'uk', 'eu', 'un', 'of', 'the',
    // Descriptions journalists put before a name ("the Mexican revolutionary Pancho Villa").
    'revolutionary', 'activist', 'journalist', 'reporter', 'author', 'writer', 'novelist', 'poet', 'singer', 'actor',
    'actress', 'artist', 'politician', 'lawmaker', 'legislator', 'businessman', 'businesswoman', 'entrepreneur', 'billionaire',
    'scientist', 'researcher', 'historian', 'expert', 'economist', 'strategist', 'consultant', 'candidate', 'opponent',
    'rival', 'dissident', 'fascist', 'leftist', 'rightist', 'nurse', 'operator', 'worker', 'teacher', 'student', 'farmer',
    'owner', 'resident', 'coach', 'player', 'striker', 'security', 'immigration', 'communications', 'press', 'national',
  ],
);

/** Words that end an organization's name ("Sinaloa Cartel", "Northern Health Board"). */
export const ORG_HEADS = new Set([
  'cartel', 'gang', 'ministry', 'department', 'agency', 'office', 'bureau', 'institute', 'university', 'college', 'school',
  'council', 'board', 'authority', 'commission', 'committee', 'court', 'assembly', 'parliament', 'senate', 'congress',
  'party', 'union', 'federation', 'association', 'foundation', 'society', 'bank', 'fund', 'corporation', 'company', 'group',
  'inc.', 'inc', 'ltd', 'ltd.', 'llc', 'plc', 'co.', 'corp.', 'times', 'post', 'journal', 'news', 'herald', 'tribune',
  'guardian', 'gazette', 'courier', 'ledger', 'press', 'hospital', 'clinic', 'maritime', 'airlines', 'airways', 'army',
  'navy', 'force', 'forces', 'guard', 'police', 'service', 'services', 'administration', 'government', 'organization',
  'organisation', 'alliance', 'coalition', 'movement', 'front', 'network', 'league', 'club', 'church', 'command',
]);

/** Words that open an organization's name ("Ministry of Defense", "Cartel de los Soles"). */
export const ORG_OPENERS = new Set([
  'ministry', 'department', 'office', 'bureau', 'institute', 'university', 'college', 'council', 'board', 'commission',
  'committee', 'court', 'assembly', 'federation', 'association', 'cartel', 'bank', 'house', 'league', 'church', 'order',
  'government', 'people', 'secretariat', 'embassy', 'consulate',
]);

/** Institutions news names by one word (with or without "the"). */
export const INSTITUTIONS = new Map<string, 'GOVERNMENT_BODY' | 'MILITARY' | 'INTERNATIONAL_BODY' | 'MEDIA' | 'GOVERNMENT'>([
  ['Pentagon', 'GOVERNMENT_BODY'],
  ['White House', 'GOVERNMENT'],
  ['Kremlin', 'GOVERNMENT'],
  ['Congress', 'GOVERNMENT_BODY'],
  ['Parliament', 'GOVERNMENT_BODY'],
  ['Senate', 'GOVERNMENT_BODY'],
  ['Supreme Court', 'GOVERNMENT_BODY'],
  ['State Department', 'GOVERNMENT_BODY'],
  ['Justice Department', 'GOVERNMENT_BODY'],
  ['Treasury', 'GOVERNMENT_BODY'],
  ['United Nations', 'INTERNATIONAL_BODY'],
  ['European Union', 'INTERNATIONAL_BODY'],
  ['European Commission', 'INTERNATIONAL_BODY'],
  ['NATO', 'INTERNATIONAL_BODY'],
  ['Interpol', 'INTERNATIONAL_BODY'],
  ['Reuters', 'MEDIA'],
  ['Associated Press', 'MEDIA'],
  ['Bloomberg', 'MEDIA'],
]);

/** Heads that make a group of unnamed speakers ("US officials", "port officials"). */
export const GROUP_HEADS = new Set([
  'officials', 'sources', 'analysts', 'experts', 'diplomats', 'residents', 'witnesses', 'investigators', 'prosecutors',
  'lawmakers', 'legislators', 'activists', 'critics', 'observers', 'authorities', 'officers', 'workers', 'nurses',
  'doctors', 'protesters', 'demonstrators', 'people', 'members', 'circles', 'spokespeople', 'aides', 'advisers',
]);

/** Event verbs (past forms) with the kind of event they report. */
export const EVENT_VERBS: [RegExp, string][] = [
  [/^(ordered|ordering|directed|instructed)$/, 'ORDER'],
  [/^(sent|deployed|dispatched|stationed|moved)$/, 'DEPLOYMENT'],
  [/^(invaded|occupied)$/, 'INVASION'],
  [/^(attacked|bombed|struck|shot|killed|fired|raided|chased|launched)$/, 'MILITARY_ACTION'],
  [/^(designated|listed|declared|classified|added)$/, 'DESIGNATION'],
  [/^(extradited|deported|handed|turned)$/, 'EXTRADITION'],
  [/^(sanctioned|placed|imposed|froze|banned)$/, 'SANCTION'],
  [/^(arrested|detained|captured|indicted|charged|convicted|sentenced)$/, 'ARREST'],
  [/^(seized|confiscated|intercepted)$/, 'SEIZURE'],
  [/^(published|reported|released|leaked)$/, 'PUBLICATION'],
  [/^(signed|agreed|reached|approved|ratified)$/, 'AGREEMENT'],
  [/^(condemned|denounced|censured)$/, 'CONDEMNATION'],
  [/^(appointed|named|nominated|elected|hired|fired|resigned|dismissed)$/, 'APPOINTMENT'],
  [/^(opened|closed|reopened|began|started|ended|halted|suspended|resumed|walked|voted|struck|installed|won|lost|held|met|announced|visited|passed|rejected|filed|sued|ruled|began|collapsed|died)$/, 'OTHER'],
];

export function eventKind(word: string): string | undefined {
  const w = word.toLowerCase();
  for (const [re, kind] of EVENT_VERBS) if (re.test(w)) return kind;
  return undefined;
}

/** Abbreviations after which a full stop does not end a sentence. */
export const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'sen', 'rep', 'gov', 'gen', 'lt', 'col', 'maj', 'capt', 'sgt', 'adm', 'cmdr', 'st', 'jr',
  'sr', 'mt', 'ft', 'vs', 'etc', 'inc', 'ltd', 'co', 'corp', 'no', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep',
  'sept', 'oct', 'nov', 'dec', 'rev', 'hon', 'gov', 'dept', 'approx', 'est', 'fig', 'al', 'ret',
]);

/** Future markers in a clause: "will", "is expected to", "plans to" (a date then lies ahead). */
export const FUTURE = /\b(will|shall|would|'ll|’ll|is (expected|due|set|scheduled|planned|going) to|are (expected|due|set|scheduled|planned|going) to|plans? to|intends? to|to (meet|resume|begin|start|return|report|vote|decide|hold|open|close|visit|travel|sign)|next)\b/i;
