import type { LateInput } from '../../shared/session/module.js';
import type { ModuleType, SessionState } from '../../shared/session/state.js';
import type { ModuleScreens } from './types.js';
import { flowScreens } from './flow/index.js';
import { swotScreens } from './swot/index.js';
import { crosswalkScreens, visionScreens } from './vision/index.js';
import { themesScreens, workgroupsScreens } from './workgroup/index.js';
import { nextStepsScreens, reportOutScreens, synthesisScreens } from './plenary/index.js';
import { valuesScreens } from './values/index.js';
import { ecomapScreens } from './ecomap/index.js';
import './modules.css';

/**
 * The screens of the modules that have their own UI, one line each (the client side of shared/modules/registry.ts).
 * A view asks `screensOf(item.moduleType)` and draws the module's Console, Phone or Board; kinds without screens
 * (presentation, discussion, note board) get the generic note board.
 */
export const MODULE_SCREENS: readonly ModuleScreens[] = [
  flowScreens,
  swotScreens,
  visionScreens,
  crosswalkScreens,
  themesScreens,
  workgroupsScreens,
  reportOutScreens,
  synthesisScreens,
  nextStepsScreens,
  valuesScreens,
  ecomapScreens,
];

export const screensOf = (type: ModuleType): ModuleScreens | undefined => MODULE_SCREENS.find((m) => m.kind === type);

/** The console's button that accepts a late input: a note's, or in the words of the module that owns it. */
export function acceptLateLabel(input: LateInput): string {
  if (input.type === 'note.add') return 'Add to board';
  if (input.type === 'note.edit') return 'Apply edit';
  return MODULE_SCREENS.map((m) => m.acceptLate?.[input.type]).find((label) => label !== undefined) ?? 'Accept';
}

/** A module's late input in words, by the module that owns it (null when none describes it). */
export const describeLateInput = (state: SessionState, input: LateInput): string | null =>
  MODULE_SCREENS.reduce<string | null>((found, m) => found ?? m.describeLate?.(state, input) ?? null, null);
