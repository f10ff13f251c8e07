// Fixture articles (test/fixtures/articles/*.txt, written by us) and hand-coded annotations for them.
// The API and browser tests overlay these annotations on the pipeline's result, so they test the
// server and the UI independently of what the extraction stages find.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { articleId } from '../../src/ingest/article.js';
import type { Article } from '../../src/ingest/article.js';
import { fromPlainText } from '../../src/ingest/plain.js';
import type { Analyzer } from '../../src/server/app.js';
import type { Actor, Event, EventPlace, Result } from '../../src/result.js';
import type { Store } from '../../src/store/store.js';

export const FIXTURES = join(process.cwd(), 'test', 'fixtures', 'articles');

interface PlaceSpec extends EventPlace {
  text: string;
}
interface EventSpec {
  trigger: string;
  code: string;
  label: string;
  quad: number;
  goldstein: number;
  plover: string | null;
  source: [string, string];
  target: [string, string] | null;
  date: string | null;
  place: string | null;
}
export interface Spec {
  file: string;
  id: string;
  published: string;
  actors: { name: string; code: string; country: string | null; type: Actor['type']; mentions: string[] }[];
  places: PlaceSpec[];
  times: { text: string; value: string }[];
  events: EventSpec[];
  quotes: { text: string; speaker: string; code: string | null }[];
}

const P = (text: string, name: string, country: string, lat: number, lon: number): PlaceSpec => ({
  text,
  name,
  country,
  lat,
  lon,
  geonameid: null,
});

