// The owner's open introductions (GET /api/introductions): requests waiting for B's answer, introductions made and
// not yet closed, and those that stalled, with why in words (a stalled one waits for the introducer, who otherwise
// would not know). Each can be ended here after a confirmation in the row: a request B has not answered is withdrawn
// (POST /api/introductions/{id}/cancel), one that was made is closed as completed (POST /api/introductions/{id}/close,
// which takes no outcome: nothing more is sent, and a nudge still pending is skipped). What happened, or the refusal
// (409: it moved on meanwhile), goes to the section's status line, and the lists are loaded again either way, so they
// show what is true now; focus then moves to that line instead of falling to the top of the page with the row. Before B
// answered, the introducer may also record B's answer here, and every row says who confirmed A's agreement and when.

import { getJson, postJson, actingOwner, ApiError } from './api.js';
import { el, note, setStatus, table } from './dom.js';
import { loadSection } from './sections.js';

const day = (utc) => (utc ? new Date(utc).toLocaleDateString() : '');

// stalledReason is "<code>" or "<code>: <skip reason>" (IntroductionStallReasons).
export function stallReasonText(reason) {
  const [code, detail] = (reason || '').split(/: (.*)/s);
  const why = detail ? ` (${detail})` : '';
  switch (code) {
    case 'consent-ask-skipped': return `The consent request to the person asked was not sent${why}; record their answer or cancel it.`;
    case 'consent-ask-failed': return 'Sending the consent request to the person asked failed; record their answer or cancel it.';
    case 'consent-ask-missing': return 'The consent request to the person asked could not be planned; record their answer or cancel it.';
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
function endAction(introduction) {
  const between = `${introduction.personA.name || 'A'} and ${introduction.personB.name || 'B'}`;
  return introduction.answer
    ? {
      label: 'Close', keepLabel: 'Keep it open', failed: 'Not ended',
      question: `Close the introduction of ${between}? It is marked completed and nothing more is sent.`,
      confirms: [{ label: 'Yes, close it', path: 'close', done: 'Closed.' }],
    }
    : {
      label: 'Cancel request', keepLabel: 'Keep waiting', failed: 'Not ended',
      question: `Cancel the request to introduce ${between}? The consent request is not sent if it has not gone out yet.`,
      confirms: [{ label: 'Yes, cancel it', path: 'cancel', done: 'Cancelled.' }],
    };
}

// Before B answered, the introducer may record the answer B gave them another way, by phone or in a reply
// (POST /api/introductions/{id}/answer): that is how a request whose consent ask never reached B goes on. A yes sends the
// introduction email to both, so the row asks first and says so. A coach acting for a client is not offered it: B's
// answer is the introducer's own to record, and the API refuses anyone else (403).
function answerAction(introduction) {
  const [a, b] = [introduction.personA.name || 'A', introduction.personB.name || 'B'];
  return {
    label: `Record ${b}'s answer`, keepLabel: 'Keep waiting', failed: 'Not recorded',
    question: `Record the answer ${b} gave you about meeting ${a}? Only if ${b} told you so: a yes sends the introduction email to both of them.`,
    confirms: [
      { label: `${b} said yes`, path: 'answer', body: { answer: 'yes' }, done: `Recorded: ${b} said yes.` },
      { label: `${b} said no`, path: 'answer', body: { answer: 'no' }, done: `Recorded: ${b} said no. Nobody is told.` },
    ],
  };
}

function actionsOf(introduction) {
  return introduction.answer || actingOwner() !== null ? [endAction(introduction)] : [answerAction(introduction), endAction(introduction)];
}

// The row's buttons, and in their place, once one is clicked, its question with a keep button (focused first, so a
// repeated key press does not act) and the button (or buttons) that confirm it.
function rowControl(introduction, status, refresh) {
  const controls = el('div', { class: 'session' });
  let starts = [];
  const ask = (action, start) => {
    const keep = el('button', { type: 'button', class: 'secondary' }, action.keepLabel);
    const confirms = action.confirms.map((confirm) => {
      const button = el('button', { type: 'button' }, confirm.label);
      button.addEventListener('click', async () => {
        for (const b of [...confirms, keep]) b.disabled = true;
        try {
          await postJson(`introductions/${encodeURIComponent(introduction.id)}/${confirm.path}`, confirm.body);
          setStatus(status, confirm.done);
        } catch (error) {
          if (!(error instanceof ApiError)) throw error;
          setStatus(status, error.unavailable ? `${action.label} is not available on this server yet.` : `${action.failed}: ${error.message}`, !error.unavailable);
        }
        await refresh();
        if (!button.isConnected || document.activeElement === document.body) {
          status.setAttribute('tabindex', '-1');
          status.focus();
        }
      });
      return button;
    });
    keep.addEventListener('click', () => {
      controls.replaceChildren(...starts);
      start.focus();
    });
    controls.replaceChildren(el('span', {}, action.question), ...confirms, keep);
    keep.focus();
  };
  starts = actionsOf(introduction).map((action) => {
    const start = el('button', { type: 'button', class: 'secondary' }, action.label);
    start.addEventListener('click', () => ask(action, start));
    return start;
  });
  controls.replaceChildren(...starts);
  return el('div', { 'data-introduction': introduction.id }, controls);
}

// Who vouched that A asked for or agreed to the introduction, and when (A is never asked by mail): the account's
// display name, or its id when the account is gone.
function personAConsentText(introduction) {
  const consent = introduction.personAConsent;
  return consent ? `Confirmed ${day(consent.confirmedUtc)} by ${consent.confirmedByName || consent.confirmedBy}` : 'Not recorded';
}

// When B answered, and whether B did it through the link or the introducer recorded it (named as above).
function answeredText(introduction) {
  const by = introduction.answerRecordedBy;
  const how = by === 'consent-link' ? ' by the link' : (by ? `, recorded by ${introduction.answerRecordedByName || by}` : '');
  return `${day(introduction.answeredUtc)}${how}`;
}

export function showIntroductions() {
  const refresh = () => showIntroductions();
  const status = document.getElementById('introductions-status');
  return loadSection(document.getElementById('introductions-body'), async () => {
    const { introductions } = await getJson('introductions', { state: 'awaiting_consent,introduced,nudged,stalled' });
    const inState = (...states) => introductions.filter((i) => states.includes(i.state));
    const [waiting, made, stalled] = [inState('awaiting_consent'), inState('introduced', 'nudged'), inState('stalled')];
    const shown = [waiting.length
      ? table('Pending introductions', ['Introduce', 'To', 'Why', 'A agreed', 'Asked', 'Expires', 'Answer or end'],
        waiting.map((i) => [i.personA.name, i.personB.name, i.reason || '', personAConsentText(i), day(i.createdUtc), day(i.expiresUtc),
          rowControl(i, status, refresh)]))
      : note('No introduction is waiting.')];
    if (made.length) {
      shown.push(table('Introductions made', ['Introduced', 'To', 'Why', 'A agreed', 'Answered', 'Nudge', 'End'],
        made.map((i) => [i.personA.name, i.personB.name, i.reason || '', personAConsentText(i), answeredText(i),
          i.nudgedUtc ? `sent ${day(i.nudgedUtc)}` : `due ${day(i.nudgeDueUtc)}`, rowControl(i, status, refresh)]),
        { 'data-state': 'made' }));
    }

    if (stalled.length) {
      shown.push(table('Stalled introductions', ['Introduce', 'To', 'Why', 'A agreed', 'Asked', 'Stalled because', 'Answer or end'],
        stalled.map((i) => [i.personA.name, i.personB.name, i.reason || '', personAConsentText(i), day(i.createdUtc), stalledText(i),
          rowControl(i, status, refresh)]),
        { 'data-state': 'stalled' }));
    }

    return shown;
  });
}
