// Constructions of intent, purpose and coordination (roots 01-10), on sentences written for these tests.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { brief, build, code } from './helpers.js';
import { createEventsStage } from '../../src/events/index.js';

test('"up to N" is part of the object: "ready to contribute up to 500 troops" → intent (0332), the sending intended', () => {
  const ev = code('Norway is ready to contribute up to 500 troops to a force in Haiti.', {
    actors: [
      ['Norway', 'NOR'],
      ['Haiti', 'HTI'],
    ],
  });
  assert.deepEqual(brief(ev).sort(), ['0332 NOR>HTI', '072 NOR>HTI intended']);
});

test('"bowed to demands from X": an -s form after "to" is a noun, not an infinitive', () => {
  const ev = code('The president of Chile bowed to demands from Peru.', {
    actors: [
      ['president of Chile', 'CHLGOV'],
      ['Peru', 'PER'],
    ],
  });
  assert.deepEqual(brief(ev), ['083 CHLGOV>PER']);
});

test('"donated and personally delivered": an adverb after "and" keeps the coordination; one event', () => {
  const ev = code(
    'Doctors from Canada donated and personally delivered $20,000 worth of medicine to Haiti.',
    {
      actors: [
        ['Canada', 'CAN'],
        ['Haiti', 'HTI'],
      ],
    },
  );
  assert.deepEqual(brief(ev), ['070 CAN>HTI']);
});

test('"gave a warm welcome": an adverb-tagged adjective inside the object phrase', () => {
  const ev = code('The king of Spain gave a warm welcome to the Chinese president.', {
    actors: [
      ['king of Spain', 'ESPGOV'],
      ['Chinese president', 'CHNGOV'],
    ],
  });
  assert.deepEqual(brief(ev), ['043 ESPGOV>CHNGOV']);
});

test('a purpose clause is only intended: "recruited volunteers to help Peru"', () => {
  const ev = code('Chile recruited volunteers to help Peru.', {
    actors: [
      ['Chile', 'CHL'],
      ['Peru', 'PER'],
    ],
  });
  assert.deepEqual(brief(ev), ['070 CHL>PER intended']);
});

test('a purpose clause of expression is done by the act: "recalled its envoy to protest"', () => {
  const ev = code('Chile recalled its ambassador from Peru to protest against the verdict.', {
    actors: [
      ['Chile', 'CHL'],
      ['its', 'CHL', 'pronoun'],
      ['Peru', 'PER'],
    ],
  });
  assert.ok(brief(ev).includes('161 CHL>PER'));
  assert.ok(!brief(ev).some((b) => / intended$/.test(b)), brief(ev).join(', '));
});

test('an implicative verb passes its mode on: "began to withdraw" is actual', () => {
  const ev = code('Peru began to withdraw its troops from the border with Chile.', {
    actors: [
      ['Peru', 'PER'],
      ['its troops', 'PERMIL'],
      ['Chile', 'CHL'],
    ],
  });
  assert.ok(
    brief(ev).some((b) => b.startsWith('0874 PER') && !b.includes(' intended')),
    brief(ev).join(', '),
  );
});

test('"wants X to pay": an intention for another to act is an appeal to them (025x), the payment requested', () => {
  const ev = code('Chile wants Peru to pay compensation to the families.', {
    actors: [
      ['Chile', 'CHL'],
      ['Peru', 'PER'],
    ],
  });
  assert.deepEqual(brief(ev), ['0253 CHL>PER', '0842 PER>PER requested']);
});

test('a control noun governs the infinitive: "renewed its appeal to X to extradite" → extradition requested', () => {
  const ev = code('Chile renewed its appeal to Peru to extradite the banker.', {
    actors: [
      ['Chile', 'CHL'],
      ['its', 'CHL', 'pronoun'],
      ['Peru', 'PER'],
    ],
  });
  assert.ok(brief(ev).includes('020 CHL>PER'), brief(ev).join(', '));
  assert.ok(!brief(ev).some((b) => b.startsWith('063') && !b.endsWith('requested')), brief(ev).join(', '));
});

