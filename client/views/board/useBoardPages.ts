import { useEffect, useLayoutEffect, useState, type RefObject } from 'react';

/** Text sizes the board tries, largest first: the last is the smallest still readable across a room (about 24 px). */
export const FIT_STEPS = [1, 0.93, 0.86] as const;
/** How long one page of the board stays up before the next, unless the facilitator paused paging. */
export const PAGE_SECONDS = 12;

/** A region of the board that pages instead of clipping: a CSS multi-column box of fixed height, one page wide. */
export const PAGES_CLASS = 'board-pages';

const stride = (el: HTMLElement): number => el.clientWidth + (parseFloat(getComputedStyle(el).columnGap) || 0);
/**
 * How many pages one region needs: the columns that overflow it lie to its right, a page apart. The last page may
 * hold one column only, narrower than half a page (the scroll width ends at its right edge): any part of a page is a page.
 */
const pagesOf = (el: HTMLElement): number => Math.max(1, Math.ceil((el.scrollWidth - el.clientWidth - 1) / stride(el)) + 1);
const regions = (root: HTMLElement): HTMLElement[] => [...root.querySelectorAll<HTMLElement>(`.${PAGES_CLASS}`)];
/**
 * Whether one thing in a region that must stay whole (a note, a result) is taller than a page, so it would be cut in
 * two: the text must shrink further. A group or a long text may continue on the next page, its notes and lines whole.
 */
const tooTall = (el: HTMLElement): boolean =>
  [...el.querySelectorAll<HTMLElement>('*')].some((c) => getComputedStyle(c).breakInside === 'avoid' && c.offsetHeight > el.clientHeight + 1);

/**
 * Fits what the board shows: first the text shrinks (`--fit` on the root) down to the readable minimum, then the
 * regions page. Returns the page shown ("1 of 3") and the number of pages; pages turn every PAGE_SECONDS unless
 * paused. `content` changes whenever what is drawn changes, so the fit is measured again.
 */
export function useBoardPages(root: RefObject<HTMLElement | null>, content: unknown, paused: boolean): { page: number; pages: number } {
  const [pages, setPages] = useState(1);
  const [page, setPage] = useState(0);
  const [size, setSize] = useState(0);

  useEffect(() => {
    const onResize = () => setSize((n) => n + 1);
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);

  useLayoutEffect(() => {
    const el = root.current;
    if (!el) return;
    let needed = 1;
    for (const fit of FIT_STEPS) {
      el.style.setProperty('--fit', String(fit));
      const all = regions(el);
      needed = Math.max(1, ...all.map(pagesOf));
      if (needed === 1 && !all.some(tooTall)) break;
    }
    setPages(needed);
  }, [root, content, size]);

  const shown = Math.min(page, pages - 1);
  useLayoutEffect(() => {
    const el = root.current;
    if (!el) return;
    for (const region of regions(el)) region.scrollLeft = Math.min(shown, pagesOf(region) - 1) * stride(region);
  });

  // The projector's own keyboard turns pages too (the facilitator at the board, or a clicker that sends arrows).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'ArrowRight' || e.key === 'PageDown') setPage((p) => (Math.min(p, pages - 1) + 1) % pages);
      if (e.key === 'ArrowLeft' || e.key === 'PageUp') setPage((p) => (Math.min(p, pages - 1) + pages - 1) % pages);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [pages]);

  useEffect(() => {
    if (pages <= 1 || paused) return;
    const t = setInterval(() => setPage((p) => (Math.min(p, pages - 1) + 1) % pages), PAGE_SECONDS * 1000);
    return () => clearInterval(t);
  }, [pages, paused]);

  return { page: shown, pages };
}
