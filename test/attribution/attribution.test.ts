// The attribution stage on sentences written for these tests: quotes, speakers, figures, sources.
import { Pipeline } from '../../src/pipeline.js';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Doc } from '../../src/text/doc.js';
import type { ActorMention } from '../../src/text/doc.js';
import { paragraphs } from '../../src/text/paragraphs.js';
import { tokenize } from '../../src/text/tokenize.js';
import type { Actor, Figure, Quote } from '../../src/result.js';
import { attributionFor, createAttributionStage } from '../../src/attribution/index.js';

const stage = createAttributionStage({});

interface FakeActor {
  id: string;
  name: string;
  code: string | null;
  type: Actor['type'];
  /** the words of each mention, found in order in the text */
  says: string[];
}

/** A Doc with the attribution stage run; `actors` stands in for the actor stage. */
function run(text: string, published: string | null = null, actors: FakeActor[] = [], headline = false): Doc {
  const doc = new Doc(text, { id: 't', title: null, published, source: null, url: null });
  doc.paragraphs = paragraphs(text);
  if (headline) doc.headline = doc.paragraphs[0]!;
  tokenize(doc);
  const mentions: ActorMention[] = [];
  for (const a of actors) {
    let from = 0;
    const ms = [];
    for (const words of a.says) {
      const start = text.indexOf(words, from);
      assert.ok(start >= 0, `fixture: "${words}" not in text`);
      from = start + words.length;
      const first = doc.tokenAt(start);
      const last = doc.tokenAt(from - 1) + 1;
      const m: ActorMention = {
        start,
        end: from,
        text: words,
        actor: a.id,
        code: a.code,
        kind: 'name',
        first,
        last,
      };
      mentions.push(m);
      ms.push({ start, end: from, text: words });
    }
    doc.actors.push({
      id: a.id,
      name: a.name,
      code: a.code,
      country: null,
      role: null,
      type: a.type,
      mentions: ms,
    });
  }
  doc.mentions = mentions.sort((x, y) => x.start - y.start);
  stage.run(doc);
  return doc;
}

const quoteWith = (doc: Doc, words: string): Quote => {
  const q = doc.quotes.find((x) => x.text.includes(words));
  assert.ok(q, `no quote with "${words}" in ${JSON.stringify(doc.quotes.map((x) => x.text))}`);
  return q;
};
const figureOf = (doc: Doc, quantity: string): Figure => {
  const f = doc.figures.find((x) => x.quantity === quantity);
  assert.ok(f, `no figure "${quantity}" in ${JSON.stringify(doc.figures.map((x) => x.quantity))}`);
  return f;
};

const TWO_PARAS =
  'According to the news agency Tass, Mr Petrov told the Georgian president: “Every neighbour has a duty to talk. You know yours.\n\n' +
  '“We want calm on the border and trade across it.”\n\n' +
  'The talks went on for hours.';

test('a quote over two paragraphs, with speaker, addressee and via (no actor layer)', () => {
  const doc = run(TWO_PARAS);
  const q = quoteWith(doc, 'Every neighbour');
  assert.equal(q.kind, 'direct');
  assert.ok(q.text.startsWith('Every neighbour has a duty'));
  assert.ok(q.text.endsWith('trade across it.'));
  assert.equal(doc.text.slice(q.start, q.end), q.text);
  assert.equal(q.speaker, 'Mr Petrov');
  assert.equal(q.addressee, 'the Georgian president');
  assert.equal(q.via, 'Tass');
  assert.ok(!doc.quotes.some((x) => x.text.includes('talks went on')));
});

test('speaker and addressee resolve to actors when the actor layer covers them', () => {
  const doc = run(TWO_PARAS, null, [
    { id: 'A1', name: 'Ivan Petrov', code: 'RUSGOV', type: 'person', says: ['Petrov'] },
    { id: 'A2', name: 'Nino Beridze', code: 'GEOGOV', type: 'person', says: ['Georgian president'] },
    { id: 'A3', name: 'Tass', code: 'RUSMED', type: 'org', says: ['Tass'] },
  ]);
  const q = quoteWith(doc, 'Every neighbour');
  assert.equal(q.speaker, 'Ivan Petrov');
  assert.equal(q.speaker_code, 'RUSGOV');
  assert.equal(q.speaker_actor, 'A1');
  assert.equal(q.addressee, 'Nino Beridze');
  assert.equal(q.addressee_code, 'GEOGOV');
  assert.equal(q.via, 'Tass');
});

test('text on a placard is display text without a speaker', () => {
  const doc = run('Crowds filled the square.\n\n“Bread and freedom” read one placard held by a student.');
  const q = quoteWith(doc, 'Bread and freedom');
  assert.equal(q.kind, 'display');
  assert.equal(q.speaker, null);
  const d2 = run('Marchers carried a banner reading "No more wars" through the town.');
  assert.equal(quoteWith(d2, 'No more wars').kind, 'display');
});