test('a reduced relative on the object: "extradited a Peruvian banker wanted for fraud" → 063 to the banker', () => {
  const ev = code('Chile extradited a Peruvian banker wanted for fraud.', {
    actors: [
      ['Chile', 'CHL'],
      ['Peruvian banker', 'PERBUS'],
    ],
  });
  assert.deepEqual(brief(ev), ['063 CHL>PERBUS']);
});

test('an -ing participle after the noun of a phrase modifies that noun: "aboard trucks travelling to X"', () => {
  const ev = code('Chile seized weapons aboard trucks travelling to Peru.', {
    actors: [
      ['Chile', 'CHL'],
      ['Peru', 'PER'],
    ],
  });
  assert.ok(!brief(ev).some((b) => b.startsWith('042')), brief(ev).join(', '));
});

test('"wrote to X demanding Y": the writer demands', () => {
  const ev = code('The president of Chile wrote to the Peruvian leader demanding an apology.', {
    actors: [
      ['president of Chile', 'CHLGOV'],
      ['Peruvian leader', 'PERGOV'],
    ],
  });
  assert.ok(
    brief(ev).some((b) => b.startsWith('10') && b.includes(' CHLGOV>')),
    brief(ev).join(', '),
  );
});

test('a document speaks for its authors: "published a letter demanding reforms"', () => {
  const ev = code('Students in Chile published a letter demanding political reforms.', {
    actors: [['Students in Chile', 'CHLEDU']],
  });
  assert.deepEqual(brief(ev), ['104 CHLEDU>CHL']);
});

test('a pattern coded "-" blocks the general one: "release its results", "free up funds"', () => {
  const opts = { actors: [['Chile', 'CHL'] as [string, string]] };
  assert.deepEqual(brief(code('Chile will release its trade figures on Monday.', opts)), []);
  assert.deepEqual(brief(code('Chile freed up funds for schools.', opts)), []);
  assert.deepEqual(brief(code('Chile released two prisoners.', opts)), ['0841 CHL>CHL']);
});

test('an infinitive after a noun with no governing verb is a purpose: "have factories to meet demand"', () => {
  const ev = code('Chilean firms already have factories to meet the demands of Peru.', {
    actors: [
      ['Chilean firms', 'CHLBUS'],
      ['Peru', 'PER'],
    ],
  });
  assert.ok(!brief(ev).some((b) => b.startsWith('083') && !b.endsWith('intended')), brief(ev).join(', '));
});

test('the press a statement is made through is no addressee: "told Reuters" is no event, "told Peru" is', () => {
  const press: [string, string][] = [
    ['Chile', 'CHL'],
    ['Reuters', 'GBRMED'],
  ];
  const peru: [string, string][] = [
    ['Chile', 'CHL'],
    ['Peru', 'PER'],
  ];
  assert.deepEqual(brief(code('Chile told Reuters that the talks were over.', { actors: press })), []);
  assert.deepEqual(brief(code('Chile told Peru that the talks were over.', { actors: peru })), [
    '010 CHL>PER',
  ]);
});

test('the market sense of demand and the appeal of a product are no events', () => {
  const actors: [string, string][] = [['Chile', 'CHL']];
  assert.deepEqual(brief(code('Chile built new mines to meet growing demand.', { actors })), []);
  assert.deepEqual(brief(code('Chile appealed to consumers with cheaper wine.', { actors })), []);
});

test('a date after the object is not its head: "offered concessions last November" → 035', () => {
  const text = 'Chile offered concessions last November to Peru.';
  const doc = build(text, {
    actors: [
      ['Chile', 'CHL'],
      ['Peru', 'PER'],
    ],
  });
  const at = text.indexOf('last November');
  doc.times.push({ start: at, end: at + 13, text: 'last November', value: '2019-11', type: 'DATE' });
  createEventsStage().run(doc);
  assert.ok(
    brief(doc.events).some((b) => b.startsWith('035 CHL')),
    brief(doc.events).join(', '),
  );
});

