// The public result schema: one object per article. docs/schema.md mirrors this file.
// Every {start,end} is a UTF-16 offset range into `text` (end exclusive).

export interface Span {
  start: number;
  end: number;
}

export interface Removal {
  /** the removed line, as it stood in the input */
  text: string;
  /** why it was removed: the name of the cruft rule that matched */
  reason: string;
  /** how many times this line was removed */
  count: number;
}

export type EntityType =
  | 'PERSON'
  | 'ORG'
  | 'GPE'
  | 'LOC'
  | 'FAC'
  | 'NORP'
  | 'DATE'
  | 'TIME'
  | 'CARDINAL'
  | 'MONEY'
  | 'PERCENT'
  | 'QUANTITY';

export interface Entity extends Span {
  text: string;
  type: EntityType;
}

export interface Mention extends Span {
  text: string;
}

export interface Actor {
  /** article-local id, e.g. "A1" */
  id: string;
  /** the fullest name used for this actor in the article */
  name: string;
  /** CAMEO-style code: country (3 letters) + roles, or an IGO/NGO/group code, e.g. RUSGOV, IGOUNO */
  code: string | null;
  /** ISO 3166-1 alpha-3 (or CAMEO region code) of the actor's country, null for IGOs without one */
  country: string | null;
  /** first role code after the country, e.g. GOV, MIL; null when none */
  role: string | null;
  /** kind of actor: person, organisation, country, group (a collective such as "Syrian forces") */
  type: 'person' | 'org' | 'country' | 'group';
  mentions: Mention[];
}

export interface Place extends Span {
  text: string;
  name: string;
  geonameid: number | null;
  /** ISO 3166-1 alpha-2 */
  country: string | null;
  lat: number | null;
  lon: number | null;
  /** GeoNames feature class.code, e.g. "P.PPLC", "A.PCLI" */
  feature: string | null;
}

export interface Time extends Span {
  text: string;
  /** TIMEX3-style value: 2012-02-07, 2012-02, 2011, P3D, PRESENT_REF, XXXX-03 ... */
  value: string;
  type: 'DATE' | 'TIME' | 'DURATION' | 'SET';
  /** TIMEX3 mod: START, MID, END, BEFORE, AFTER, APPROX ... */
  mod?: string;
}

export type EventMode =
  'actual' | 'expected' | 'intended' | 'threatened' | 'denied' | 'hypothetical' | 'requested';

export interface EventActor extends Span {
  code: string | null;
  /** id of the actor in `actors`, when the participant is a resolved actor */
  actor: string | null;
  text: string;
}

export interface EventPlace {
  name: string;
  geonameid: number | null;
  country: string | null;
  lat: number | null;
  lon: number | null;
}

export type Certainty = 'reported' | 'believed' | 'alleged' | 'confirmed';

export interface Attribution {
  /** who reports it: an actor id when resolved, else null */
  actor: string | null;
  text: string;
  certainty: Certainty;
}

export interface Event extends Span {
  id: string;
  /** CAMEO code, as a string with leading zeros ("0241") */
  code: string;
  label: string;
  /** two-digit CAMEO root ("19") */
  root: string;
  /** GDELT QuadClass 1..4 */
  quad: number;
  goldstein: number;
  /** PLOVER 0.8 event type, null for statements and appeals */
  plover: string | null;
  mode: EventMode;
  source: EventActor;
  target: EventActor | null;
  /** YYYY-MM-DD, YYYY-MM or YYYY; null when unknown */
  date: string | null;
  date_precision: 'day' | 'month' | 'year' | 'unknown';
  place: EventPlace | null;
  /** index into `sentences` */
  sentence: number;
  /** the trigger words (verb or event noun) */
  trigger: Span & { text: string };
  /** who reports the event, when the text says so */
  attribution: Attribution | null;
}

export interface Quote extends Span {
  text: string;
  /** speaker's name as written / resolved; null for crowd text (banners) or unknown */
  speaker: string | null;
  speaker_code: string | null;
  speaker_actor: string | null;
  addressee: string | null;
  addressee_code: string | null;
  via: string | null;
  kind: 'direct' | 'partial' | 'indirect' | 'display';
}

export interface Figure extends Span {
  text: string;
  /** the number phrase as written ("More than 5,400", "Hundreds") */
  quantity: string;
  /** the number, or the low end of a range */
  value: number | null;
  /** high end when bound is range */
  max: number | null;
  bound: 'exact' | 'gt' | 'gte' | 'lt' | 'lte' | 'approx' | 'range';
  /** what is counted: "people killed", "troops", "USD" ... */
  unit: string;
  place: string | null;
  since: string | null;
  until: string | null;
  source: string | null;
  certainty: Certainty | null;
}

export interface Result {
  id: string;
  title: string | null;
  published: string | null;
  source: string | null;
  url: string | null;
  text: string;
  removed: Removal[];
  sentences: Span[];
  paragraphs: Span[];
  entities: Entity[];
  actors: Actor[];
  places: Place[];
  times: Time[];
  events: Event[];
  quotes: Quote[];
  figures: Figure[];
  /** non-fatal notes about the input (e.g. "no publication date: relative dates unresolved") */
  warnings: string[];
}
