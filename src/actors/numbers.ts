// Numeric entities from the tokens: CARDINAL ("5,400", "three", "2.5 million"), MONEY ("£1.8m",
// "$3 billion", "10 euros") and PERCENT ("20%", "5 per cent"). Dates and times are the times stage's.
import type { Entity } from '../result.js';
import type { Doc } from '../text/doc.js';
import { monthOf } from '../text/months.js';

const SCALE = new Set(['hundred', 'thousand', 'million', 'billion', 'trillion', 'm', 'bn', 'k']);
const CURRENCY_SIGN = /^[£$€¥₹]$|^(us|a|c|hk|nz)\$$/i;
const CURRENCY_WORD = new Set([
  'dollar',
  'dollars',
  'pound',
  'pounds',
  'euro',
  'euros',
  'yen',
  'yuan',
  'rouble',
  'roubles',
  'ruble',
  'rubles',
  'rupee',
  'rupees',
  'francs',
  'franc',
  'dinar',
  'dinars',
  'riyals',
  'pence',
  'cents',
]);
const WORD_NUMBER = new Set([
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'twenty',
  'thirty',
  'forty',
  'fifty',
  'hundred',
  'hundreds',
  'thousand',
  'thousands',
  'dozens',
  'million',
  'millions',
]);

/** Numeric entities, in text order. */
export function numericEntities(doc: Doc): Entity[] {
  const toks = doc.tokens;
  const out: Entity[] = [];
  let i = 0;
  while (i < toks.length) {
    const t = toks[i]!;
    const isNum = t.pos === 'NUM' && (/\d/.test(t.text) || WORD_NUMBER.has(t.norm));
    // the cheap test first: most tokens are not followed by a number
    const sign = toks[i + 1]?.pos === 'NUM' && toks[i + 1]!.start === t.end && CURRENCY_SIGN.test(t.text);
    if (!isNum && !sign) {
      i++;
      continue;
    }
    // a year, a day of a month or a time belongs to the times stage
    if (
      !sign &&
      (/^(1[5-9]|20)\d\d$/.test(t.text) ||
        monthOf(toks[i - 1]?.norm ?? '') !== null ||
        monthOf(toks[i + 1]?.norm ?? '') !== null)
    ) {
      i++;
      continue;
    }
    let j = sign ? i + 2 : i + 1;
    while (
      j < toks.length &&
      toks[j]!.sent === t.sent &&
      (SCALE.has(toks[j]!.norm) || (toks[j]!.pos === 'NUM' && /\d/.test(toks[j]!.text) === /\d/.test(t.text)))
    )
      j++;
    let type: Entity['type'] = 'CARDINAL';
    if (sign) type = 'MONEY';
    const nx = toks[j];
    if (nx && nx.sent === t.sent) {
      if (nx.text === '%') {
        type = 'PERCENT';
        j++;
      } else if (nx.norm === 'per' && toks[j + 1]?.norm === 'cent') {
        type = 'PERCENT';
        j += 2;
      } else if (nx.norm === 'percent') {
        type = 'PERCENT';
        j++;
      } else if (CURRENCY_WORD.has(nx.norm) && !sign) {
        type = 'MONEY';
        j++;
      }
    }
    const start = toks[i]!.start;
    const end = toks[j - 1]!.end;
    if (/^\d{1,2}:\d\d/.test(doc.text.slice(start, end))) {
      i = j;
      continue;
    }
    out.push({ start, end, text: doc.text.slice(start, end), type });
    i = j;
  }
  return out;
}
