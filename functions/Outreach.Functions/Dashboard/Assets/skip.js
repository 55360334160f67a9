// Skipping a task by hand (POST /api/tasks/{id}/skip): a planned or queued step, a LinkedIn draft, or a failed or
// needs_review email. A skipped step is never sent, so the button asks first, in the page; the answer (or the
// server's refusal: 409 for a task that is being sent right now or has ended) goes to the section's status line, and
// the section is loaded again so it shows what is true now.

import { postJson, ApiError } from './api.js';
import { el, setStatus } from './dom.js';

function nameOf(task) {
  return `${task.contactName || 'this contact'}'s ${task.stepId || task.template || 'step'}`;
}

export function skipControl(task, status, refresh) {
  const skip = el('button', { type: 'button', class: 'secondary' }, 'Skip');
  const yes = el('button', { type: 'button' }, 'Yes, skip');
  const keep = el('button', { type: 'button', class: 'secondary' }, 'Keep it');
  const question = el('span', { class: 'confirm', hidden: true }, el('span', {}, `Skip ${nameOf(task)}? It will not be sent.`), yes, keep);
  skip.addEventListener('click', () => {
    skip.hidden = true;
    question.hidden = false;
    keep.focus();
  });
  keep.addEventListener('click', () => {
    question.hidden = true;
    skip.hidden = false;
    skip.focus();
  });
  yes.addEventListener('click', async () => {
    yes.disabled = true;
    keep.disabled = true;
    try {
      await postJson(`tasks/${encodeURIComponent(task.id)}/skip`);
      setStatus(status, `Skipped ${nameOf(task)}.`);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      setStatus(status, error.unavailable ? 'Skipping is not available on this server yet.' : `Not skipped: ${error.message}`, !error.unavailable);
    }
    await refresh();
    // The task's row is gone (or drawn again): keyboard users land on what happened instead of the top of the page.
    if (!yes.isConnected || document.activeElement === document.body) {
      status.setAttribute('tabindex', '-1');
      status.focus();
    }
  });
  return el('span', { class: 'skip-task' }, skip, question);
}