export const SPECS: Spec[] = [
  {
    file: 'veto.txt',
    id: 'fx-veto',
    published: '2012-02-05',
    actors: [
      { name: 'Russia', code: 'RUS', country: 'RUS', type: 'country', mentions: ['Russia'] },
      { name: 'Syrian forces', code: 'SYRMIL', country: 'SYR', type: 'group', mentions: ['Syrian forces'] },
      { name: 'Sergei Lavrov', code: 'RUSGOV', country: 'RUS', type: 'person', mentions: ['Sergei Lavrov'] },
      {
        name: 'United States',
        code: 'USA',
        country: 'USA',
        type: 'country',
        mentions: ['The United States'],
      },
      {
        name: 'Security Council',
        code: 'IGOUNO',
        country: null,
        type: 'org',
        mentions: ['United Nations Security Council'],
      },
    ],
    places: [P('Homs', 'Homs', 'SY', 34.7268, 36.7234), P('Moscow', 'Moscow', 'RU', 55.7522, 37.6156)],
    times: [
      { text: 'Saturday', value: '2012-02-04' },
      { text: 'Sunday', value: '2012-02-05' },
    ],
    events: [
      {
        trigger: 'vetoed',
        code: '129',
        label: 'Veto',
        quad: 3,
        goldstein: -4,
        plover: 'REJECT',
        source: ['Russia', 'RUS'],
        target: ['United Nations Security Council', 'IGOUNO'],
        date: '2012-02-04',
        place: null,
      },
      {
        trigger: 'shelled',
        code: '195',
        label: 'Employ aerial weapons',
        quad: 4,
        goldstein: -10,
        plover: 'ASSAULT',
        source: ['Syrian forces', 'SYRMIL'],
        target: ['the city of Homs', 'SYR'],
        date: '2012-02-04',
        place: 'Homs',
      },
      {
        trigger: 'condemned',
        code: '111',
        label: 'Criticize or denounce',
        quad: 3,
        goldstein: -2,
        plover: null,
        source: ['The United States', 'USA'],
        target: ['the veto', 'RUS'],
        date: '2012-02-05',
        place: null,
      },
    ],
    quotes: [
      {
        text: 'We cannot accept interference in the affairs of a sovereign state,',
        speaker: 'Sergei Lavrov',
        code: 'RUSGOV',
      },
    ],
  },
  {
    file: 'recall.txt',
    id: 'fx-recall',
    published: '2012-02-06',
    actors: [
      { name: 'France', code: 'FRA', country: 'FRA', type: 'country', mentions: ['France'] },
      { name: 'Italy', code: 'ITA', country: 'ITA', type: 'country', mentions: ['Italy'] },
    ],
    places: [
      P('Damascus', 'Damascus', 'SY', 33.5102, 36.2913),
      P('Paris', 'Paris', 'FR', 48.8534, 2.3488),
      P('Rome', 'Rome', 'IT', 41.8919, 12.5113),
      P('Homs', 'Homs', 'SY', 34.7268, 36.7234),
    ],
    times: [{ text: 'Monday', value: '2012-02-06' }],
    events: [
      {
        trigger: 'recalled',
        code: '161',
        label: 'Reduce or break diplomatic relations',
        quad: 3,
        goldstein: -4,
        plover: 'REDUCE',
        source: ['France', 'FRA'],
        target: ['Damascus', 'SYRGOV'],
        date: '2012-02-06',
        place: 'Damascus',
      },
      {
        trigger: 'also recalled',
        code: '161',
        label: 'Reduce or break diplomatic relations',
        quad: 3,
        goldstein: -4,
        plover: 'REDUCE',
        source: ['Italy', 'ITA'],
        target: ['ambassador', 'SYRGOV'],
        date: '2012-02-06',
        place: 'Damascus',
      },
    ],
    quotes: [],
  },
  {
    file: 'baghdad.txt',
    id: 'fx-baghdad',
    published: '2012-02-07',
    actors: [
      {
        name: "Iraq's government",
        code: 'IRQGOV',
        country: 'IRQ',
        type: 'org',
        mentions: ["Iraq's government"],
      },
      {
        name: 'United Nations',
        code: 'IGOUNO',
        country: null,
        type: 'org',
        mentions: ['The United Nations'],
      },
    ],
    places: [P('Baghdad', 'Baghdad', 'IQ', 33.3406, 44.4009)],
    times: [
      { text: 'Tuesday', value: '2012-02-07' },
      { text: 'Monday', value: '2012-02-06' },
    ],
    events: [
      {
        trigger: 'promised',
        code: '0331',
        label: 'Express intent to provide economic aid',
        quad: 1,
        goldstein: 5.2,
        plover: null,
        source: ["Iraq's government", 'IRQGOV'],
        target: ['families', 'IRQCVL'],
        date: '2012-02-07',
        place: 'Baghdad',
      },
      {
        trigger: 'welcomed',
        code: '051',
        label: 'Praise or endorse',
        quad: 1,
        goldstein: 3.5,
        plover: null,
        source: ['The United Nations', 'IGOUNO'],
        target: ['the pledge', 'IRQGOV'],
        date: '2012-02-07',
        place: null,
      },
    ],
    quotes: [],
  },
  {
    file: 'quiet.txt',
    id: 'fx-quiet',
    published: '2012-02-07',
    actors: [],
    places: [],
    times: [],
    events: [],
    quotes: [],
  },
];

/** Every whole-word occurrence of needle in text. */
function all(text: string, needle: string): number[] {
  const out: number[] = [];
  const word = /[\p{L}\p{N}]/u;
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length))
    if (!word.test(text[i - 1] ?? ' ') && !word.test(text[i + needle.length] ?? ' ')) out.push(i);
  return out;
}

function first(text: string, needle: string): number {
  const i = text.indexOf(needle);
  if (i < 0) throw new Error(`fixture: "${needle}" not found in the cleaned text`);
  return i;
}

