// Loads one section: a 404 or 501 means the server does not offer that feature, which is a quiet note, not an error.

import { ApiError } from './api.js';
import { note, el } from './dom.js';

export async function loadSection(body, load) {
  body.replaceChildren(note('Loading…'));
  try {
    const content = await load();
    body.replaceChildren(...[].concat(content));
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    body.replaceChildren(error.unavailable
      ? note('Not available on this server yet.')
      : el('p', { class: 'status error' }, error.message));
  }
}
