import { useLayoutEffect, useRef, useState } from 'react';
import { MAP_KEY } from '../../../shared/report/ecomapMarks.js';
import type { ModuleScreenProps } from '../types.js';
import { EcoMapSvg } from './EcoMapSvg.js';
import { MarkLegend } from './MarkLegend.js';
import { markedText, useEcoMap, useResults } from './useEcoMap.js';

/** Until the box is measured (and where nothing is, as in tests): the board item's room at 1920x1080. */
const FALLBACK = { width: 1240, height: 700 };

/** The size of an element's box in CSS pixels, followed as it changes (the map is laid out for exactly that box). */
function useBoxSize<E extends HTMLElement>() {
  const ref = useRef<E>(null);
  const [size, setSize] = useState(FALLBACK);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => {
      const { width, height } = el.getBoundingClientRect();
      if (width > 0 && height > 0) setSize((s) => (Math.abs(s.width - width) < 1 && Math.abs(s.height - height) < 1 ? s : { width: Math.floor(width), height: Math.floor(height) }));
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const watch = new ResizeObserver(measure);
    watch.observe(el);
    return () => watch.disconnect();
  }, []);
  return { ref, size };
}

const VOTE_LINE = {
  setup: 'Setting up the map: propose partners on your phone.',
  open: 'Mark each partner on your phone.',
  closed: 'The vote is closed.',
} as const;

/**
 * The eco-map on the projector: the map fills the item's room (names as large as fits, up to 40 partners without
 * overlap). Before the results: "N have marked" and no colours; after: the marks with counts, and the legend.
 */
export function EcoMapBoard({ item }: ModuleScreenProps) {
  const map = useEcoMap(item.id);
  const results = useResults(map);
  const { ref, size } = useBoxSize<HTMLDivElement>();
  return (
    <div className="ecomap-board-frame">
      <div className="ecomap-board">
        <div className="ecomap-map-box" ref={ref}>
          {results.length === 0 ? <p className="ecomap-board-empty">The partners appear here as the facilitator adds them.</p> : <EcoMapSvg map={map} results={results} {...size} />}
        </div>
        <div className="ecomap-board-side">
          {map.resultsShown ? (
            <>
              <MarkLegend layout="board" />
              <p className="ecomap-board-key">Boxed: the room’s consensus. {MAP_KEY}</p>
            </>
          ) : (
            <p className="ecomap-board-status" role="status">
              {map.vote !== 'setup' && <strong>{markedText(map.markers)}</strong>} {VOTE_LINE[map.vote]}
            </p>
          )}
        </div>
      </div>
    </div>
  );
}
