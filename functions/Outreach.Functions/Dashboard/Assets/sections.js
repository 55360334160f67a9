// Loads one section: a 404 or 501 means the server does not offer that feature, which is a quiet note, not an error.

import { ApiError } from './api.js';
import { note, el } from './dom.js';

// A section loaded again before its last load answered (a coach switching client or cohort twice) shows the newer
// answer only: the older one, however late it arrives, never replaces it.

const latest = new WeakMap();

export async function loadSection(body, load) {
  const call = (latest.get(body) ?? 0) + 1;
  latest.set(body, call);
  body.replaceChildren(note('Loading…'));
  try {
    const content = await load();
    if (latest.get(body) !== call) return;
    body.replaceChildren(...[].concat(content));
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    if (latest.get(body) !== call) return;
    body.replaceChildren(error.unavailable
      ? note('Not available on this server yet.')
      : el('p', { class: 'status error' }, error.message));
  }
}
