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
    return new TextDecoder('windows-1252').decode(buf);
  }
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
