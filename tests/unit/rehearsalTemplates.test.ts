import { describe, expect, it } from 'vitest';
import { templateItems } from '../../server/http.js';
import { loadTemplates } from '../../server/templates.js';
import { loadProtocol } from '../../shared/modules/registry.js';
import { SHIPPED_TEMPLATES } from '../support/harness.js';
import { producedTexts, unfinished, WITHOUT_TEXT } from '../support/rehearsalEnd.js';
import { rehearseModel } from '../support/rehearsalModel.js';

/** The room the issue asks every template to be rehearsed with. */
const ROOM = Array.from({ length: 20 }, (_, i) => `sim${i + 1}`);
await loadProtocol();
const shipped = loadTemplates(SHIPPED_TEMPLATES).templates;

describe('every template in sessions/ rehearses with 20 simulated participants', () => {
  it.each(shipped.map((t) => [t.id, t] as const))('%s: every item ends with the room’s content, none is empty', async (_id, template) => {
    const { m, refusals } = await rehearseModel(templateItems(template), ROOM, template.id.length);
    expect(refusals).toEqual([]);
    expect(m.state.agenda.flatMap((item) => unfinished(m.state, item, ROOM))).toEqual([]);
    for (const item of m.state.agenda.filter((i) => !WITHOUT_TEXT.has(i.moduleType)))
      expect(producedTexts(m.state, item).length, `${item.moduleType} "${item.title}" has content`).toBeGreaterThan(0);
  });
});
