import { lazy, Suspense, type FC } from 'react';
import type { ModuleScreenProps, ModuleScreens } from '../types.js';

type Screens = typeof import('./screens.js');

/**
 * A screen loaded when first drawn: the large group's screens (and the report code they use) stay out of the
 * phone's first load, which every phone pays for whether or not the day has work groups.
 */
function later(name: keyof Screens): FC<ModuleScreenProps> {
  const Screen = lazy(() => import('./screens.js').then((m) => ({ default: m[name] })));
  return function LaterScreen(props: ModuleScreenProps) {
    return (
      <Suspense fallback={<p className="muted">Loading…</p>}>
        <Screen {...props} />
      </Suspense>
    );
  };
}

/** The large group's screens: report-out mode, the synthesis, next steps (shared/modules/plenary). */
export const reportOutScreens: ModuleScreens = { name: 'plenary', kind: 'reportout', Console: later('ReportOutConsole'), Phone: later('ReportOutPhone'), Board: later('ReportOutBoard') };
export const synthesisScreens: ModuleScreens = { name: 'plenary', kind: 'synthesis', Console: later('SynthesisConsole'), Phone: later('SynthesisPhone'), Board: later('SynthesisBoard') };
export const nextStepsScreens: ModuleScreens = { name: 'plenary', kind: 'nextsteps', Console: later('NextStepsConsole'), Phone: later('NextStepsPhone'), Board: later('NextStepsBoard') };
