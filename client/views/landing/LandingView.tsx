import { useEffect, useState } from 'react';
import { navigate } from '../../router.js';
import { createSession, fetchTemplates, type CreateBody, type TemplateSummary } from './api.js';
import { CreateSessionForm } from './CreateSessionForm.js';
import { JoinCodeForm } from './JoinCodeForm.js';
import { TemplateBrowser } from './TemplateBrowser.js';
import { YourTemplates } from './YourTemplates.js';

export function LandingView() {
  const [templates, setTemplates] = useState<TemplateSummary[]>([]);
  const [templatesError, setTemplatesError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    fetchTemplates()
      .then((t) => live && setTemplates(t))
      .catch((e: unknown) => live && setTemplatesError(e instanceof Error ? e.message : String(e)));
    return () => {
      live = false;
    };
  }, []);

  const create = async (body: CreateBody) => {
    const created = await createSession(body);
    const url = new URL(created.facilitatorUrl, window.location.origin);
    navigate(url.pathname + url.hash);
  };

  return (
    <main className="page landing">
      <header>
        <h1>Facilitation toolkit</h1>
        <p className="muted">Run a live workshop: agenda, shared timer, note boards on every phone and the projector.</p>
      </header>
      <YourTemplates onStart={(templateId, templateKey) => create({ templateId, templateKey })} />
      <TemplateBrowser templates={templates} error={templatesError} onStart={(templateId, rehearsal) => create(rehearsal ? { templateId, rehearsal } : { templateId })} />
      <div className="landing-grid">
        <CreateSessionForm templates={templates} templatesError={templatesError} onCreate={create} />
        <JoinCodeForm onJoin={(code) => navigate(`/join/${code}`)} />
      </div>
    </main>
  );
}
