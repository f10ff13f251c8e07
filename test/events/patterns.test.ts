// The pattern language, the codebook, and one sentence per CAMEO root showing its patterns fire.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { codebook, codeInfo, loadPatterns, parsePatterns, quadOf } from '../../src/events/index.js';
import { brief, code } from './helpers.js';

test('the codebook has every root, with quad classes by root and PLOVER types', () => {
  const b = codebook();
  for (let r = 1; r <= 20; r++) {
    const root = String(r).padStart(2, '0');
    assert.ok(b.has(root), root);
    assert.equal(b.get(root)!.quad, quadOf(root));
  }
  assert.equal(codeInfo('0241')!.root, '02');
  assert.equal(codeInfo('163')!.plover, 'COERCE');
  assert.equal(codeInfo('190')!.goldstein, -10);
  assert.equal(quadOf('05'), 1);
  assert.equal(quadOf('06'), 2);
  assert.equal(quadOf('14'), 3);
  assert.equal(quadOf('15'), 4);
});

test('every code a pattern or conversion names is in the codebook, and all 20 roots have patterns', () => {
  const P = loadPatterns();
  const roots = new Set<string>();
  for (const list of [...P.verbs.values(), ...P.nouns.values()]) {
    for (const p of list) {
      if (p.code === '000' || p.code === '-') continue;
      assert.ok(codebook().has(p.code), `${p.source}:${p.line} ${p.code}`);
      roots.add(p.code.slice(0, 2));
    }
  }
  for (const list of P.convert.values()) for (const [, c] of list) assert.ok(codebook().has(c), c);
  assert.equal(roots.size, 20, [...roots].sort().join(' '));
});

test('the pattern language: sets, frames, specificity, and errors with line numbers', () => {
  const P = parsePatterns(
    [
      '&ENVOY = ambassador envoy',
      'V recall => 161',
      'V recall +&ENVOY @from:T => 1613',
      'N veto @of:* => 129',
      'L launch',
      'C threaten threaten',
      'K threaten 19 => 138',
    ].join('\n'),
  );
  const recall = P.verbs.get('recall')!;
  assert.equal(recall[0]!.code, '1613'); // the more specific pattern first
  assert.ok(recall[0]!.obj !== 'ANY' && recall[0]!.obj!.has('envoy'));
  assert.equal(recall[0]!.pps[0]!.target, true);
  assert.equal(P.nouns.get('veto')![0]!.pps[0]!.preps.has('of'), true);
  assert.ok(P.light.has('launch'));
  assert.equal(P.control.get('threaten'), 'threaten');
  assert.deepEqual(P.convert.get('threaten'), [['19', '138']]);
  assert.throws(() => parsePatterns('V recall +&NOPE => 161'), /1: unknown set/);
  assert.throws(() => parsePatterns('\nX recall => 161'), /2: unknown line kind/);
});

// one sentence per root, written for this test: [sentence, actors, expected code]
const ROOTS: [string, [string, string][], string][] = [
  [
    'Chile told Peru it would respect the ruling.',
    [
      ['Chile', 'CHL'],
      ['Peru', 'PER'],
    ],
    '010',
  ],
  [
    'Chile appealed to Peru for humanitarian aid.',
    [
      ['Chile', 'CHL'],
      ['Peru', 'PER'],
    ],
    '023',
  ],
  [
    'Chile pledged economic aid to Peru.',
    [
      ['Chile', 'CHL'],
      ['Peru', 'PER'],
    ],
    '0331',
  ],
  [
    'Chile held talks with Peru.',
    [
      ['Chile', 'CHL'],
      ['Peru', 'PER'],
    ],
    '040',
  ],
  [
    'Chile praised Peru for its restraint.',
    [
      ['Chile', 'CHL'],
      ['Peru', 'PER'],
    ],
    '051',
  ],
  [
    'Chile shared intelligence with Peru.',
    [
      ['Chile', 'CHL'],
      ['Peru', 'PER'],
    ],
    '064',
  ],
  [
    'Chile sent food and medicine to Peru.',
    [
      ['Chile', 'CHL'],
      ['Peru', 'PER'],
    ],
    '073',
  ],
  [
    'Chile released two Peruvian fishermen.',
    [
      ['Chile', 'CHL'],
      ['Peruvian fishermen', 'PERCVL'],
    ],
    '0841',
  ],
  [
    'Chile opened an investigation into the deaths of Peruvian migrants.',
    [
      ['Chile', 'CHL'],
      ['Peruvian migrants', 'PER'],
    ],
    '090',
  ],
  [
    'Chile demanded the withdrawal of Peruvian troops.',
    [
      ['Chile', 'CHL'],
      ['Peruvian troops', 'PERMIL'],
    ],
    '1056',
  ],
  [
    'Chile condemned Peru over the incident.',
    [
      ['Chile', 'CHL'],
      ['Peru', 'PER'],
    ],
    '111',
  ],
  [
    'Chile rejected a proposal from Peru for talks.',
    [
      ['Chile', 'CHL'],
      ['Peru', 'PER'],
    ],
    '125',
  ],
  [
    'Chile threatened to impose sanctions on Peru.',
    [
      ['Chile', 'CHL'],
      ['Peru', 'PER'],
    ],
    '1312',
  ],
  [
    'Peruvian students protested against Chile.',
    [
      ['Peruvian students', 'PEREDU'],
      ['Chile', 'CHL'],
    ],
    '141',
  ],
  [
    'Chile deployed troops to the border with Peru.',
    [
      ['Chile', 'CHL'],
      ['Peru', 'PER'],
    ],
    '154',
  ],
  [
    'Chile recalled its ambassador from Peru.',
    [
      ['Chile', 'CHL'],
      ['Peru', 'PER'],
    ],
    '161',
  ],
  [
    'Chilean police arrested three Peruvian activists.',
    [
      ['Chilean police', 'CHLCOP'],
      ['Peruvian activists', 'PERCVL'],
    ],
    '173',
  ],
  [
    'Chilean agents assassinated a Peruvian general.',
    [
      ['Chilean agents', 'CHLSPY'],
      ['Peruvian general', 'PERMIL'],
    ],
    '186',
  ],
  [
    'Chilean jets bombed Peruvian positions.',
    [
      ['Chilean jets', 'CHLMIL'],
      ['Peruvian positions', 'PERMIL'],
    ],
    '195',
  ],
  [
    'Chilean forces carried out a massacre of Peruvian villagers.',
    [
      ['Chilean forces', 'CHLMIL'],
      ['Peruvian villagers', 'PERCVL'],
    ],
    '202',
  ],
];

for (const [sentence, actors, want] of ROOTS) {
  test(`root ${want.slice(0, 2)}: "${sentence}"`, () => {
    const ev = code(sentence, { actors });
    assert.ok(
      ev.some((e) => e.code === want && e.mode === 'actual'),
      `wanted ${want}, got ${brief(ev).join(', ') || 'nothing'}`,
    );
  });
}
