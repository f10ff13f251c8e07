// A one-line progress display on a terminal (done, rate, ETA); silent when stderr is not a TTY.
export class Progress {
  private readonly started = Date.now();
  private last = 0;
  private readonly tty = Boolean(process.stderr.isTTY);

  constructor(private readonly total: number | null) {}

  tick(done: number, note = ''): void {
    if (!this.tty) return;
    const now = Date.now();
    if (now - this.last < 100) return;
    this.last = now;
    const secs = (now - this.started) / 1000;
    const rate = secs > 0 ? done / secs : 0;
    let line = `${done}${this.total ? '/' + this.total : ''} articles · ${rate.toFixed(1)}/s`;
    if (this.total && rate > 0) {
      const pct = Math.min(1, done / this.total);
      const width = 24;
      const filled = Math.round(pct * width);
      line = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${line} · ETA ${fmt((this.total - done) / rate)}`;
    }
    process.stderr.write(`\r\x1b[K${line}${note ? ' · ' + note : ''}`);
  }

  end(): void {
    if (this.tty) process.stderr.write('\r\x1b[K');
  }
}

function fmt(s: number): string {
  if (!Number.isFinite(s)) return '?';
  const m = Math.floor(s / 60);
  return m ? `${m}m${Math.round(s % 60)}s` : `${Math.round(s)}s`;
}
