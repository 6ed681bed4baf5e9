import { useMemo } from 'react';
import { kindOf } from '../../../shared/modules/registry.js';
import { columnsOf } from '../../../shared/modules/registry.js';
import { sendCommand, serverNow, useSession } from '../../store.js';
import { TimerDisplay } from '../../components/TimerDisplay.js';
import { NoteForm } from '../../components/NoteForm.js';
import { ErrorBanner } from '../../components/ErrorBanner.js';
import { ParticipantNotes } from './ParticipantNotes.js';
import { LateInputs } from './LateInputs.js';
import { SharedReportLink } from './SharedReportLink.js';
import { WhoAmI } from './WhoAmI.js';
import { screensOf } from '../../modules/registry.js';
import { CarriedList } from '../../modules/carry/CarriedList.js';
import { ItemContext } from '../../modules/vision/ItemContext.js';
import { takesCarried } from '../../../shared/modules/carry/carry.state.js';
import { dictHas } from '../../../shared/session/dict.js';

/** The joined phone: the current task at the top, the countdown, then posting and reading notes. */
export function ParticipantSession() {
  const title = useSession((s) => s.state.title);
  const item = useSession((s) => s.state.agenda.find((i) => i.id === s.state.currentItemId));
  const timer = useSession((s) => s.state.timer);
  const locked = useSession((s) => (item ? dictHas(s.state.lockedItems, item.id) : false));
  const columns = useMemo(() => (item ? columnsOf(item) : []), [item]);

  if (!item)
    return (
      <section className="stack phone-card">
        <p className="eyebrow">{title}</p>
        <h1>Welcome</h1>
        <WhoAmI />
        <p>The facilitator has not started the first agenda item yet. This page updates by itself.</p>
        <SharedReportLink />
      </section>
    );

  const Module = screensOf(item.moduleType)?.Phone;
  const hasBoard = !Module && kindOf(item.moduleType).hasBoard;
  return (
    <>
      <section className="stack phone-card" aria-labelledby="phone-item-title">
        <p className="eyebrow">{title}</p>
        <h1 id="phone-item-title">{item.title}</h1>
        {item.prompt && <p className="prompt">{item.prompt}</p>}
        {timer.itemId === item.id && <TimerDisplay timer={timer} now={serverNow} size="medium" />}
        <WhoAmI />
      </section>
      <ErrorBanner />
      <SharedReportLink />
      {takesCarried(item) && <CarriedList layout="phone" />}
      <ItemContext item={item} layout="phone" />
      {Module && <Module item={item} />}
      {hasBoard &&
        (locked ? (
          <p className="notice phone-card" role="status">
            The board is locked: you cannot add or change notes right now.
          </p>
        ) : (
          <section className="phone-card" aria-label="Post a note">
            {item.anonymous && <p className="muted">Notes here are anonymous: only you and the facilitator see who wrote yours.</p>}
            <NoteForm
              columns={columns}
              draftKey={item.id}
              onSubmit={(text, column) => void sendCommand({ type: 'note.add', payload: { itemId: item.id, column, text } })}
            />
          </section>
        ))}
      {hasBoard && <ParticipantNotes itemId={item.id} columns={columns} locked={locked} />}
      <LateInputs currentItemId={item.id} />
    </>
  );
}
