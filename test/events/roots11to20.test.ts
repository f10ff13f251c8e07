// CAMEO roots 11-20: verb families, conversions and the constructions that carry them. Fixtures are ours.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { brief, code } from './helpers.js';

const RA: [string, string][] = [
  ['Ruritania', 'RUR'],
  ['Atlantis', 'ATL'],
];

function codes(
  body: string,
  actors: [string, string | null, ('name' | 'demonym' | 'pronoun')?][] = RA,
): string[] {
  return brief(code(body, { actors }));
}

test('verb families of roots 11-20 and their specific codes', () => {
  const cases: [string, string][] = [
    ['Ruritania lambasted Atlantis on Monday.', '111'],
    ['Ruritania accused Atlantis of spying.', '1125'],
    ['Ruritania accused Atlantis of violating the ceasefire.', '1123'],
    ['Ruritania lodged a complaint with Atlantis.', '114'],
    ['Ruritania ruled out talks with Atlantis.', '120'],
    ['Ruritania rejected a proposal from Atlantis for a truce.', '1246'],
    ['Ruritania flouted the embargo on Atlantis.', '128'],
    ['Ruritania closed its border with Atlantis.', '191'],
    ['Ruritania kidnapped two Atlantis diplomats.', '181'],
    ['Ruritania halted negotiations with Atlantis.', '164'],
    ['Ruritania expelled the Atlantis ambassador.', '161'],
  ];
  for (const [s, want] of cases) {
    const got = codes(s);
    assert.ok(
      got.some((b) => b.startsWith(want + ' RUR>ATL')),
      `${s} → ${got.join(', ')} (wanted ${want})`,
    );
  }
});

test('complaining to one party over another: the one complained about is the target', () => {
  const got = codes('Ruritania complained to the United Nations over the Atlantis air raids.', [
    ['Ruritania', 'RUR'],
    ['United Nations', 'IGOUNO'],
    ['Atlantis', 'ATL'],
  ]);
  assert.deepEqual(got, ['114 RUR>ATL']);
});

test('deny: refusing a grant is a rejection, denying a charge is not', () => {
  assert.ok(codes('Atlantis denied permission for the Ruritania rally.')[0]?.startsWith('120 ATL'));
  assert.ok(codes('Atlantis denied the allegations by Ruritania.')[0]?.startsWith('016 ATL'));
});

test('threats and refusals take the code of what is threatened or refused', () => {
  assert.ok(codes('Ruritania threatened to impose a curfew on Atlantis.').includes('1323 RUR>ATL'));
  assert.ok(codes('Ruritania refused to release the Atlantis prisoners.').includes('1243 RUR>ATL'));
  // a general strike is a protest, not force
  const strike = codes('Workers in Ruritania threatened to hold a general strike.', [['Ruritania', 'RUR']]);
  assert.ok(
    strike.some((b) => b.startsWith('133 ')),
    strike.join(', '),
  );
  assert.ok(!strike.some((b) => b.startsWith('138 ')), strike.join(', '));
});

test('shunning work to protest is a strike', () => {
  const got = codes('Atlantis workers shunned work on Monday to protest against Ruritania.', [
    ['Atlantis workers', 'ATLLAB'],
    ['Ruritania', 'RUR'],
  ]);
  assert.deepEqual(
    got.map((b) => b.split(' ')[0]),
    ['143'],
  );
});

test('"opened fire": a named object of the pattern is never an abstract one', () => {
  const got = codes('Atlantis police opened fire on Ruritania protesters.', [
    ['Atlantis police', 'ATLCOP'],
    ['Ruritania protesters', 'RUROPP'],
  ]);
  assert.ok(got.includes('193 ATLCOP>RUROPP'), got.join(', '));
});

test('a control verb the tagger reads as a plural noun: "X, like others, plans to impose"', () => {
  const got = codes(
    'Ruritania, like most other members, plans to impose restrictions on imports from Atlantis.',
  );
  assert.ok(got.includes('132 RUR>ATL'), got.join(', '));
});

test('"captured part of a stronghold": a partitive before "of" is the object', () => {
  const got = codes('Ruritania troops captured part of a rebel stronghold in Atlantis.', [
    ['Ruritania troops', 'RURMIL'],
    ['Atlantis', 'ATL'],
  ]);
  assert.ok(got[0]?.startsWith('192 RURMIL'), got.join(', '));
});

test('a reduced passive relative and a participle phrase before the verb are not its subject', () => {
  const a = codes('Hackers angered by the cartoons defaced Atlantis websites.', [
    ['Hackers', 'RURCYB'],
    ['Atlantis', 'ATL'],
  ]);
  assert.deepEqual(a, ['176 RURCYB>ATL']);
  const b = codes('Ruritania aircraft using laser guided bombs killed four Atlantis soldiers.', [
    ['Ruritania aircraft', 'RURMIL'],
    ['Atlantis soldiers', 'ATLMIL'],
  ]);
  assert.deepEqual(b, ['190 RURMIL>ATLMIL']);
});

