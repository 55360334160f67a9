// The dashboard's entry point: asks for the API key, then loads every section. Nothing here is inline in the page,
// because the app's Content-Security-Policy allows scripts and styles from its own origin only.

import { storedKey, storeKey, forgetKey, getJson, ApiError } from './api.js';
import { setStatus } from './dom.js';
import { showRates, ratesFailed, markRangeInvalid, downloadCsv } from './rates.js';
import { wireUpload, showCampaignChoices } from './upload.js';
import { stopWaiting } from './importReport.js';
import { showImports, wireRetry } from './imports.js';
import { showQueue, showLinkedIn } from './tasks.js';
import { showAttention } from './attention.js';
import { showIntroductions } from './introductions.js';
import { showCoach, refreshCoach } from './coach.js';
import { showModel } from './model.js';
import { showMailboxIfOpen, wireMailbox } from './mailbox.js';

const keyForm = document.getElementById('key-form');
const keyStatus = document.getElementById('key-status');
const main = document.getElementById('main');
let account = null;

function range() {
  return { from: document.getElementById('range-from').value, to: document.getElementById('range-to').value };
}

async function loadRates() {
  try {
    await showRates(range());
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    ratesFailed(error.status === 404 ? 'No rates to show: this account or client was not found (a client may have withdrawn consent).'
      : error.status === 501 ? 'Rates are not available on this server yet.' : error.message);
    markRangeInvalid(error.problem?.target);
  }
}

async function loadClientSections() {
  await Promise.all([loadRates(), showImports(), showCampaignChoices(), showAttention(), showQueue(), showLinkedIn(), showIntroductions(), showMailboxIfOpen(), showModel()]);
}

// A coach picked another client: what the page showed or awaited for the last one goes.
function switchClient() {
  stopWaiting();
  document.getElementById('upload-report').replaceChildren();
  for (const id of ['upload-status', 'mailbox-status', 'attention-status', 'queue-status', 'linkedin-status', 'introductions-status']) {
    setStatus(document.getElementById(id), '');
  }
  return loadClientSections();
}

async function open() {
  setStatus(keyStatus, 'Checking the key…');
  try {
    account = await getJson('account');
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    forgetKey();
    setStatus(keyStatus, error.status === 401 ? 'That key was not accepted. Check it and try again.' : error.message, true);
    return;
  }
  keyForm.hidden = true;
  document.getElementById('session').hidden = false;
  document.getElementById('who').textContent = `Signed in as ${account.name} (${account.kind}).`;
  document.getElementById('sections-nav').hidden = false;
  main.hidden = false;
  setStatus(keyStatus, '');
  await Promise.all([loadClientSections(), showCoach(account, { range, clientChosen: switchClient, cohortChosen: loadRates })]);
  main.dataset.loaded = 'true';
  main.focus();
}

keyForm.addEventListener('submit', (event) => {
  event.preventDefault();
  const input = document.getElementById('api-key');
  storeKey(input.value.trim());
  input.value = '';
  open();
});

document.getElementById('forget-key').addEventListener('click', () => {
  forgetKey();
  window.location.reload();
});

// A new range redraws the coach's tables too: the charts and the tables beside them describe the same days.
document.getElementById('range-form').addEventListener('submit', (event) => {
  event.preventDefault();
  loadRates();
  refreshCoach();
});

document.getElementById('csv-link').addEventListener('click', async (event) => {
  event.preventDefault();
  try {
    await downloadCsv(range());
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    setStatus(document.getElementById('rates-status'), error.message, true);
    markRangeInvalid(error.problem?.target);
  }
});

wireUpload(loadClientSections);
wireRetry(loadClientSections);
wireMailbox();

if (storedKey()) {
  open();
}
