// Introductions waiting for an answer (GET /api/introductions?state=awaiting_consent).

import { getJson } from './api.js';
import { note, table } from './dom.js';
import { loadSection } from './sections.js';

export function showIntroductions() {
  return loadSection(document.getElementById('introductions-body'), async () => {
    const { introductions } = await getJson('introductions', { state: 'awaiting_consent' });
    if (!introductions.length) return note('No introduction is waiting.');
    return table('Pending introductions', ['Introduce', 'To', 'Why', 'Asked', 'Expires'],
      introductions.map((i) => [i.personA.name, i.personB.name, i.reason || '', new Date(i.createdUtc).toLocaleDateString(),
        i.expiresUtc ? new Date(i.expiresUtc).toLocaleDateString() : '']));
  });
}
