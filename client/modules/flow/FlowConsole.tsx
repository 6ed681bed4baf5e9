import { useCallback, useMemo } from 'react';
import type { AgendaItem } from '../../../shared/session/state.js';
import type { CommandInput } from '../../../shared/protocol/commands.js';
import { tallyDots } from '../../../shared/modules/flow/flow.logic.js';
import { PHASE_LABELS } from '../../../shared/modules/flow/flow.state.js';
import { sendCommand, useSession } from '../../store.js';
import { NoteForm } from '../../components/NoteForm.js';
import { useFlowItem } from './useFlowItem.js';
import { PhaseBar } from './PhaseBar.js';
import { VoteSettings } from './VoteSettings.js';
import { EntriesBoard } from './EntriesBoard.js';
import { ClusterBoard } from './ClusterBoard.js';
import { ProxyDots } from './ProxyDots.js';
import { ResultsBoard } from './ResultsBoard.js';
import { plural, type ColumnDecor } from './model.js';
import { dictGet, dictHas } from '../../../shared/session/dict.js';
import { SpotlightButton } from '../spotlight/SpotlightButton.js';
import type { RankedEntry } from '../../../shared/modules/flow/flow.results.js';
import { ModerateList, ModerateNote } from './ModerateNote.js';
import { HiddenNotes } from './HiddenNotes.js';
import { dotOrder, dotsOverLimits } from '../../../shared/modules/flow/flow.trim.js';

/** The facilitator's side of the brainstorm flow: step control, vote settings, and the step's own view. */
export function FlowConsole({ item, decor, heading = 'Brainstorm' }: { item: AgendaItem; decor?: ColumnDecor; heading?: string }) {
  const { state, flow, columns, columnNames } = useFlowItem(item);
  const send = useCallback((c: CommandInput) => void sendCommand(c), []);
  const totals = useMemo(() => tallyDots(flow), [flow]);
  const voters = Object.values(flow.dots).filter((d) => Object.values(d).some((n) => n > 0)).length;
  const noteCount = columns.reduce((n, c) => n + c.entries.reduce((m, e) => m + e.notes.length, 0), 0);
  const phase = flow.phase;
  const locked = useSession((s) => dictHas(s.state.lockedItems, item.id));
  const spotlight = (e: RankedEntry) => <SpotlightButton target={{ itemId: item.id, ...e.target }} label={e.label} />;

  return (
    <section className="card stack flow-console" aria-labelledby={`flow-${item.id}-heading`}>
      <div className="section-head">
        <h2 id={`flow-${item.id}-heading`}>
          {heading}: {PHASE_LABELS[phase]} <span className="muted">({plural(noteCount, 'note')}{locked ? ', locked' : ''})</span>
        </h2>
        {/* Closing input without moving on: what arrives from phones after this waits as late input. */}
        <button type="button" aria-pressed={locked} onClick={() => send({ type: 'board.lock', payload: { itemId: item.id, locked: !locked } })}>
          {locked ? 'Unlock board' : 'Lock board'}
        </button>
      </div>
      <PhaseBar
        phase={phase}
        dotsPlaced={Object.values(totals).reduce((a, b) => a + b, 0)}
        onAdvance={(to, dots) => send({ type: 'flow.advance', payload: { itemId: item.id, to, ...(dots ? { dots } : {}) } })}
      />
      {phase !== 'results' && (
        <VoteSettings
          dotsPerPerson={flow.dotsPerPerson}
          maxPerItem={flow.maxPerItem}
          affected={(d, max) => Object.keys(flow.dots).filter((voter) => dotsOverLimits(dotOrder(flow, voter), d, max).length > 0).length}
          onSave={(dotsPerPerson, maxPerItem, trim) =>
            send({ type: 'flow.configure', payload: { itemId: item.id, dotsPerPerson, maxPerItem, ...(trim ? { trim } : {}) } })
          }
        />
      )}
      {(phase === 'brainstorm' || phase === 'reveal') && (
        <>
          {phase === 'brainstorm' && <p className="muted">Participants see only their own notes until you reveal. You see all of them.</p>}
          <EntriesBoard
            columns={columns}
            groups={flow.groups}
            decor={decor}
            layout="console"
            badge={phase === 'reveal' ? spotlight : undefined}
            noteControls={(n) => <ModerateNote note={n} canHide={phase === 'brainstorm'} />}
          />
          <details>
            <summary>Add a note for the room</summary>
            <NoteForm columns={columnNames} onSubmit={(text, column) => send({ type: 'note.add', payload: { itemId: item.id, column, text } })} />
          </details>
        </>
      )}
      {phase === 'cluster' && <ClusterBoard columns={columns} groups={flow.groups} me={null} onCommand={send} decor={decor} layout="console" moderate />}
      {phase === 'vote' && (
        <>
          <p role="status">
            <strong>{plural(voters, 'person has', 'people have')} voted</strong> ·{' '}
            {plural(Object.values(totals).reduce((a, b) => a + b, 0), 'dot')} placed. Live totals are yours only until the results.
          </p>
          <EntriesBoard
            columns={columns}
            groups={flow.groups}
            decor={decor}
            layout="console"
            badge={(e) => (
              <>
                <span className="dot-badge">{plural(dictGet(totals, e.key) ?? 0, 'dot')}</span>
                {spotlight(e)}
              </>
            )}
            noteControls={(n) => <ModerateNote note={n} />}
          />
          <ProxyDots
            columns={columns}
            dots={flow.dots}
            dotsPerPerson={flow.dotsPerPerson}
            maxPerItem={flow.maxPerItem}
            onDot={(target, delta, onBehalfOf) => send({ type: 'flow.dot', payload: { itemId: item.id, target, delta, onBehalfOf } })}
          />
        </>
      )}
      {phase === 'results' && (
        <ResultsBoard
          columns={columns}
          layout="console"
          decor={decor}
          onCarry={(target, carried) => send({ type: 'flow.carry', payload: { itemId: item.id, target, carried } })}
          extra={spotlight}
        />
      )}
      {(phase === 'cluster' || phase === 'results') && (
        <ModerateList
          notes={columns.flatMap((c) => c.entries.flatMap((e) => e.notes))}
          summary={phase === 'cluster' ? 'Remove a note for good' : 'Edit or delete a note'}
        />
      )}
      <HiddenNotes state={state} itemId={item.id} console={{ phase, onCommand: send }} />
    </section>
  );
}
