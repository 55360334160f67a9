// Introductions waiting for an answer (GET /api/introductions?state=awaiting_consent) and those that stalled
// (?state=stalled), with why in words: a stalled one waits for the introducer, who otherwise would not know.

import { getJson } from './api.js';
import { note, table } from './dom.js';
import { loadSection } from './sections.js';

const day = (utc) => (utc ? new Date(utc).toLocaleDateString() : '');

// stalledReason is "<code>" or "<code>: <skip reason>" (IntroductionStallReasons).
export function stallReasonText(reason) {
  const [code, detail] = (reason || '').split(/: (.*)/s);
  const why = detail ? ` (${detail})` : '';
  switch (code) {
    case 'consent-ask-skipped': return `The consent request to the person asked was not sent${why}; answer for them or cancel it.`;
    case 'consent-ask-failed': return 'Sending the consent request to the person asked failed; answer for them or cancel it.';
    case 'introduction-email-skipped': return `The introduction email was not sent${why}; close it when you are done.`;
    case 'introduction-email-failed': return 'Sending the introduction email failed; close it when you are done.';
    case 'introduction-email-missing': return 'The introduction email was never planned; close it when you are done.';
    default: return reason || 'Unknown reason.';
  }
}

export function showIntroductions() {
  return loadSection(document.getElementById('introductions-body'), async () => {
    const [{ introductions: waiting }, { introductions: stalled }] = await Promise.all([
      getJson('introductions', { state: 'awaiting_consent' }),
      getJson('introductions', { state: 'stalled' }),
    ]);
    const shown = [waiting.length
      ? table('Pending introductions', ['Introduce', 'To', 'Why', 'Asked', 'Expires'],
        waiting.map((i) => [i.personA.name, i.personB.name, i.reason || '', day(i.createdUtc), day(i.expiresUtc)]))
      : note('No introduction is waiting.')];
    if (stalled.length) {
      shown.push(table('Stalled introductions', ['Introduce', 'To', 'Why', 'Asked', 'Stalled because'],
        stalled.map((i) => [i.personA.name, i.personB.name, i.reason || '', day(i.createdUtc), stallReasonText(i.stalledReason)]),
        { 'data-state': 'stalled' }));
    }

    return shown;
  });
}
