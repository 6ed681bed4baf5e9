import { describe, expect, it } from 'vitest';
import { STARTER_PARTNERS, MAX_PARTNERS } from '../../shared/modules/ecomap/ecomap.state.js';
import { ecomapLayout, type EcoLayout } from '../../shared/report/ecomapLayout.js';
import { estimateWidth, wrapWords } from '../../shared/report/ecomapText.js';
import { markSlots, trianglePoints, type MarkSlot } from '../../shared/report/ecomapMarks.js';

type Side = 'internal' | 'external';
type Box = { x: number; y: number; w: number; h: number };

/** n partners with the starter set's long names (numbered past 12), sides by `side`. */
const partners = (n: number, side: (i: number) => Side) =>
  Array.from({ length: n }, (_, i) => {
    const s = STARTER_PARTNERS[i % STARTER_PARTNERS.length];
    return { name: i < STARTER_PARTNERS.length ? (s?.name ?? '') : `${s?.name ?? ''} ${i}`, side: side(i) };
  });

const SIDES: Record<string, (i: number) => Side> = {
  external: () => 'external',
  internal: () => 'internal',
  mixed: (i) => (i % 4 === 0 ? 'internal' : 'external'),
};
/** The board's map area (16:9 less a legend strip) and the PDF's content box on a letter and an A4 page. */
const BOXES = { board: [1920, 960], letter: [504, 520], a4: [487, 560] } as const;

const boxOfCircle = (c: { x: number; y: number; r: number }): Box => ({ x: c.x - c.r, y: c.y - c.r, w: 2 * c.r, h: 2 * c.r });
const overlap = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/** Every thing drawn, as boxes (a circle as its own circle's distance against other circles). */
function problems(l: EcoLayout): string[] {
  const found: string[] = [];
  const things: Array<{ what: string; box: Box; circle?: { x: number; y: number; r: number } }> = [
    { what: 'centre', box: boxOfCircle(l.centre), circle: l.centre },
    ...l.nodes.flatMap((n) => [
      { what: `node ${n.name}`, box: boxOfCircle(n), circle: n },
      { what: `label ${n.name}`, box: n.label.box },
    ]),
  ];
  for (const t of things) {
    if (t.box.x < 0 || t.box.y < 0 || t.box.x + t.box.w > l.width || t.box.y + t.box.h > l.height) found.push(`${t.what} outside`);
  }
  for (let i = 0; i < things.length; i++) {
    for (let j = i + 1; j < things.length; j++) {
      const a = things[i];
      const b = things[j];
      if (!a || !b) continue;
      const hit = a.circle && b.circle ? Math.hypot(a.circle.x - b.circle.x, a.circle.y - b.circle.y) < a.circle.r + b.circle.r : overlap(a.box, b.box) && !(a.circle || b.circle) ? true : a.circle || b.circle ? circleRect(a, b) : false;
      if (hit) found.push(`${a.what} / ${b.what}`);
    }
  }
  return found;
}
function circleRect(a: { box: Box; circle?: { x: number; y: number; r: number } }, b: { box: Box; circle?: { x: number; y: number; r: number } }) {
  const c = a.circle ?? b.circle;
  const r = a.circle ? b.box : a.box;
  if (!c) return false;
  const nx = Math.min(Math.max(c.x, r.x), r.x + r.w);
  const ny = Math.min(Math.max(c.y, r.y), r.y + r.h);
  return Math.hypot(c.x - nx, c.y - ny) < c.r;
}

describe('the eco-map layout', () => {
  for (const [boxName, [width, height]] of Object.entries(BOXES)) {
    for (const [sideName, side] of Object.entries(SIDES)) {
      for (const n of [1, 5, 12, MAX_PARTNERS]) {
        it(`places ${n} ${sideName} partners in the ${boxName} box without overlap, inside it`, () => {
          const l = ecomapLayout(partners(n, side), 'Department of Children and Family Services', { width, height });
          expect(l.nodes).toHaveLength(n);
          expect(problems(l)).toEqual([]);
          // Legible: at least 5 points on paper, 14 px on the board.
          expect(l.fontSize).toBeGreaterThanOrEqual(boxName === 'board' ? 14 : 5);
        });
      }
    }
  }

  it('puts internal partners nearer the centre than external ones, the first at the top, going clockwise', () => {
    const l = ecomapLayout(partners(12, SIDES.mixed ?? (() => 'external')), 'Agency', { width: 1920, height: 960 });
    const { x: cx, y: cy } = l.centre;
    const d = (n: { x: number; y: number }) => Math.hypot((n.x - cx) / 960, (n.y - cy) / 480);
    const inner = l.nodes.filter((n) => n.side === 'internal');
    const outer = l.nodes.filter((n) => n.side === 'external');
    expect(Math.max(...inner.map(d))).toBeLessThan(Math.min(...outer.map(d)));
    const [first, second] = outer;
    expect(first?.x).toBeCloseTo(cx);
    expect(first?.y ?? 0).toBeLessThan(cy);
    expect(second?.x ?? 0).toBeGreaterThan(cx);
  });

  it('prefers a larger type when there is room', () => {
    const few = ecomapLayout(partners(5, SIDES.mixed ?? (() => 'external')), 'Agency', { width: 1920, height: 960 });
    const many = ecomapLayout(partners(40, SIDES.mixed ?? (() => 'external')), 'Agency', { width: 1920, height: 960 });
    expect(few.fontSize).toBeGreaterThan(many.fontSize);
  });

  it('wraps names to short lines, cuts a word too long for one and ends a name too long with an ellipsis', () => {
    expect(wrapWords('Foster, adoptive and kin caregivers', 14, 3)).toEqual(['Foster,', 'adoptive and', 'kin caregivers']);
    expect(wrapWords('Supercalifragilistic', 8, 3)).toEqual(['Supercal', 'ifragili', 'stic']);
    expect(wrapWords('one two three four five six seven eight', 9, 2)).toEqual(['one two', 'three…']);
    expect(wrapWords('   ', 9, 2)).toEqual(['']);
    expect(estimateWidth('MMM', 10)).toBeGreaterThan(estimateWidth('iii', 10));
  });
});

describe('wrapping a hyphenated name', () => {
  it('breaks after a hyphen before it cuts a word', () => {
    expect(wrapWords('Diversity-of-state representatives', 14, 3)).toEqual(['Diversity-of-', 'state', 'representativ…']);
  });
});

describe('the marks inside a node', () => {
  it('puts the four symbols and three-digit counts inside the node without overlapping', () => {
    const slots = markSlots(100, 100, 40);
    expect(slots.map((s) => s.mark)).toEqual(['green', 'yellow', 'red', 'none']);
    const boxes = slots.flatMap((s) => {
      const w = estimateWidth('200', s.fontSize);
      return [
        { x: s.cx - s.half * 1.15, y: s.cy - s.half * 1.15, w: s.half * 2.3, h: s.half * 2.3 },
        { x: s.textX - w / 2, y: s.textY - s.fontSize * 0.75, w, h: s.fontSize * 0.95 },
      ];
    });
    for (const b of boxes) {
      for (const [px, py] of [[b.x, b.y], [b.x + b.w, b.y], [b.x, b.y + b.h], [b.x + b.w, b.y + b.h]] as const) expect(Math.hypot(px - 100, py - 100)).toBeLessThanOrEqual(40);
    }
    for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) expect(overlap(boxes[i] as Box, boxes[j] as Box)).toBe(false);
    expect(trianglePoints(slots[1] as MarkSlot)).toHaveLength(3);
  });
});
