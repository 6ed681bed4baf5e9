/**
 * One attempt at the eco-map's layout for `ecomapLayout`'s search: the rings at one label size, zigzag and inner
 * ring, grown into the room the labels leave and centred, with the shapes the overlap test checks.
 */
import type { EcoLabel, EcoLayout, EcoNodeLayout } from './ecomapLayout.js';
import type { Shape } from './ecomapFit.js';
import { wrapWords, type Measure } from './ecomapText.js';

/** The partners as the layout takes them: a name (the label) and a side, in the map's order. */
export type Partners = ReadonlyArray<{ name: string; side: 'internal' | 'external' }>;

const LEADING = 1.18;
const MAX_LINES = 3;

export interface Attempt {
  layout: EcoLayout;
  shapes: Shape[];
}

export interface Params {
  width: number;
  height: number;
  f: number;
  perLine: number;
  /** How far the outer ring's nodes are pulled in, in turn (a crowded ring zigzags). */
  stagger: readonly number[];
  inner: number;
  measure: Measure;
  nodeRatio: number;
}

function label(text: string, perLine: number, fontSize: number, measure: Measure) {
  // A line is never narrower than the name's longest word (up to 16 characters), so words break only when very long.
  const longest = Math.max(0, ...text.split(/\s+|(?<=-)/).map((w) => w.length));
  const lines = wrapWords(text, Math.max(perLine, Math.min(longest, 16)), MAX_LINES);
  return { lines, w: Math.max(...lines.map((l) => measure(l, fontSize))), h: lines.length * fontSize * LEADING };
}

function textAt(l: { lines: string[]; w: number; h: number }, x: number, top: number, anchor: EcoLabel['anchor'], f: number): EcoLabel {
  const lh = f * LEADING;
  const left = anchor === 'start' ? x : anchor === 'end' ? x - l.w : x - l.w / 2;
  const baselines = l.lines.map((_, i) => top + i * lh + (lh - f) / 2 + f * 0.8);
  return { x, anchor, lines: l.lines, baselines, fontSize: f, box: { x: left, y: top, w: l.w, h: l.h } };
}

export function place(partners: Partners, centreName: string, p: Params): Attempt {
  const { f, measure } = p;
  const r = f * p.nodeRatio;
  const gap = f * 0.3;
  const pad = f * 0.2;
  const cx = p.width / 2;
  const cy = p.height / 2;
  const labels = partners.map((q) => label(q.name, p.perLine, f, measure));
  const cf = f * 1.1;
  const cl = label(centreName || ' ', 16, cf, measure);
  const rc = Math.max(r * 1.2, Math.hypot(cl.w / 2, cl.h / 2) + f * 0.3);
  const centre = { x: cx, y: cy, r: rc, label: textAt(cl, cx, cy - cl.h / 2, 'middle', cf) };
  const maxW = Math.max(0, ...labels.map((l) => l.w));
  const maxH = Math.max(0, ...labels.map((l) => l.h));
  const rx = Math.max(rc, cx - pad - r - gap - maxW);
  const ry = Math.max(rc, cy - pad - r - gap - maxH);
  const ring = (dx: number, dy: number) => arrange(partners, labels, p, { cx, cy, rx: rx + dx, ry: ry + dy, r, gap });
  // Grow the rings into the room the labels left (the extremes move by the ring's sine and cosine), then centre it all.
  const first = ring(0, 0);
  const b1 = bounds([centreShape(centre), ...first.shapes]);
  const grow = (slack: number, lo: number, hi: number) => (lo + hi > 0.2 ? Math.max(0, (slack * 0.97) / (lo + hi)) : 0);
  const second = ring(grow(p.width - 2 * pad - b1.w, first.reach.left, first.reach.right), grow(p.height - 2 * pad - b1.h, first.reach.top, first.reach.bottom));
  const shapes = [centreShape(centre), ...second.shapes];
  const b2 = bounds(shapes);
  const sx = (p.width - b2.w) / 2 - b2.x;
  const sy = (p.height - b2.h) / 2 - b2.y;
  const moved = (l: EcoLabel): EcoLabel => ({ ...l, x: l.x + sx, baselines: l.baselines.map((b) => b + sy), box: { ...l.box, x: l.box.x + sx, y: l.box.y + sy } });
  const nodes = second.nodes.map((n) => ({ ...n, x: n.x + sx, y: n.y + sy, label: moved(n.label) }));
  const layout = { width: p.width, height: p.height, fontSize: f, centre: { x: cx + sx, y: cy + sy, r: rc, label: moved(centre.label) }, nodes };
  return { layout, shapes: shapes.map((q) => ({ ...q, x: q.x + sx, y: q.y + sy })) };
}

