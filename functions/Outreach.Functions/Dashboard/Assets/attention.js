// Email tasks that need the owner: failed ones (GET /api/tasks?state=failed) and those whose send could not be
// confirmed (needs_review: the server's answer was lost after the message was handed over, so it may have gone out).
// Each can be sent again (POST /api/tasks/{id}/requeue), marked sent when the owner finds it in their Sent folder
// (POST /api/tasks/{id}/done, needs_review only) or skipped after a confirmation (skip.js). They come a page at a time
// (paging.js).

import { getJson, postJson, ApiError } from './api.js';
import { el, note, setStatus } from './dom.js';
import { pagedList } from './paging.js';
import { loadSection } from './sections.js';
import { showQueue } from './tasks.js';
import { skipControl } from './skip.js';

const attentionStates = 'failed,needs_review';
const pageSize = 50;

function what(task) {
  return task.state === 'needs_review'
    ? 'Not confirmed: the mail server\'s answer was lost, so it may have gone out. Check your Sent folder.'
    : 'Not sent.';
}

function when(task) {
  return task.claimedUtc ? `tried ${new Date(task.claimedUtc).toLocaleString()}` : `due ${new Date(task.dueUtc).toLocaleString()}`;
}

function action(label, path, done, status, refresh, secondary = true) {
  const button = el('button', { type: 'button', class: secondary ? 'secondary' : undefined }, label);
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      await postJson(path);
      setStatus(status, done);
      refresh();
    } catch (error) {
      button.disabled = false;
      if (!(error instanceof ApiError)) throw error;
      setStatus(status, error.unavailable ? `${label} is not available on this server yet.` : error.message, !error.unavailable);
    }
  });
  return button;
}

function attentionTask(task, refresh) {
  const status = el('p', { class: 'status', role: 'status', 'aria-live': 'polite' });
  const base = `tasks/${encodeURIComponent(task.id)}`;
  const buttons = [action('Send again', `${base}/requeue`, 'Queued to send again.', status, refresh, false)];
  if (task.state === 'needs_review') {
    buttons.push(action('It was sent', `${base}/done`, 'Marked as sent.', status, refresh));
  }
  buttons.push(skipControl(task, document.getElementById('attention-status'), refresh));
  return el('li', { 'data-task': task.id, 'data-state': task.state },
    el('p', {}, el('strong', {}, task.contactName || 'Contact'), ` · ${task.stepId || task.template || ''} · ${when(task)}`),
    el('p', { class: 'note' }, what(task), task.failureReason ? ` Why: ${task.failureReason}` : ''),
    el('div', { class: 'session' }, ...buttons), status);
}

function page(continuation) {
  return getJson('tasks', { state: attentionStates, channel: 'email', take: pageSize, continuation });
}

export function showAttention() {
  // Sending again puts the task back in today's queue; both lists change.
  const refresh = () => Promise.all([showAttention(), showQueue()]);
  return loadSection(document.getElementById('attention-body'), async () => {
    const first = await page();
    if (!first.tasks.length) return note('Nothing needs your attention.');
    const list = el('ul', { class: 'task-list', 'aria-label': 'Emails that failed or may not have gone out' });
    return pagedList(list, first, { render: (t) => attentionTask(t, refresh), next: page, pageSize, countId: 'attention-count' });
  });
}
