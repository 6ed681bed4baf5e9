import { useCallback } from 'react';
import type { AgendaItem } from '../../../shared/session/state.js';
import type { CommandInput } from '../../../shared/protocol/commands.js';
import { sendCommand, useSession } from '../../store.js';
import { useFlowItem } from './useFlowItem.js';
import { HiddenNotes } from './HiddenNotes.js';
import { PhaseSteps } from './PhaseSteps.js';
import { PhoneBrainstorm } from './PhoneBrainstorm.js';
import { EntriesBoard } from './EntriesBoard.js';
import { ClusterBoard } from './ClusterBoard.js';
import { VotePanel } from './VotePanel.js';
import { ResultsBoard } from './ResultsBoard.js';
import { PHONE_HINTS, type ColumnDecor } from './model.js';
import { dictGet, dictHas } from '../../../shared/session/dict.js';
import { useSendingNotes } from '../../views/participant/SendingNotes.js';

/** The participant's side of the brainstorm flow, one step at a time. */
export function FlowPhone({ item, decor }: { item: AgendaItem; decor?: ColumnDecor }) {
  const { state, flow, columns, columnNames } = useFlowItem(item);
  const me = useSession((s) => s.participantId);
  const send = useCallback((c: CommandInput) => void sendCommand(c), []);
  const phase = flow.phase;
  const sending = useSendingNotes(item.id);
  const locked = useSession((s) => dictHas(s.state.lockedItems, item.id));
  const all = columns.flatMap((c) => c.entries.flatMap((e) => e.notes));

  return (
    <>
      <section className="phone-card stack flow-phone-step" aria-label="Current step">
        <PhaseSteps phase={phase} compact />
        <p>{PHONE_HINTS[phase]}</p>
      </section>
      {phase === 'brainstorm' && (
        <PhoneBrainstorm
          columnNames={columnNames}
          own={all.filter((n) => me !== null && n.authorId === me)}
          roomCount={all.length}
          sending={sending}
          draftKey={item.id}
          disabledReason={locked ? 'The board is locked: you cannot add notes right now.' : null}
          onPost={(text, column) => send({ type: 'note.add', payload: { itemId: item.id, column, text } })}
        />
      )}
      {phase === 'reveal' && <EntriesBoard columns={columns} groups={flow.groups} me={me} decor={decor} layout="phone" />}
      {phase === 'cluster' && <ClusterBoard columns={columns} groups={flow.groups} me={me} onCommand={send} decor={decor} layout="phone" />}
      {phase === 'vote' && (
        <section className="phone-card" aria-label="Dot vote">
          {me && flow.trimNotices && dictGet(flow.trimNotices, me) && (
            <p role="status" className="notice">
              {dictGet(flow.trimNotices, me)}
            </p>
          )}
          <VotePanel
            columns={columns}
            mine={(me && dictGet(flow.dots, me)) || {}}
            dotsPerPerson={flow.dotsPerPerson}
            maxPerItem={flow.maxPerItem}
            onDot={(target, delta) => send({ type: 'flow.dot', payload: { itemId: item.id, target, delta } })}
          />
        </section>
      )}
      {phase === 'results' && <ResultsBoard columns={columns} layout="phone" decor={decor} />}
      <HiddenNotes state={state} itemId={item.id} />
    </>
  );
}