test('an adverb between a preposition and its phrase: the place of an agentless killing', () => {
  const ev = code('A journalist was killed in a residential district of mostly quiet Springfield.', {
    places: [['Springfield', 'AT']],
  });
  assert.deepEqual(brief(ev), ['190 AUT>AUT']);
});

test('a name the tagger reads as a verb after "to" is no infinitive: "opposed to French mediation"', () => {
  const got = codes('Ruritania is opposed to French mediation.', [
    ['Ruritania', 'RUR'],
    ['French', 'FRA', 'demonym'],
  ]);
  // the mediation opposed is the content of the rejection, not an event of its own
  assert.deepEqual(got, ['120 RUR>FRA']);
});

test('the act condemned is the content of the condemnation', () => {
  const got = codes("Ruritania condemned Atlantis's bombardment of the border town.");
  assert.deepEqual(got, ['111 RUR>ATL']);
});

test('weak force verbs need a physical context: rising costs hit sales, a player beat a rival', () => {
  assert.deepEqual(codes('Rising costs in Ruritania have hit sales in Atlantis.'), []);
  assert.deepEqual(codes('Ruritania beat Atlantis 6-4 6-3 on Monday.'), []);
  assert.deepEqual(codes('Ruritania struck a deal with Atlantis.'), []);
  // with soldiers or weapons in the sentence they are force
  const got = codes('Ruritania hit Atlantis with missiles on Monday.');
  assert.ok(
    got.some((b) => b.startsWith('190 RUR>ATL')),
    got.join(', '),
  );
  // nor is a place "hit" with no one named
  assert.deepEqual(
    brief(code('Two towns in Springfield were badly hit.', { places: [['Springfield', 'AT']] })),
    [],
  );
  // "hit back at" is a retort
  assert.deepEqual(codes('Ruritania hit back at Atlantis on Monday.'), ['111 RUR>ATL']);
});

test('a crowd gathering is a protest only when the clause says so', () => {
  const rally = code('Thousands gathered in Springfield to protest against the new law.', {
    places: [['Springfield', 'AT']],
  });
  assert.ok(
    brief(rally).some((b) => b.startsWith('14')),
    brief(rally).join(', '),
  );
  const fair = code('Thousands of visitors gathered in Springfield for the annual trade fair.', {
    places: [['Springfield', 'AT']],
  });
  assert.deepEqual(brief(fair), []);
});

test('a complaint against X lodged with Y targets X; joining a strike is a strike', () => {
  const got = codes('Ruritania filed a complaint against Atlantis with the United Nations.', [
    ['Ruritania', 'RUR'],
    ['Atlantis', 'ATL'],
    ['United Nations', 'IGOUNO'],
  ]);
  assert.deepEqual(got, ['114 RUR>ATL']);
  const strike = code('Teachers in Springfield joined the national strike.', {
    places: [['Springfield', 'AT']],
  });
  assert.deepEqual(
    brief(strike).map((b) => b.split(' ')[0]),
    ['143'],
  );
});

test('the protest of the people acted on is no event beside the act', () => {
  const a = code('Police in Springfield dispersed students protesting the new law.', {
    places: [['Springfield', 'AT']],
  });
  assert.deepEqual(
    brief(a).map((b) => b.split(' ')[0]),
    ['175'],
  );
  const b = code('Police in Springfield banned a march organised by unions to protest the new law.', {
    places: [['Springfield', 'AT']],
  });
  assert.deepEqual(
    brief(b).map((x) => x.split(' ')[0]),
    ['1721'],
  );
  const c = codes('Ruritania workers staged a strike on Monday in protest against Atlantis.', [
    ['Ruritania workers', 'RURLAB'],
    ['Atlantis', 'ATL'],
  ]);
  assert.deepEqual(c, ['143 RURLAB>ATL']);
});

test('threats: the condition names the target; a harmful act held out on a condition is a threat', () => {
  const a = codes('Ruritania threatened to hold a general strike unless Atlantis withdrew its troops.');
  assert.ok(a.includes('133 RUR>ATL'), a.join(', '));
  const b = codes('Ruritania may halt its mediation among Atlantis factions if the fighting goes on.');
  assert.ok(b.includes('135 RUR>ATL'), b.join(', '));
  // no condition: a mere possibility stays hypothetical
  const c = codes('Ruritania may halt its mediation among Atlantis factions.');
  assert.ok(!c.some((x) => x.startsWith('13')), c.join(', '));
});

test('police force with no named target is used at home', () => {
  const got = codes('Kenyan police opened fire on Monday.', [['Kenyan police', 'KENCOP']]);
  assert.deepEqual(got, ['193 KENCOP>KEN']);
});

