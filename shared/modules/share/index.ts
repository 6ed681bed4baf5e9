import { defineModule } from '../../session/module.js';
import type { ShareCommand, ShareEvent } from './share.events.js';
import { applyShare, decideShare } from './share.logic.js';
import { SHARE } from './share.state.js';

/** Sharing a report with the room: phones get a download button, the board a QR code. Possible after the end too. */
export const shareModule = defineModule<ShareCommand, ShareEvent>({
  name: SHARE,
  // Loaded on demand: the schemas (zod) stay out of the phone's first load.
  commands: async () => (await import('./share.commands.js')).SHARE_COMMANDS,
  facilitatorOnly: ['report.share', 'report.unshare'],
  afterEnd: ['report.share', 'report.unshare'],
  apply: applyShare,
  decide: (s, _actor, cmd, ctx) => decideShare(s, cmd, ctx),
});