/** The result with the fixture's hand-coded layers in place of the pipeline's. */
export function overlay(r: Result, s: Spec): Result {
  const t = r.text;
  const sentenceOf = (pos: number): number => {
    const i = r.sentences.findIndex((x) => x.start <= pos && pos < x.end);
    return i < 0 ? 0 : i;
  };
  const actors: Actor[] = s.actors.map((a, i) => ({
    id: `A${i + 1}`,
    name: a.name,
    code: a.code,
    country: a.country,
    role: a.code.length > 3 ? a.code.slice(3, 6) : null,
    type: a.type,
    mentions: a.mentions.flatMap((m) =>
      all(t, m).map((start) => ({ start, end: start + m.length, text: m })),
    ),
  }));
  const actorOf = (code: string): string | null => actors.find((a) => a.code === code)?.id ?? null;
  const places = s.places.flatMap((p) =>
    all(t, p.text).map((start) => ({
      start,
      end: start + p.text.length,
      text: p.text,
      name: p.name,
      geonameid: p.geonameid,
      country: p.country,
      lat: p.lat,
      lon: p.lon,
      feature: 'P.PPL',
    })),
  );
  const events: Event[] = s.events.map((e, i) => {
    const ts = first(t, e.trigger);
    const sent = sentenceOf(ts);
    const span = r.sentences[sent] ?? { start: ts, end: ts + e.trigger.length };
    const side = ([text, code]: [string, string]) => {
      const st = first(t, text);
      return { start: st, end: st + text.length, text, code, actor: actorOf(code) };
    };
    const place = e.place ? s.places.find((p) => p.name === e.place)! : null;
    return {
      id: `E${i + 1}`,
      start: span.start,
      end: span.end,
      code: e.code,
      label: e.label,
      root: e.code.slice(0, 2),
      quad: e.quad,
      goldstein: e.goldstein,
      plover: e.plover,
      mode: 'actual',
      source: side(e.source),
      target: e.target ? side(e.target) : null,
      date: e.date,
      date_precision: e.date ? 'day' : 'unknown',
      place: place
        ? {
            name: place.name,
            geonameid: place.geonameid,
            country: place.country,
            lat: place.lat,
            lon: place.lon,
          }
        : null,
      sentence: sent,
      trigger: { start: ts, end: ts + e.trigger.length, text: e.trigger },
      attribution: null,
    };
  });
  return {
    ...r,
    id: s.id,
    actors,
    places,
    times: s.times.flatMap((x) =>
      all(t, x.text)
        .slice(0, 1)
        .map((start) => ({
          start,
          end: start + x.text.length,
          text: x.text,
          value: x.value,
          type: 'DATE' as const,
        })),
    ),
    events,
    quotes: s.quotes.map((q) => {
      const start = first(t, q.text);
      return {
        start,
        end: start + q.text.length,
        text: q.text,
        speaker: q.speaker,
        speaker_code: q.code,
        speaker_actor: q.code ? actorOf(q.code) : null,
        addressee: null,
        addressee_code: null,
        via: null,
        kind: 'direct' as const,
      };
    }),
    figures: [],
  };
}

export function fixtureText(file: string): string {
  return readFileSync(join(FIXTURES, file), 'utf8');
}

export function fixtureArticle(s: Spec): Article {
  return { ...fromPlainText(fixtureText(s.file), s.file), published: s.published };
}

/** An analyser that overlays the fixture annotations when it sees a fixture article's text. */
export function fixtureAnalyzer(inner: Analyzer): Analyzer {
  return {
    analyze(a: Article): Result {
      const r = inner.analyze(a);
      const norm = (x: string): string => x.replace(/\s+/g, ' ').trim();
      const s = SPECS.find((x) => norm(r.text).includes(norm(fixtureText(x.file)).slice(60, 160)));
      return s ? { ...overlay(r, s), id: r.id } : r;
    },
  };
}

/** Store every fixture article (pipeline result + fixture annotations) under its fixture id. */
export function fillStore(store: Store, inner: Analyzer): void {
  for (const s of SPECS) {
    const a = fixtureArticle(s);
    store.put(overlay(inner.analyze(a), s), articleId(a.text));
  }
}
