// One test per construction the coder must read, on sentences written for these tests.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { brief, build, code } from './helpers.js';
import { createEventsStage } from '../../src/events/index.js';

test('subject, verb, object and a "from" phrase: recall + ambassador → 161', () => {
  const ev = code('Canada recalled its ambassador from Peru.', {
    actors: [
      ['Canada', 'CAN'],
      ['its', 'CAN', 'pronoun'],
      ['Peru', 'PER'],
    ],
  });
  assert.deepEqual(brief(ev), ['161 CAN>PER']);
  assert.equal(ev[0]!.trigger.text, 'recalled');
  assert.equal(ev[0]!.quad, 4);
  assert.equal(ev[0]!.plover, 'SANCTION');
});

test('coordination: two subjects give two events; "their" refers back to them', () => {
  const ev = code('Norway and Denmark today recalled their ambassadors from Chile for consultations.', {
    actors: [
      ['Norway', 'NOR'],
      ['Denmark', 'DNK'],
      ['their', 'NOR', 'pronoun'],
      ['Chile', 'CHL'],
    ],
  });
  assert.deepEqual(brief(ev), ['161 NOR>CHL', '161 DNK>CHL']);
});

test('passive voice: "was attacked by" swaps source and target', () => {
  const ev = code('A Kenyan army patrol was attacked by Somali militants near the border.', {
    actors: [
      ['Kenyan army patrol', 'KENMIL'],
      ['Somali militants', 'SOMREB'],
    ],
  });
  assert.deepEqual(brief(ev), ['190 SOMREB>KENMIL']);
});

test('reported speech: the reported event is coded, not the saying', () => {
  const ev = code('Officials in Kyiv said Russian forces shelled Kharkiv overnight.', {
    actors: [
      ['Officials', 'UKRGOV'],
      ['Russian forces', 'RUSMIL'],
    ],
    places: [
      ['Kyiv', 'UA'],
      ['Kharkiv', 'UA'],
    ],
  });
  assert.deepEqual(brief(ev), ['194 RUSMIL>UKR']);
  assert.equal(ev[0]!.place?.name, 'Kharkiv');
});

test('relative clause: the antecedent is the subject', () => {
  const ev = code('Thousands of Chilean students who marched through Santiago denounced the government.', {
    actors: [
      ['Chilean students', 'CHLEDU'],
      ['the government', 'CHLGOV'],
    ],
    places: [['Santiago', 'CL']],
  });
  assert.ok(brief(ev).includes('111 CHLEDU>CHLGOV'), brief(ev).join());
  assert.ok(ev.some((e) => e.code === '141' && e.source.code === 'CHLEDU'));
});

test('nominal event with a compound modifier: "a Russian-Chinese veto of a UN resolution"', () => {
  const ev = code('The protests began after a Russian-Chinese veto of a UN resolution.', {
    actors: [
      ['Russian', 'RUS', 'demonym'],
      ['Chinese', 'CHN', 'demonym'],
      ['UN', 'IGOUNO', 'acronym'],
    ],
  });
  assert.deepEqual(brief(ev), ['129 RUS>IGOUNO', '129 CHN>IGOUNO']);
  assert.equal(ev[0]!.trigger.text, 'veto');
});

test('nominal event with a coordinated possessor: "Russia and China\'s veto"', () => {
  const ev = code("Ministers discussed Russia and China's veto of the resolution.", {
    actors: [
      ['Ministers', null],
      ['Russia', 'RUS'],
      ['China', 'CHN'],
    ],
  });
  assert.deepEqual(brief(ev), ['129 RUS>-', '129 CHN>-']);
});

test('nominal event after a light verb takes its subject; a place target gives its country and the place', () => {
  const ev = code('Syrian troops resumed their bombardment of Idlib on Monday.', {
    actors: [
      ['Syrian troops', 'SYRMIL'],
      ['their', 'SYRMIL', 'pronoun'],
    ],
    places: [['Idlib', 'SY']],
  });
  assert.deepEqual(brief(ev), ['194 SYRMIL>SYR']);
  assert.equal(ev[0]!.place?.name, 'Idlib');
});

test('nominal freeze and ban with "on": sanctions 163', () => {
  const ev = code("The European Union imposed a freeze on Belarus's state assets.", {
    actors: [
      ['The European Union', 'IGOEU'],
      ['Belarus', 'BLR'],
    ],
  });
  assert.deepEqual(brief(ev), ['163 IGOEU>BLR']);
});

