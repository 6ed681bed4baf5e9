import type { Page } from 'playwright-core';

/**
 * Every element of the board that is cut off: outside the viewport, partly outside an ancestor that clips
 * (overflow other than visible), or itself hiding content (its scroll size larger than its box, as text cut by an
 * ellipsis or a line clamp is). An element wholly outside a `.board-pages` region is on another page, not cut.
 * Returns one line per element ("li.board-note "Court backlog…": cut by div.board-item").
 */
export async function cutOffElements(page: Page, root = '.board'): Promise<string[]> {
  return page.evaluate((rootSelector) => {
    const SLACK = 1;
    const name = (el: Element) => `${el.tagName.toLowerCase()}${el.classList.length ? `.${[...el.classList].join('.')}` : ''}`;
    const say = (el: Element) => `${name(el)} "${(el.textContent ?? '').trim().slice(0, 40)}"`;
    const clips = (el: Element) => getComputedStyle(el).overflowX !== 'visible' || getComputedStyle(el).overflowY !== 'visible';
    const inside = (a: DOMRect, b: DOMRect) =>
      a.left >= b.left - SLACK && a.top >= b.top - SLACK && a.right <= b.right + SLACK && a.bottom <= b.bottom + SLACK;
    const apart = (a: DOMRect, b: DOMRect) => a.right <= b.left + SLACK || a.left >= b.right - SLACK || a.bottom <= b.top + SLACK || a.top >= b.bottom - SLACK;
    const rootEl = document.querySelector(rootSelector);
    if (!rootEl) return [`no ${rootSelector} on the page`];
    const view = new DOMRect(0, 0, window.innerWidth, window.innerHeight);
    const problems: string[] = [];
    const check = (el: Element, r: DOMRect) => {
      // On another page of a paged region: not shown now, shown on its page.
      let paged = false;
      let cut: Element | null = null;
      for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
        if (!clips(a)) continue;
        const box = a.getBoundingClientRect();
        if (inside(r, box)) continue;
        if (a.classList.contains('board-pages') && apart(r, box)) {
          paged = true;
          break;
        }
        cut = a;
        break;
      }
      if (paged) return;
      if (cut) problems.push(`${say(el)}: cut by ${name(cut)}`);
      else if (!inside(r, view)) problems.push(`${say(el)}: outside the screen`);
      else if (clips(el) && el.tagName !== 'svg' && el.tagName !== 'IMG') {
        // A paged region scrolls sideways on purpose; anything else hiding content cuts it.
        const sideways = el.classList.contains('board-pages');
        if (el.scrollHeight > el.clientHeight + SLACK || (!sideways && el.scrollWidth > el.clientWidth + SLACK))
          problems.push(`${say(el)}: hides part of its content`);
      }
    };
    for (const el of [rootEl, ...rootEl.querySelectorAll('*')]) {
      const style = getComputedStyle(el);
      if (style.visibility === 'hidden' || el.closest('.visually-hidden')) continue;
      // A group or a text that continues on the next page is in pieces, each on its own page: each piece is checked.
      for (const r of el.getClientRects()) if (r.width > 0 && r.height > 0) check(el, r);
    }
    return problems;
  }, root);
}

/** The texts of the elements matching `selector` shown whole on the board right now (not on another page). */
export async function wholeTexts(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((sel) => {
    const texts: string[] = [];
    for (const el of document.querySelectorAll(sel)) {
      const r = el.getBoundingClientRect();
      const region = el.closest('.board-pages')?.getBoundingClientRect();
      const whole = !region || (r.left >= region.left - 1 && r.right <= region.right + 1 && r.top >= region.top - 1 && r.bottom <= region.bottom + 1);
      if (whole && r.width > 0) texts.push((el.textContent ?? '').trim());
    }
    return texts;
  }, selector);
}