const centreShape = (c: { x: number; y: number; r: number }): Shape => ({ kind: 'circle', x: c.x, y: c.y, r: c.r });

function bounds(shapes: readonly Shape[]) {
  const xs = shapes.flatMap((q) => (q.kind === 'circle' ? [q.x - q.r, q.x + q.r] : [q.x, q.x + q.w]));
  const ys = shapes.flatMap((q) => (q.kind === 'circle' ? [q.y - q.r, q.y + q.r] : [q.y, q.y + q.h]));
  const x = Math.min(...xs);
  const y = Math.min(...ys);
  return { x, y, w: Math.max(...xs) - x, h: Math.max(...ys) - y };
}

interface Rings {
  cx: number;
  cy: number;
  rx: number;
  ry: number;
  r: number;
  gap: number;
}

/** The partners on their rings, their labels beside them; `reach`: how far the outermost go (in ring radii) each way. */
function arrange(partners: Partners, labels: ReturnType<typeof label>[], p: Params, g: Rings) {
  const { cx, cy, rx, ry, r, gap } = g;
  const f = p.f;
  const shapes: Shape[] = [];
  const reach = { left: 0, right: 0, top: 0, bottom: 0 };
  const rings = { internal: [] as number[], external: [] as number[] };
  partners.forEach((q, i) => rings[q.side].push(i));
  const nodes: EcoNodeLayout[] = new Array<EcoNodeLayout>(partners.length);
  for (const side of ['internal', 'external'] as const) {
    const ring = rings[side];
    const onlyRing = rings[side === 'internal' ? 'external' : 'internal'].length === 0;
    const scale = side === 'external' || onlyRing ? 1 : p.inner * Math.min(...p.stagger);
    ring.forEach((index, k) => {
      const q = partners[index];
      const l = labels[index];
      if (!q || !l) return;
      // The inner ring turned half a step of its own and half a step of the outer ring's: between the outer nodes.
      const turn = side === 'internal' && !onlyRing ? Math.PI / ring.length + Math.PI / rings.external.length : 0;
      const theta = -Math.PI / 2 + (2 * Math.PI * k) / ring.length + turn;
      const pull = scale === 1 ? (p.stagger[k % p.stagger.length] ?? 1) : 1;
      const cos = Math.cos(theta) * scale * pull;
      const sin = Math.sin(theta) * scale * pull;
      reach.left = Math.max(reach.left, -cos);
      reach.right = Math.max(reach.right, cos);
      reach.top = Math.max(reach.top, -sin);
      reach.bottom = Math.max(reach.bottom, sin);
      const x = cx + rx * cos;
      const y = cy + ry * sin;
      let text: EcoLabel;
      if (Math.abs(Math.cos(theta)) < 0.3) text = textAt(l, x, sin < 0 ? y - r - gap - l.h : y + r + gap, 'middle', f);
      else if (cos > 0) text = textAt(l, x + r + gap, y - l.h / 2, 'start', f);
      else text = textAt(l, x - r - gap, y - l.h / 2, 'end', f);
      nodes[index] = { name: q.name, side: q.side, x, y, r, label: text };
      shapes.push({ kind: 'circle', x, y, r }, { kind: 'rect', ...text.box });
    });
  }
  return { nodes, shapes, reach };
}
