// Noise lexicons (data/events/noise.txt): sport and entertainment contexts where war verbs are not events.
import { readFileSync } from 'node:fs';
import { dataPath } from '../data.js';

export interface Noise {
  sport: Set<string>;
  entertainment: Set<string>;
}

let noise: Noise | null = null;

export function loadNoise(): Noise {
  if (noise) return noise;
  const out: Noise = { sport: new Set(), entertainment: new Set() };
  let cur: Set<string> | null = null;
  for (const raw of readFileSync(dataPath('events', 'noise.txt'), 'utf8').split('\n')) {
    const line = raw.replace(/#.*$/, '').trim();
    if (!line) continue;
    if (line === 'sport:') cur = out.sport;
    else if (line === 'entertainment:') cur = out.entertainment;
    else if (cur) for (const w of line.split(/\s+/)) cur.add(w);
  }
  noise = out;
  return out;
}
