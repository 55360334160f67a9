// "Your mailbox (SMTP)": the owner's own SMTP account (PUT|DELETE /api/sender/smtp, POST /api/sender/smtp/test).
// The password field is never filled from the server (it never sends the password back) and is cleared after a save.
// It loads when opened, not with the page: an owner without a sender profile would otherwise get a 404 on every load.

import { getJson, sendJson, ApiError } from './api.js';
import { setStatus } from './dom.js';

const fields = ['host', 'port', 'userName', 'password', 'startTls'];

function input(name) {
  return document.querySelector(`#mailbox-form [name="${name}"]`);
}

function account() {
  return {
    host: input('host').value.trim(),
    port: Number.parseInt(input('port').value, 10) || null,
    userName: input('userName').value.trim(),
    password: input('password').value,
    startTls: input('startTls').checked,
  };
}

function describe(smtp) {
  return smtp
    ? `Notes go out through your own mailbox: ${smtp.host}:${smtp.port} as ${smtp.userName}${smtp.startTls ? ', with STARTTLS' : ', without TLS'}${smtp.passwordSet ? ' (password set)' : ''}.`
    : "Notes go out through this deployment's mail server. Set your own mailbox to send from it.";
}

function markInvalid(target) {
  for (const name of fields) {
    input(name).removeAttribute('aria-invalid');
  }
  if (target && fields.includes(target)) {
    input(target).setAttribute('aria-invalid', 'true');
    input(target).focus();
  }
}

function refused(status, error) {
  if (!(error instanceof ApiError)) throw error;
  markInvalid(error.problem?.target);
  setStatus(status, error.message, true);
}

function fill(smtp) {
  input('host').value = smtp?.host ?? '';
  input('port').value = smtp?.port ?? 587;
  input('userName').value = smtp?.userName ?? '';
  input('password').value = '';
  input('startTls').checked = smtp?.startTls ?? true;
  document.getElementById('mailbox-current').textContent = describe(smtp);
}

/** Loads the stored account into the form (never its password). */
export async function showMailbox() {
  const status = document.getElementById('mailbox-status');
  markInvalid(null);
  try {
    const sender = await getJson('sender');
    fill(sender.smtp);
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    fill(null);
    if (error.status === 404) {
      document.getElementById('mailbox-current').textContent = 'Set up your sender profile (PUT /api/sender) first, then your mailbox.';
    } else {
      setStatus(status, error.message, true);
    }
  }
}

/** Loads the form again when it is open (after a coach switched client); a closed one loads when opened. */
export function showMailboxIfOpen() {
  return document.getElementById('mailbox-details').open ? showMailbox() : Promise.resolve();
}

export function wireMailbox() {
  document.getElementById('mailbox-details').addEventListener('toggle', (event) => {
    if (event.target.open) showMailbox();
  });
  const form = document.getElementById('mailbox-form');
  const status = document.getElementById('mailbox-status');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    setStatus(status, 'Saving…');
    try {
      const sender = await sendJson('PUT', 'sender/smtp', account());
      fill(sender.smtp);
      markInvalid(null);
      setStatus(status, `Saved: your notes now go out through ${sender.smtp.host}.`);
    } catch (error) {
      refused(status, error);
    }
  });
  document.getElementById('mailbox-test').addEventListener('click', async () => {
    // With a password typed, the form's account is tested as it stands; without one, the stored account.
    const typed = input('password').value !== '';
    setStatus(status, 'Logging in to the mail server…');
    try {
      const result = await sendJson('POST', 'sender/smtp/test', typed ? account() : null);
      markInvalid(null);
      setStatus(status, `Logged in to ${result.host}: ${result.passed.join(', ')} worked. Nothing was sent.`);
    } catch (error) {
      refused(status, error);
    }
  });
  document.getElementById('mailbox-remove').addEventListener('click', async () => {
    setStatus(status, 'Removing…');
    try {
      const sender = await sendJson('DELETE', 'sender/smtp');
      fill(sender.smtp);
      markInvalid(null);
      setStatus(status, "Removed: your notes go out through this deployment's mail server again.");
    } catch (error) {
      refused(status, error);
    }
  });
}