test('modes: expected, with the date of the clause', () => {
  const doc = build('The EU is expected to impose new sanctions on Iran on March 27.', {
    actors: [
      ['The EU', 'IGOEU'],
      ['Iran', 'IRN'],
    ],
  });
  const at = doc.text.indexOf('March 27');
  doc.times.push({ start: at, end: at + 8, text: 'March 27', value: '2020-03-27', type: 'DATE' });
  createEventsStage().run(doc);
  assert.deepEqual(brief(doc.events), ['163 IGOEU>IRN expected']);
  assert.equal(doc.events[0]!.date, '2020-03-27');
  // without a date of its own, an expected event has none (the publication date is for actual events)
  const ev = code('The EU is expected to impose new sanctions on Iran.', {
    actors: [
      ['The EU', 'IGOEU'],
      ['Iran', 'IRN'],
    ],
  });
  assert.equal(ev[0]!.date, null);
  assert.equal(ev[0]!.date_precision, 'unknown');
});

test('modes: expected from "will", intended from "resolve to", hypothetical from "could" and "if"', () => {
  const acts: [string, string][] = [
    ['Japan', 'JPN'],
    ['Korea', 'KOR'],
  ];
  assert.deepEqual(brief(code('Japan is expected to sign a trade pact with Korea.', { actors: acts })), [
    '057 JPN>KOR expected',
  ]);
  assert.ok(
    brief(code('Japan will sign a trade pact with Korea.', { actors: acts })).includes(
      '057 JPN>KOR expected',
    ),
  );
  // the resolve itself is a statement of intent to harm: a threat of sanctions (1312)
  assert.deepEqual(brief(code('Japan resolved to impose sanctions on Korea.', { actors: acts })), [
    '1312 JPN>KOR',
    '163 JPN>KOR intended',
  ]);
  assert.deepEqual(brief(code('Japan could impose sanctions on Korea.', { actors: acts })), [
    '163 JPN>KOR hypothetical',
  ]);
  assert.deepEqual(brief(code('If talks fail, Japan may impose sanctions on Korea.', { actors: acts })), [
    '163 JPN>KOR hypothetical',
  ]);
});

test('modes: threatened — the threat is an actual 13x event, the attack is threatened', () => {
  const ev = code('Iran threatened to attack Israeli ships.', {
    actors: [
      ['Iran', 'IRN'],
      ['Israeli ships', 'ISRMIL'],
    ],
  });
  assert.deepEqual(brief(ev).sort(), ['138 IRN>ISRMIL', '190 IRN>ISRMIL threatened']);
});

test('modes: negation and refusal are denied', () => {
  assert.deepEqual(
    brief(
      code('Turkey did not attack Kurdish positions.', {
        actors: [
          ['Turkey', 'TUR'],
          ['Kurdish positions', 'TURREB'],
        ],
      }),
    ),
    ['190 TUR>TURREB denied'],
  );
  const ev = code('Serbia refused to meet the envoy from Kosovo.', {
    actors: [
      ['Serbia', 'SRB'],
      ['Kosovo', 'XKX'],
    ],
  });
  assert.ok(brief(ev).includes('125 SRB>XKX'), brief(ev).join());
  assert.ok(brief(ev).includes('040 SRB>XKX denied'), brief(ev).join());
});

test('modes: requested — "urged X to withdraw" is an appeal by the urger and a requested withdrawal', () => {
  const ev = code('The UN urged Ethiopia to withdraw its troops from Tigray.', {
    actors: [
      ['The UN', 'IGOUNO'],
      ['Ethiopia', 'ETH'],
      ['its troops', 'ETHMIL'],
    ],
  });
  assert.ok(brief(ev).includes('0256 IGOUNO>ETH'), brief(ev).join());
  assert.ok(
    ev.some((e) => e.code.startsWith('087') && e.mode === 'requested' && e.source.code === 'ETH'),
    brief(ev).join(),
  );
});

test('"the same step" inherits the code and the target of the step it refers to, with the anchored date', () => {
  const ev = code('Spain recalled its envoy from Cuba today, a day after Portugal took the same step.', {
    actors: [
      ['Spain', 'ESP'],
      ['its', 'ESP', 'pronoun'],
      ['Cuba', 'CUB'],
      ['Portugal', 'PRT'],
    ],
  });
  assert.deepEqual(brief(ev), ['161 ESP>CUB', '161 PRT>CUB']);
  assert.equal(ev[0]!.date, '2020-03-10');
  assert.equal(ev[1]!.date, '2020-03-09');
});

