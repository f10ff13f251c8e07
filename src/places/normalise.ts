// One normal form for place names, used both for gazetteer keys and for text spans:
// diacritics stripped (Ḩamāh → hamah), apostrophes and ayn/hamza marks dropped (Dar‘ā → dara),
// dots dropped (St. Louis → st louis), every other non-alphanumeric run folded to one space, lower case.

const FOLD: Record<string, string> = {
  ø: 'o',
  Ø: 'o',
  ł: 'l',
  Ł: 'l',
  đ: 'd',
  Đ: 'd',
  ß: 'ss',
  æ: 'ae',
  Æ: 'ae',
  œ: 'oe',
  Œ: 'oe',
  ı: 'i',
  þ: 'th',
  ð: 'd',
};

const ASCII = /^[\x20-\x7e]*$/;

/** Normalised key of a place name or of a span of text. */
const PLAIN = /^[A-Za-z]+$/;

/** words of ASCII letters with single spaces between: the rules below only lower-case them */
const PLAIN_WORDS = /^[A-Za-z]+(?: [A-Za-z]+)*$/;

export function normName(s: string): string {
  if (PLAIN.test(s) || PLAIN_WORDS.test(s)) return s.toLowerCase();
  let t = s;
  if (!ASCII.test(t)) {
    t = t.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
    t = t.replace(/[øØłŁđĐßæÆœŒıþð]/g, (c) => FOLD[c] ?? c);
    t = t.replace(/[‘’ʼʻʿʾ`´]/g, '');
  }
  return t
    .toLowerCase()
    .replace(/['.]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}
