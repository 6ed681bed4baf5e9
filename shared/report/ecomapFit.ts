/** Overlap tests of the eco-map layout: circles (nodes, the centre) and rectangles (labels). */
export type Shape = { kind: 'circle'; x: number; y: number; r: number } | { kind: 'rect'; x: number; y: number; w: number; h: number };

function apart(a: Shape, b: Shape, m: number): boolean {
  if (a.kind === 'circle' && b.kind === 'circle') return Math.hypot(a.x - b.x, a.y - b.y) >= a.r + b.r + m;
  if (a.kind === 'rect' && b.kind === 'rect') {
    return a.x + a.w + m <= b.x || b.x + b.w + m <= a.x || a.y + a.h + m <= b.y || b.y + b.h + m <= a.y;
  }
  const c = a.kind === 'circle' ? a : (b as Extract<Shape, { kind: 'circle' }>);
  const r = a.kind === 'rect' ? a : (b as Extract<Shape, { kind: 'rect' }>);
  const nx = Math.min(Math.max(c.x, r.x), r.x + r.w);
  const ny = Math.min(Math.max(c.y, r.y), r.y + r.h);
  return Math.hypot(c.x - nx, c.y - ny) >= c.r + m;
}

function inside(s: Shape, width: number, height: number): boolean {
  if (s.kind === 'circle') return s.x - s.r >= 0 && s.y - s.r >= 0 && s.x + s.r <= width && s.y + s.r <= height;
  return s.x >= 0 && s.y >= 0 && s.x + s.w <= width && s.y + s.h <= height;
}

/** True when every shape is inside the box and no two come closer than `margin`. */
export function fits(shapes: readonly Shape[], width: number, height: number, margin: number): boolean {
  for (let i = 0; i < shapes.length; i++) {
    const a = shapes[i];
    if (!a || !inside(a, width, height)) return false;
    for (let j = i + 1; j < shapes.length; j++) {
      const b = shapes[j];
      if (b && !apart(a, b, margin)) return false;
    }
  }
  return true;
}
