import fs from 'node:fs';
import path from 'node:path';
import type { AgendaTemplate } from '../shared/protocol/agenda.schema.js';
import { protocol } from '../shared/modules/registry.js';

export interface TemplateLoad {
  templates: AgendaTemplate[];
  /** One line per broken file: which file, which field, what is wrong. */
  errors: string[];
}

/** Reads every `*.json` agenda template in `dir`, validating each; a broken file is reported and skipped. */
export function loadTemplates(dir: string): TemplateLoad {
  const templates: AgendaTemplate[] = [];
  const errors: string[] = [];
  const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort() : [];
  for (const file of files) {
    let raw: unknown;
    try {
      raw = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
    } catch (e) {
      errors.push(`${file}: not valid JSON (${(e as Error).message})`);
      continue;
    }
    const parsed = protocol().AgendaTemplate.safeParse(raw);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
      errors.push(`${file}: ${problems.join('; ')}`);
      continue;
    }
    if (templates.some((t) => t.id === parsed.data.id)) {
      errors.push(`${file}: id: "${parsed.data.id}" is used by another template`);
      continue;
    }
    templates.push(parsed.data);
  }
  return { templates, errors };
}
