// A cheap English check: news English is full of function words; other languages have almost none of these.
const FUNCTION_WORDS = new Set(
  'the of and to a in is was that for on with as by at from it he she his her they their has have had be been are were said not but this which who will would an or its after'.split(
    ' ',
  ),
);

/** Share of words that are English function words, or null when the text is too short to tell. */
export function englishShare(text: string): number | null {
  const words = text.toLowerCase().match(/\p{L}+/gu);
  if (!words || words.length < 30) return null;
  let hits = 0;
  for (const w of words) if (FUNCTION_WORDS.has(w)) hits++;
  return hits / words.length;
}

export const MIN_ENGLISH_SHARE = 0.08;