test('"demanded that X withdraw": the that-clause is demanded (1056) and only requested', () => {
  const ev = code('Chile demanded that Peru withdraw its soldiers from the border.', {
    actors: [
      ['Chile', 'CHL'],
      ['Peru', 'PER'],
    ],
  });
  assert.ok(brief(ev).includes('1056 CHL>PER'), brief(ev).join(', '));
  assert.ok(!brief(ev).some((b) => b.startsWith('0874') && !b.endsWith('requested')), brief(ev).join(', '));
});

test('"agreed that ..." is accord on a position (019), "agreed to ..." an undertaking', () => {
  const actors: [string, string][] = [
    ['Chile', 'CHL'],
    ['Peru', 'PER'],
  ];
  assert.deepEqual(brief(code('Chile and Peru agreed that the border dispute was over.', { actors })), [
    '019 CHL>PER',
    '019 PER>CHL',
  ]);
  assert.ok(
    brief(code('Chile and Peru agreed to hold talks.', { actors })).every((b) => !b.startsWith('019')),
  );
});

test('what is investigated is no event of its own: "opened an inquiry into attacks on X"', () => {
  const ev = code('Chile opened an investigation into attacks on Peruvian fishermen.', {
    actors: [
      ['Chile', 'CHL'],
      ['Peruvian fishermen', 'PERCVL'],
    ],
  });
  assert.ok(!brief(ev).some((b) => b.startsWith('19')), brief(ev).join(', '));
  assert.ok(
    brief(ev).some((b) => b.startsWith('09')),
    brief(ev).join(', '),
  );
});

test('"insisted it would not bow to demands" is a claim, not a demand', () => {
  const ev = code('Turkey insisted it would not bow to demands from Cyprus.', {
    actors: [
      ['Turkey', 'TUR'],
      ['Cyprus', 'CYP'],
    ],
  });
  assert.ok(!brief(ev).some((b) => b.startsWith('10')), brief(ev).join(', '));
});

test('verb families of roots 05-09: reaffirm support, train forces, equip rebels, give up weapons, search houses', () => {
  const actors: [string, string][] = [
    ['Chile', 'CHL'],
    ['Peru', 'PER'],
    ['Peruvian rebels', 'PERREB'],
    ['Peruvian police', 'PERCOP'],
  ];
  const one = (t: string): string[] => brief(code(t, { actors: actors.filter(([a]) => t.includes(a)) }));
  assert.deepEqual(one('Chile reaffirmed its support for Peru.'), ['051 CHL>PER']);
  assert.deepEqual(one('Chile trained Peruvian police.'), ['062 CHL>PERCOP']);
  assert.deepEqual(one('Chile equipped Peruvian rebels with rifles.'), ['072 CHL>PERREB']);
  assert.deepEqual(one('Peruvian rebels gave up their weapons.'), ['0873 PERREB>PER']);
  assert.deepEqual(one('Police in Chile searched houses in Peru.'), ['090 CHL>PER']);
});

test('a sum of money is economic aid; "$5m in aid" is aid; "$5m of cuts" and "$5bn savings" are not', () => {
  const actors: [string, string][] = [
    ['Japan', 'JPN'],
    ['Indonesia', 'IDN'],
  ];
  assert.deepEqual(brief(code('Japan gave $5m to Indonesia for reconstruction.', { actors })), [
    '071 JPN>IDN',
  ]);
  assert.deepEqual(brief(code('Japan gave 300 million dollars to Indonesia.', { actors })), ['071 JPN>IDN']);
  assert.deepEqual(brief(code('Japan pledged $500m in aid to Indonesia.', { actors })), ['033 JPN>IDN']);
  assert.deepEqual(brief(code('Japan delivered $234m of cuts to Indonesia.', { actors })), []);
});

test('adjectives of intent and expectation: "determined/eager to" → intent, "poised to" → expected', () => {
  const actors: [string, string][] = [
    ['Japan', 'JPN'],
    ['Indonesia', 'IDN'],
  ];
  assert.deepEqual(brief(code('Japan is eager to hold talks with Indonesia.', { actors })), [
    '036 JPN>IDN',
    '040 JPN>IDN intended',
  ]);
  assert.deepEqual(brief(code('Japan is poised to send troops to Indonesia.', { actors })), [
    '072 JPN>IDN expected',
  ]);
});

