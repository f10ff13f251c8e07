// DOM building without innerHTML: every piece of text goes in through text nodes, so article text
// (untrusted) can never become markup.
type Child = Node | string | number | null | undefined | false;
type Attrs = Record<string, string | number | boolean | null | undefined | ((e: Event) => void)>;

function apply(el: Element, attrs: Attrs, children: Child[]): void {
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (typeof v === 'function') el.addEventListener(k.slice(2).toLowerCase(), v);
    else if (k === 'class') el.setAttribute('class', String(v));
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  apply(el, attrs, children);
  return el;
}

const SVG = 'http://www.w3.org/2000/svg';
export function s<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Child[]
): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG, tag);
  apply(el, attrs, children);
  return el;
}

/** Only http(s) links from data; anything else (javascript:, data:) is dropped. */
export function safeUrl(u: string | null | undefined): string | null {
  if (!u) return null;
  try {
    const url = new URL(u);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** Make a non-button element act like one for keyboard users. */
export function activate(el: Element, fn: (e: Event) => void): void {
  el.setAttribute('tabindex', '0');
  if (!el.getAttribute('role')) el.setAttribute('role', 'button');
  el.addEventListener('click', fn);
  el.addEventListener('keydown', (e) => {
    const k = (e as KeyboardEvent).key;
    if (k === 'Enter' || k === ' ') {
      e.preventDefault();
      fn(e);
    }
  });
}

export const QUAD_NAMES = [
  'Verbal cooperation',
  'Material cooperation',
  'Verbal conflict',
  'Material conflict',
];
export const QUAD_COLORS = ['#43a047', '#1e88e5', '#fb8c00', '#d32f2f'];

/** Goldstein -10..+10 → red..grey..green */
export function goldsteinColor(g: number): string {
  const t = Math.max(-1, Math.min(1, g / 10));
  const grey = [150, 150, 150];
  const end = t < 0 ? [211, 47, 47] : [46, 125, 50];
  const a = Math.abs(t);
  const c = grey.map((v, i) => Math.round(v + (end[i]! - v) * a));
  return `rgb(${c[0]},${c[1]},${c[2]})`;
}

const tip = (): HTMLElement => document.getElementById('tooltip')!;

/** Show the shared tooltip next to an element; content is built by the caller from DOM nodes. */
export function showTip(anchor: Element, ...content: Child[]): void {
  const t = tip();
  t.replaceChildren();
  apply(t, {}, content);
  t.hidden = false;
  const r = anchor.getBoundingClientRect();
  const w = Math.min(320, window.innerWidth - 16);
  t.style.maxWidth = `${w}px`;
  const left = Math.max(8, Math.min(window.innerWidth - w - 8, r.left + window.scrollX));
  t.style.left = `${left}px`;
  t.style.top = `${r.bottom + window.scrollY + 6}px`;
}

export function hideTip(): void {
  tip().hidden = true;
}