test('a generic killing takes the code of the bombing that did it', () => {
  const a = code('Two soldiers were killed in a car bomb explosion in Springfield.', {
    places: [['Springfield', 'AT']],
  });
  assert.deepEqual(brief(a), ['1832 AUT>AUT']);
  const b = code('Two soldiers were killed by a roadside bomb in Springfield.', {
    places: [['Springfield', 'AT']],
  });
  assert.deepEqual(brief(b), ['1833 AUT>AUT']);
});

test('unnamed assailants and crowds are coded from the place', () => {
  const at = (s: string): string[] => brief(code(s, { places: [['Springfield', 'AT']] }));
  assert.deepEqual(at('Gunmen stormed a hotel in Springfield on Friday.'), ['190 AUT>AUT']);
  assert.deepEqual(at('A suicide bomber blew himself up at a checkpoint in Springfield.'), ['1831 AUT>AUT']);
  assert.deepEqual(at('Thousands of students took to the streets of Springfield on Monday.'), [
    '141 AUT>AUT',
  ]);
  // a natural disaster is no assailant
  assert.deepEqual(at('The earthquake killed 200 people in Springfield.'), []);
});

test('more frames: warning of consequences, closing a strait, walking off the job, torching cars', () => {
  assert.ok(codes('Ruritania warned Atlantis of serious consequences.').includes('130 RUR>ATL'));
  assert.ok(
    codes('Ruritania threatened to close the strait to Atlantis shipping.')[0]?.startsWith('1381 RUR'),
  );
  const walk = code('Dockworkers in Springfield walked off the job on Tuesday.', {
    places: [['Springfield', 'AT']],
  });
  assert.deepEqual(brief(walk), ['143 AUT>AUT']);
});

test('a force event that is the subject of its clause, with no one named, is coded from where it happened', () => {
  const at = (s: string): string[] => brief(code(s, { places: [['Springfield', 'AT']] }));
  assert.deepEqual(at('A car bomb exploded near a market in Springfield, killing 20 people.'), [
    '1832 AUT>AUT',
  ]);
  // a labour strike is no force, and an attack "on" a place is aimed at it, not launched from it
  assert.deepEqual(at('A strike on the Springfield underground has caused chaos.'), []);
  assert.deepEqual(at('The attack on Springfield made things worse.'), []);
});

test('"on high alert", "halted talks", "under house arrest"', () => {
  assert.deepEqual(codes('Ruritania put its troops on high alert along the border with Atlantis.'), [
    '152 RUR>ATL',
  ]);
  assert.deepEqual(codes('Ruritania halted talks with Atlantis.'), ['164 RUR>ATL']);
  const arrest = codes('Ruritania placed the Atlantis envoy under house arrest.', [
    ['Ruritania', 'RUR'],
    ['Atlantis envoy', 'ATLGOV'],
  ]);
  assert.deepEqual(arrest, ['173 RUR>ATLGOV']);
});

test('a governed clause lends its target, never the source itself', () => {
  const got = codes('Ruritania rejected a call for its peacekeepers to be deployed in Atlantis.', [
    ['Ruritania', 'RUR'],
    ['its', 'RUR', 'pronoun'],
    ['Atlantis', 'ATL'],
  ]);
  assert.deepEqual(got, ['1224 RUR>ATL']);
});

test('more frames: a sit-in, a blocked pipeline, reservists, tanks rolling in, a massacre', () => {
  const first = (s: string, actors?: [string, string | null][]): string =>
    codes(s, actors)[0]?.split(' ')[0] ?? '';
  assert.equal(
    first('Ruritania students staged a sit-in outside the Atlantis embassy.', [
      ['Ruritania students', 'RUREDU'],
      ['Atlantis embassy', 'ATLGOV'],
    ]),
    '141',
  );
  assert.equal(
    first('Ruritania villagers blocked an oil pipeline.', [['Ruritania villagers', 'RURCVL']]),
    '144',
  );
  assert.equal(first('Ruritania mobilized reservists on the border with Atlantis.'), '154');
  assert.equal(
    first('Ruritania tanks rolled into Atlantis.', [
      ['Ruritania tanks', 'RURMIL'],
      ['Atlantis', 'ATL'],
    ]),
    '192',
  );
  assert.equal(
    first('Ruritania troops massacred Atlantis villagers.', [
      ['Ruritania troops', 'RURMIL'],
      ['Atlantis villagers', 'ATLCVL'],
    ]),
    '202',
  );
});

test('"with N people killed": the count of an absolute phrase is no act', () => {
  assert.deepEqual(
    codes('The worst-hit countries are Ruritania and Atlantis, with at least 2,000 people killed.'),
    [],
  );
});
