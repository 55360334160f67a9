// The queue (GET /api/tasks?order=score) and the LinkedIn tasks to send by hand, each with its draft
// (GET /api/tasks/{id}/draft), a copy button and a done button (POST /api/tasks/{id}/done). Every task in either list
// can be skipped after a confirmation (skip.js); a LinkedIn task is in both, so a skip reloads both. Both come a page at
// a time (paging.js): a class visit or a LinkedIn export easily plans more than one screen of tasks.

import { getJson, postJson, ApiError } from './api.js';
import { el, note, percent, setStatus } from './dom.js';
import { loadSection } from './sections.js';
import { skipControl } from './skip.js';
import { pagedList } from './paging.js';

const openStates = 'planned,queued';
const pageSize = 25;

function when(utc) {
  return utc ? new Date(utc).toLocaleString() : 'not scheduled';
}

function refreshOpenTasks() {
  return Promise.all([showQueue(), showLinkedIn()]);
}

export function showQueue() {
  const status = document.getElementById('queue-status');
  return loadSection(document.getElementById('queue-body'), async () => {
    const next = (continuation) => getJson('tasks', { state: openStates, order: 'score', take: pageSize, continuation });
    const first = await next();
    if (!first.tasks.length) return note('Nothing is queued.');
    const list = el('ol', { class: 'task-list compact', 'aria-label': 'Queue ordered by predicted reply probability' });
    return pagedList(list, first, { render: (t) => queuedTask(t, status), next, pageSize, countId: 'queue-count' });
  });
}

function queuedTask(t, status) {
  return el('li', { 'data-task': t.id },
    el('p', {}, el('span', { class: 'score' }, t.scored ? `${percent(t.score)} likely to reply` : 'Not scored yet'), ` · ${t.contactName || 'contact'} · ${t.stepId || t.template || ''} · ${t.channel} · due ${when(t.dueUtc)}`),
    // Why an unscored note is ranked where it is is said once, above the list (#queue-help).
    t.scored ? el('p', { class: 'note' }, t.scoreExplanation || 'No explanation was stored with this score.') : null,
    el('div', { class: 'session' }, skipControl(t, status, refreshOpenTasks)));
}

async function copy(text, status) {
  try {
    await navigator.clipboard.writeText(text);
    setStatus(status, 'Copied.');
  } catch {
    setStatus(status, 'Select the draft and copy it with Ctrl+C.');
  }
}

function linkedInTask(task, refresh) {
  const status = el('p', { class: 'status', role: 'status', 'aria-live': 'polite' });
  const draftId = `draft-${task.id}`;
  const draftArea = el('div');
  const showDraft = el('button', { type: 'button', class: 'secondary' }, 'Show draft');
  const done = el('button', { type: 'button' }, 'Mark as sent');
  showDraft.addEventListener('click', async () => {
    try {
      const draft = await getJson(`tasks/${encodeURIComponent(task.id)}/draft`);
      const text = el('textarea', { id: draftId, class: 'draft', readonly: true });
      text.value = draft.text;
      const copyButton = el('button', { type: 'button', class: 'secondary' }, 'Copy draft');
      copyButton.addEventListener('click', () => copy(text.value, status));
      draftArea.replaceChildren(el('label', { for: draftId }, `Draft for ${task.contactName || 'this contact'}`), text, copyButton);
      text.focus();
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      setStatus(status, error.unavailable ? 'Drafts are not available on this server yet.' : error.message, !error.unavailable);
    }
  });
  done.addEventListener('click', async () => {
    try {
      await postJson(`tasks/${encodeURIComponent(task.id)}/done`);
      setStatus(status, 'Marked as sent.');
      refresh();
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      setStatus(status, error.unavailable ? 'Marking done is not available on this server yet.' : error.message, !error.unavailable);
    }
  });
  return el('li', { 'data-task': task.id },
    el('p', {}, el('strong', {}, task.contactName || 'Contact'), ` · ${task.stepId || task.template || ''} · due ${when(task.dueUtc)}`),
    el('div', { class: 'session' }, showDraft, done, skipControl(task, document.getElementById('linkedin-status'), refresh)), draftArea, status);
}

export function showLinkedIn() {
  return loadSection(document.getElementById('linkedin-body'), async () => {
    const next = (continuation) => getJson('tasks', { state: openStates, channel: 'linkedin', take: pageSize, continuation });
    const first = await next();
    if (!first.tasks.length) return note('No LinkedIn message is waiting.');
    return pagedList(el('ul', { class: 'task-list' }), first, { render: (t) => linkedInTask(t, refreshOpenTasks), next, pageSize, countId: 'linkedin-count' });
  });
}