test('"N days after" dates the event on the relative side from the anchor clause', () => {
  const ev = code('The minister resigned three days after a Greek veto of the budget.', {
    actors: [
      ['The minister', 'CYPGOV'],
      ['Greek', 'GRC', 'demonym'],
    ],
  });
  const veto = ev.find((e) => e.code === '129');
  assert.ok(veto, brief(ev).join());
  assert.equal(veto.date, '2020-03-07');
  assert.equal(veto.date_precision, 'day');
});

test('metaphor: a politician "attacking" plans is verbal criticism, "a war of words" is not a war', () => {
  const ev = code("Labour leader Keir Starmer attacked the government's plans.", {
    actors: [
      ['Labour leader Keir Starmer', 'GBROPP'],
      ['the government', 'GBRGOV'],
    ],
  });
  assert.deepEqual(brief(ev), ['111 GBROPP>GBRGOV']);
  const w = code('Athens and Ankara are locked in a war of words.', {
    actors: [
      ['Athens', 'GRCGOV'],
      ['Ankara', 'TURGOV'],
    ],
  });
  assert.ok(!w.some((e) => e.root === '19'), brief(w).join());
});

test('sport and entertainment: war verbs in a match report or a film review are not events', () => {
  const acts: [string, string][] = [
    ['Brazil', 'BRA'],
    ['Argentina', 'ARG'],
  ];
  assert.deepEqual(
    code('Brazil attacked Argentina from the first minute and scored two goals in the match.', {
      actors: acts,
    }),
    [],
  );
  assert.deepEqual(
    code('In the film, Brazil invades Argentina and the hero shoots the general.', { actors: acts }),
    [],
  );
  // and the same verb in a news sentence is an event
  assert.equal(code('Brazil invaded Argentina with tanks and troops.', { actors: acts }).length, 1);
});

test('events without a resolvable source are dropped', () => {
  assert.deepEqual(code('More than 40 people were killed in clashes.', {}), []);
});

test('the same event reported twice in one article is kept once', () => {
  const acts: [string, string, undefined, number][] = [
    ['Ghana', 'GHA', undefined, 0],
    ['Togo', 'TGO', undefined, 0],
    ['Ghana', 'GHA', undefined, 1],
    ['Togo', 'TGO', undefined, 1],
  ];
  const ev = code('Ghana closed its embassy in Togo. Officials confirmed Ghana closed its embassy in Togo.', {
    actors: acts,
  });
  assert.deepEqual(brief(ev), ['161 GHA>TGO']);
});

test('a headline that the body repeats yields no extra events', () => {
  const ev = code('Peru expelled the Bolivian ambassador on Friday, officials said.', {
    title: 'Peru expels Bolivian envoy',
    actors: [
      ['Peru', 'PER', undefined, 0],
      ['Bolivian', 'BOL', 'demonym', 0],
      ['Peru', 'PER', undefined, 1],
      ['Bolivian', 'BOL', 'demonym', 1],
    ],
  });
  assert.deepEqual(brief(ev), ['161 PER>BOL']);
  assert.ok(ev[0]!.sentence > 0);
});

test('appeals: "call for" with the content of the appeal', () => {
  const acts: [string, string][] = [
    ['Pope Francis', 'VAT'],
    ['Sudan', 'SDN'],
  ];
  assert.deepEqual(brief(code('Pope Francis called for a ceasefire in Sudan.', { actors: acts })), [
    '0256 VAT>SDN',
  ]);
  assert.deepEqual(brief(code('Pope Francis called for talks with Sudan.', { actors: acts })), [
    '026 VAT>SDN',
  ]);
});

test('every event carries label, root, quad, goldstein and plover from the codebook', () => {
  const ev = code('Egyptian police arrested dozens of protesters in Cairo.', {
    actors: [
      ['Egyptian police', 'EGYCOP'],
      ['protesters', 'EGYCVL'],
    ],
    places: [['Cairo', 'EG']],
  });
  assert.equal(ev.length, 1);
  const e = ev[0]!;
  assert.deepEqual([e.code, e.root, e.quad, e.plover], ['173', '17', 4, 'COERCE']);
  assert.ok(e.label.length > 3);
  assert.ok(e.goldstein < 0);
  assert.equal(e.place?.name, 'Cairo');
});
