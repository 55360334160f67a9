// The owner's open introductions (GET /api/introductions): requests waiting for B's answer, introductions made and
// not yet closed, and those that stalled, with why in words (a stalled one waits for the introducer, who otherwise
// would not know). Each can be ended here after a confirmation in the row: a request B has not answered is withdrawn
// (POST /api/introductions/{id}/cancel), one that was made is closed as completed (POST /api/introductions/{id}/close,
// which takes no outcome: nothing more is sent, and a nudge still pending is skipped). What happened, or the refusal
// (409: it moved on meanwhile), goes to the section's status line, and the lists are loaded again either way, so they
// show what is true now; focus then moves to that line instead of falling to the top of the page with the row.

import { getJson, postJson, ApiError } from './api.js';
import { el, note, setStatus, table } from './dom.js';
import { loadSection } from './sections.js';

const day = (utc) => (utc ? new Date(utc).toLocaleDateString() : '');

// stalledReason is "<code>" or "<code>: <skip reason>" (IntroductionStallReasons).
export function stallReasonText(reason) {
  const [code, detail] = (reason || '').split(/: (.*)/s);
  const why = detail ? ` (${detail})` : '';
  switch (code) {
    case 'consent-ask-skipped': return `The consent request to the person asked was not sent${why}; answer for them or cancel it.`;
    case 'consent-ask-failed': return 'Sending the consent request to the person asked failed; answer for them or cancel it.';
    case 'consent-ask-missing': return 'The consent request to the person asked could not be planned; answer for them or cancel it.';
    case 'introduction-email-skipped': return `The introduction email was not sent${why}; close it when you are done.`;
    case 'introduction-email-failed': return 'Sending the introduction email failed; close it when you are done.';
    case 'introduction-email-missing': return 'The introduction email could not be planned; close it when you are done.';
    default: return reason || 'Unknown reason.';
  }
}

// A request stalled before B answered still expires at its deadline (the timer closes it then), so the introducer is
// told until when answering for B is possible; one stalled after B's yes waits only for the introducer.
function stalledText(introduction) {
  const why = stallReasonText(introduction.stalledReason);
  return introduction.answer ? why : `${why} It expires on ${day(introduction.expiresUtc)}.`;
}

// Before B answered (waiting, or stalled because the ask never reached B) a request is cancelled; once B said yes the
// introduction was made and is closed. The API refuses the other move from each state.
function endingOf(introduction) {
  const between = `${introduction.personA.name || 'A'} and ${introduction.personB.name || 'B'}`;
  return introduction.answer
    ? {
      label: 'Close', path: 'close', confirmLabel: 'Yes, close it', keepLabel: 'Keep it open', done: 'Closed.',
      question: `Close the introduction of ${between}? It is marked completed and nothing more is sent.`,
    }
    : {
      label: 'Cancel request', path: 'cancel', confirmLabel: 'Yes, cancel it', keepLabel: 'Keep waiting', done: 'Cancelled.',
      question: `Cancel the request to introduce ${between}? The consent request is not sent if it has not gone out yet.`,
    };
}

// The button that ends an introduction, and in its place, once clicked, the question with a keep button (focused
// first, so a repeated key press does not end it) and a confirm button.
function endControl(introduction, status, refresh) {
  const ending = endingOf(introduction);
  const controls = el('div', { class: 'session' });
  const start = el('button', { type: 'button', class: 'secondary' }, ending.label);
  const ask = () => {
    const yes = el('button', { type: 'button' }, ending.confirmLabel);
    const keep = el('button', { type: 'button', class: 'secondary' }, ending.keepLabel);
    keep.addEventListener('click', () => {
      controls.replaceChildren(start);
      start.focus();
    });
    yes.addEventListener('click', async () => {
      yes.disabled = true;
      keep.disabled = true;
      try {
        await postJson(`introductions/${encodeURIComponent(introduction.id)}/${ending.path}`);
        setStatus(status, ending.done);
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        setStatus(status, error.unavailable ? `${ending.label} is not available on this server yet.` : `Not ended: ${error.message}`, !error.unavailable);
      }
      await refresh();
      if (!yes.isConnected || document.activeElement === document.body) {
        status.setAttribute('tabindex', '-1');
        status.focus();
      }
    });
    controls.replaceChildren(el('span', {}, ending.question), yes, keep);
    keep.focus();
  };
  start.addEventListener('click', ask);
  controls.replaceChildren(start);
  return el('div', { 'data-introduction': introduction.id }, controls);
}

export function showIntroductions() {
  const refresh = () => showIntroductions();
  const status = document.getElementById('introductions-status');
  return loadSection(document.getElementById('introductions-body'), async () => {
    const { introductions } = await getJson('introductions', { state: 'awaiting_consent,introduced,nudged,stalled' });
    const inState = (...states) => introductions.filter((i) => states.includes(i.state));
    const [waiting, made, stalled] = [inState('awaiting_consent'), inState('introduced', 'nudged'), inState('stalled')];
    const shown = [waiting.length
      ? table('Pending introductions', ['Introduce', 'To', 'Why', 'Asked', 'Expires', 'End'],
        waiting.map((i) => [i.personA.name, i.personB.name, i.reason || '', day(i.createdUtc), day(i.expiresUtc), endControl(i, status, refresh)]))
      : note('No introduction is waiting.')];
    if (made.length) {
      shown.push(table('Introductions made', ['Introduced', 'To', 'Why', 'Answered', 'Nudge', 'End'],
        made.map((i) => [i.personA.name, i.personB.name, i.reason || '', day(i.answeredUtc),
          i.nudgedUtc ? `sent ${day(i.nudgedUtc)}` : `due ${day(i.nudgeDueUtc)}`, endControl(i, status, refresh)]),
        { 'data-state': 'made' }));
    }

    if (stalled.length) {
      shown.push(table('Stalled introductions', ['Introduce', 'To', 'Why', 'Asked', 'Stalled because', 'End'],
        stalled.map((i) => [i.personA.name, i.personB.name, i.reason || '', day(i.createdUtc), stalledText(i), endControl(i, status, refresh)]),
        { 'data-state': 'stalled' }));
    }

    return shown;
  });
}