test('"+T": the object itself is the target ("received the minister"), else no event ("received support from X")', () => {
  const actors: [string, string][] = [
    ['Egypt', 'EGY'],
    ['Israeli minister', 'ISRGOV'],
    ['Israel', 'ISR'],
  ];
  const one = (t: string): string[] => brief(code(t, { actors: actors.filter(([a]) => t.includes(a)) }));
  assert.deepEqual(one('Egypt received the Israeli minister in Cairo.'), ['043 EGY>ISRGOV']);
  assert.deepEqual(one('Egypt received a letter from Israel.'), []);
  assert.deepEqual(one('Egypt received a boost from the decision of Israel to reopen talks.'), []);
  assert.deepEqual(one('Egypt is telephoning voters.'), []);
});

test('a coordinated object of a control verb: "urged Iran and Syria to resume talks" asks both, and both talk', () => {
  const ev = code('Russia urged Iran and Syria to resume talks.', {
    actors: [
      ['Russia', 'RUS'],
      ['Iran', 'IRN'],
      ['Syria', 'SYR'],
    ],
  });
  assert.deepEqual(brief(ev), [
    '026 RUS>IRN',
    '026 RUS>SYR',
    '046 IRN>SYR requested',
    '046 SYR>IRN requested',
  ]);
});

test('"a meeting between X and Y" names both sides; a reporting verb speaks only to its object or a to-phrase', () => {
  const ev = code('Morocco offered to host a meeting between Israel and Syria.', {
    actors: [
      ['Morocco', 'MAR'],
      ['Israel', 'ISR'],
      ['Syria', 'SYR'],
    ],
  });
  assert.ok(brief(ev).includes('036 MAR>ISR') && brief(ev).includes('036 MAR>SYR'), brief(ev).join(', '));
  const said = code(
    'In an interview with Syria, Morocco said the road between Israel and Syria would reopen.',
    {
      actors: [
        ['Syria', 'SYR'],
        ['Morocco', 'MAR'],
        ['Israel', 'ISR'],
      ],
    },
  );
  assert.ok(!brief(said).some((b) => b.startsWith('010')), brief(said).join(', '));
});

test('in a sport context only statements and appeals stay: a team visiting, hosting or retreating is no event', () => {
  const actors: [string, string][] = [
    ['Zambia', 'ZMB'],
    ['Malawi', 'MWI'],
  ];
  assert.deepEqual(
    brief(
      code('In the cup, former champions Zambia will host Malawi in the third group match of the league.', {
        actors,
      }),
    ),
    [],
  );
  assert.deepEqual(brief(code('Zambia will host Malawi for talks on the border.', { actors })), [
    '036 ZMB>MWI',
    '043 ZMB>MWI expected',
  ]);
});

test('"called a truce" declares it (0871), "called for a truce" asks for it; an insurance arm is no weapon', () => {
  const actors: [string, string][] = [
    ['Chile', 'CHL'],
    ['Peru', 'PER'],
  ];
  assert.deepEqual(brief(code('Chile called a truce in its battle with Peru.', { actors })), [
    '0871 CHL>PER',
  ]);
  assert.deepEqual(brief(code('Chile called for a truce with Peru.', { actors })), ['0256 CHL>PER']);
  assert.deepEqual(brief(code('Chile sold its insurance arm to Peru.', { actors })), []);
  assert.deepEqual(brief(code('Chile sold arms to Peru.', { actors })), ['072 CHL>PER']);
});

test('"met with disapproval" is a reception, not a meeting', () => {
  const actors: [string, string][] = [
    ['Chile', 'CHL'],
    ['Peru', 'PER'],
  ];
  assert.deepEqual(brief(code('The plans of Chile have met with disapproval from Peru.', { actors })), []);
  assert.deepEqual(brief(code('Chile met with Peru on Monday.', { actors })), ['040 CHL>PER']);
});
