// "File a client under a cohort": PUT /api/coach/clients/{clientId}/cohort with the name typed (empty: no cohort). The
// name field offers the coach's existing cohorts, and shows what the chosen client is filed under now. A name the server
// refuses marks the field (aria-invalid) with the server's reason beside it.

import { sendJson, ApiError } from './api.js';
import { setStatus } from './dom.js';

let filed = new Map();
let labels = new Map();

const form = () => document.getElementById('cohort-form');
const clientField = () => document.getElementById('cohort-client');
const nameField = () => document.getElementById('cohort-name');
const status = () => document.getElementById('cohort-status');

function markInvalid(invalid) {
  if (invalid) {
    nameField().setAttribute('aria-invalid', 'true');
    nameField().focus();
  } else {
    nameField().removeAttribute('aria-invalid');
  }
}

function showFiled() {
  nameField().value = filed.get(clientField().value) ?? '';
}

/**
 * Lists the roster's clients by name (`clientLabels`: id to the text shown; keeping the one chosen) and the coach's
 * cohorts; the form shows once anyone consented.
 */
export function fillCohortForm(clients, cohorts, clientLabels) {
  const chosen = clientField().value;
  filed = new Map(clients.map((c) => [c.clientId, c.cohort ?? '']));
  labels = clientLabels;
  clientField().replaceChildren(...clients.map((c) => new Option(labels.get(c.clientId), c.clientId)));
  document.getElementById('cohort-names').replaceChildren(...cohorts.map((name) => new Option(name)));
  if (filed.has(chosen)) {
    clientField().value = chosen;
  } else {
    showFiled();
  }
  form().hidden = clients.length === 0;
}

/** Files the chosen client on submit, then calls onSaved() so the view shows the filing. */
export function wireCohortForm(onSaved) {
  clientField().addEventListener('change', () => {
    markInvalid(false);
    setStatus(status(), '');
    showFiled();
  });
  form().addEventListener('submit', async (event) => {
    event.preventDefault();
    const clientId = clientField().value;
    const name = labels.get(clientId) ?? clientId;
    setStatus(status(), 'Saving…');
    try {
      const entry = await sendJson('PUT', `coach/clients/${encodeURIComponent(clientId)}/cohort`, { cohort: nameField().value }, { owner: '' });
      markInvalid(false);
      nameField().value = entry.cohort ?? '';
      setStatus(status(), entry.cohort ? `Saved: ${name} is filed under ${entry.cohort}.` : `Saved: ${name} is in no cohort now.`);
      await onSaved();
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      markInvalid(error.problem?.target === 'cohort');
      if (error.status === 404) {
        setStatus(status(), `${name} no longer shares their figures with you, so they cannot be filed.`, true);
        await onSaved();
      } else {
        setStatus(status(), error.message, true);
      }
    }
  });
}