test('partial quotes inside a sentence take the speech verb of the sentence', () => {
  const doc = run('The farm minister described the plan as "a disaster for growers", officials said.');
  const q = quoteWith(doc, 'a disaster for growers');
  assert.equal(q.kind, 'partial');
  assert.equal(q.speaker, 'officials');
});

test('single quotes nested in a double quote stay inside it', () => {
  const doc = run('Ms Lund said: "The guards told us \'go home now\' and then they left."');
  const direct = doc.quotes.filter((q) => q.kind !== 'indirect');
  assert.equal(direct.length, 1);
  assert.equal(direct[0]!.text, "The guards told us 'go home now' and then they left.");
  assert.equal(direct[0]!.speaker, 'Ms Lund');
});

test('an unclosed quote mark does not run past its paragraph', () => {
  const text =
    'The mayor spoke first.\n\nMr Olsen said: "We will rebuild the bridge\n\nWork starts in spring, the council said.\n\nHe added: "Nothing will stop us';
  const doc = run(text);
  for (const q of doc.quotes) {
    if (q.kind === 'indirect') continue;
    const para = doc.paragraphs.findIndex((p) => p.start <= q.start && q.start < p.end);
    assert.ok(q.end <= doc.paragraphs[para]!.end, `quote "${q.text}" runs past its paragraph`);
  }
  assert.equal(quoteWith(doc, 'rebuild the bridge').text, 'We will rebuild the bridge');
  assert.equal(quoteWith(doc, 'Nothing will stop us').text, 'Nothing will stop us');
});

test('quotes in a headline, straight quotes with the speaker after, and "he said" continuing a speaker', () => {
  const doc = run(
    "'We will not give up' says union leader\n\n" +
      '"We are ready to talk," said John Smith, the head of the union.\n\n' +
      '"But we will strike if we must," he said.',
    null,
    [],
    true,
  );
  assert.equal(quoteWith(doc, 'We will not give up').speaker, 'union leader');
  assert.equal(quoteWith(doc, 'ready to talk').speaker, 'John Smith');
  assert.equal(quoteWith(doc, 'strike if we must').speaker, 'John Smith');
});

test('indirect speech: "X said that ..." and "..., X said."', () => {
  const doc = run(
    'The ministry said that 12 soldiers had died in the attack. Talks will resume on Monday, Ms Berg said.',
  );
  const a = quoteWith(doc, '12 soldiers');
  assert.equal(a.kind, 'indirect');
  assert.equal(a.text, '12 soldiers had died in the attack');
  assert.equal(a.speaker, 'The ministry');
  const b = quoteWith(doc, 'Talks will resume');
  assert.equal(b.kind, 'indirect');
  assert.equal(b.speaker, 'Ms Berg');
});

const FIGS =
  'More than 5,000 people have been killed in Chad since the conflict began in May, the UN said last month. ' +
  'Dozens more are thought to have died since then, but the UN says it cannot check.';

test('a casualty figure with bound, unit, place, period, source and time of statement', () => {
  const doc = run(FIGS, '2013-03-10');
  const f = figureOf(doc, 'More than 5,000');
  assert.equal(f.value, 5000);
  assert.equal(f.bound, 'gt');
  assert.equal(f.unit, 'people killed');
  assert.equal(f.place, 'Chad');
  assert.equal(f.since, '2012-05');
  assert.equal(f.until, '2013-02');
  assert.equal(f.source, 'UN');
  assert.equal(f.certainty, 'reported');
  const g = figureOf(doc, 'Dozens');
  assert.equal(g.bound, 'range');
  assert.equal(g.value, 24);
  assert.equal(g.max, 99);
  assert.equal(g.unit, 'people killed');
  assert.equal(g.certainty, 'believed');
  assert.equal(g.source, 'UN');
  assert.equal(g.since, '2013-02');
});

test('times from the times layer are used when present', () => {
  const text = 'At least 40 people were injured since the protests began in June, police said yesterday.';
  const doc = new Doc(text, { id: 't', title: null, published: '2014-01-20', source: null, url: null });
  doc.paragraphs = paragraphs(text);
  tokenize(doc);
  const june = text.indexOf('June');
  const yest = text.indexOf('yesterday');
  doc.times = [
    { start: june, end: june + 4, text: 'June', value: 'XXXX-06', type: 'DATE' },
    { start: yest, end: yest + 9, text: 'yesterday', value: '2014-01-19', type: 'DATE' },
  ];
  stage.run(doc);
  const f = figureOf(doc, 'At least 40');
  assert.equal(f.bound, 'gte');
  assert.equal(f.unit, 'people injured');
  assert.equal(f.since, '2013-06');
  assert.equal(f.until, '2014-01-19');
  assert.equal(f.source, 'police');
});

