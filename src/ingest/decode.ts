// Bytes → text: BOMs, UTF-8, UTF-16, and Windows-1252 for legacy pages; refuses binary data.
export class InputError extends Error {
  constructor(
    readonly origin: string,
    readonly reason: string,
  ) {
    super(`${origin}: ${reason}`);
    this.name = 'InputError';
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function decode(buf: Buffer, origin: string): string {
  if (buf.length === 0) throw new InputError(origin, 'empty file');
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return buf.subarray(3).toString('utf8');
  if (buf[0] === 0xff && buf[1] === 0xfe) return new TextDecoder('utf-16le').decode(buf.subarray(2));
  if (buf[0] === 0xfe && buf[1] === 0xff) return new TextDecoder('utf-16be').decode(buf.subarray(2));
  if (looksBinary(buf)) throw new InputError(origin, 'binary data, not text');
  try {
    return utf8.decode(buf);
  } catch {
    // not valid UTF-8: legacy single-byte page; Windows-1252 is a superset of Latin-1's printable range
    return windows1252(buf);
  }
}

// Windows-1252's characters for bytes 0x80–0x9F (Latin-1 has control codes there); undefined bytes stay as is.
const CP1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/** Node's TextDecoder maps 0x80–0x9F to C1 controls under 'windows-1252'; do it by hand. */
function windows1252(buf: Buffer): string {
  const latin1 = buf.toString('latin1');
  return latin1.replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]!);
}

/** NUL bytes or many control characters in the first 8 KB mean it is not text. */
function looksBinary(buf: Buffer): boolean {
  const n = Math.min(buf.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = buf[i]!;
    if (b === 0) return true;
    if (b < 32 && b !== 9 && b !== 10 && b !== 13 && b !== 12) control++;
  }
  return control / n > 0.1;
}