test('bounds, vague counts, words and money', () => {
  const doc = run(
    'About 300 troops crossed the border. Up to 1,500 migrants waited at the port. ' +
      'Fewer than ten civilians were injured. Between 40 and 60 people were wounded. ' +
      'Tens of thousands of refugees fled. Twenty-five soldiers were arrested. ' +
      'The EU approved €5.4 million in aid and $2bn in sanctions, and Britain gave £3m.',
  );
  const expect: [string, number, number | null, string, string][] = [
    ['About 300', 300, null, 'approx', 'troops'],
    ['Up to 1,500', 1500, null, 'lte', 'migrants'],
    ['Fewer than ten', 10, null, 'lt', 'civilians injured'],
    ['Between 40 and 60', 40, 60, 'range', 'people injured'],
    ['Tens of thousands', 20000, 99999, 'range', 'refugees displaced'],
    ['Twenty-five', 25, null, 'exact', 'soldiers arrested'],
    ['€5.4 million', 5400000, null, 'exact', 'EUR'],
    ['$2bn', 2000000000, null, 'exact', 'USD'],
    ['£3m', 3000000, null, 'exact', 'GBP'],
  ];
  for (const [q, value, max, bound, unit] of expect) {
    const f = figureOf(doc, q);
    assert.deepEqual([f.value, f.max, f.bound, f.unit], [value, max, bound, unit], q);
  }
});

test('a percentage is a figure only of something counted', () => {
  const doc = run('About 40% of the refugees are children. Prices rose 5% last year.');
  const f = figureOf(doc, 'About 40%');
  assert.equal(f.value, 40);
  assert.equal(f.bound, 'approx');
  assert.equal(f.unit, 'percent of refugees');
  assert.equal(doc.figures.length, 1);
});

test('numbers that are not claims do not become figures', () => {
  const doc = run(
    'In 2011 protesters gathered in the square. A 45-year-old man, aged 45, was held. ' +
      'See page 5 for details. The home side won 3-1 on 3 March. Turnout was 20% among voters. ' +
      'He was born in 1970 and served 12 years. Half-Life 2 was released in November.',
  );
  assert.deepEqual(
    doc.figures.map((f) => f.quantity),
    [],
  );
});

test('attributionFor: quotes, "according to", hedges', () => {
  const doc = run(
    'The army said troops had shelled the town. According to state media, rebels attacked a convoy. ' +
      'Gunmen allegedly burned the market. The bridge was rebuilt.',
  );
  const at = (w: string): ReturnType<typeof attributionFor> => {
    const start = doc.text.indexOf(w);
    return attributionFor(doc, { start, end: start + w.length });
  };
  assert.deepEqual(at('shelled'), { actor: null, text: 'The army', certainty: 'reported' });
  assert.equal(at('attacked')?.text, 'state media');
  assert.equal(at('burned')?.certainty, 'alleged');
  assert.equal(at('burned')?.actor, null);
  assert.equal(at('rebuilt'), null);
  // the reporting verb itself is not attributed to its own speaker
  assert.equal(at('said'), null);
});

test('speakers: appositives, "a spokesman for X", participles, "it says", "but said"', () => {
  const doc = run(
    'Ann Hart, chief economist at Acme Bank, said the figures were "worse than feared".\n\n' +
      'Tom Reed, a spokesman for the farmers union said: "We will appeal."\n\n' +
      'The minister defended the plan, saying it would bring "real change".\n\n' +
      'The audit report on defence spending says costs rose sharply last year. It says there is "little evidence" of savings.\n\n' +
      'The commission says it will act but said it would review "every part of the law".',
  );
  assert.equal(quoteWith(doc, 'worse than feared').speaker, 'Ann Hart');
  assert.equal(quoteWith(doc, 'We will appeal').speaker, 'Tom Reed');
  assert.equal(quoteWith(doc, 'real change').speaker, 'The minister');
  assert.equal(quoteWith(doc, 'little evidence').speaker, 'The audit report on defence spending');
  assert.equal(quoteWith(doc, 'every part of the law').speaker, 'The commission');
  const d2 = run('According to Mr Amis the mayor said: "Give me a year."');
  assert.equal(quoteWith(d2, 'Give me a year').speaker, 'the mayor');
  assert.equal(quoteWith(d2, 'Give me a year').via, 'Mr Amis');
});

test('events carry who reports them, apart from who did them', () => {
  const pipeline = new Pipeline({ published: '2012-02-07' });
  const r = pipeline.analyze({
    text: 'Syrian troops shelled the city of Homs on Monday, activists said.\n\nAccording to state media, Israeli jets attacked a convoy near the border.\n\nFrance recalled its ambassador from Syria.',
    origin: 'test',
  });
  const by = (code: string) => r.events.find((e) => e.source.code?.startsWith(code));
  assert.deepEqual(by('SYR')?.attribution, { actor: null, text: 'activists', certainty: 'reported' });
  assert.equal(by('ISR')?.attribution?.text, 'state media');
  assert.equal(by('FRA')?.attribution, null);
});
