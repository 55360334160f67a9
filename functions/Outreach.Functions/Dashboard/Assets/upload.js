// CSV upload: POST /api/imports as multipart with progress, then the import report inline ("Check without importing"
// sends check=true: the same report, nothing stored). A large file is queued
// (202); the page then polls its report, showing how far the import has got, until it completes. It gives up only when
// the import has not moved for two minutes (a big file on a busy queue takes longer than that in all, and is fine).
// One upload at a time: the buttons stay disabled until its report is in. A refusal that names a field (target)
// marks that field invalid and moves focus to it.

import { upload, getJson, actingOwner, ApiError } from './api.js';
import { setStatus } from './dom.js';
import { renderReport, finished, importingText, failureOf } from './importReport.js';

// The form field each parameter a refusal can name (its target) is entered in.
const fieldOfTarget = {
  file: 'upload-file',
  event: 'upload-event',
  metOn: 'upload-meton',
  dateCulture: 'upload-dateculture',
  charset: 'upload-charset',
  columns: 'upload-columns',
  campaign: 'upload-campaign',
};

export function wireUpload(onImported) {
  const form = document.getElementById('upload-form');
  const progress = document.getElementById('upload-progress');
  const status = document.getElementById('upload-status');
  const report = document.getElementById('upload-report');
  const buttons = [...form.querySelectorAll('button[type=submit]')];
  let busy = false;
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (busy) return;
    busy = true;
    // The submitter's name and value go with the form: "Check without importing" sends check=true (read before the
    // buttons are disabled, since a disabled button sends nothing).
    const data = new FormData(form, event.submitter);
    buttons.forEach((b) => { b.disabled = true; });
    clearInvalid(form);
    const checking = data.get('check') === 'true';
    // Empty optional fields are left out, so the server applies its own defaults.
    for (const [name, value] of [...data]) {
      if (value === '') data.delete(name);
    }
    // A coach acting for a client keeps that client for this upload and its report, whatever is picked meanwhile.
    const owner = actingOwner();
    progress.value = 0;
    report.replaceChildren();
    setStatus(status, 'Uploading…');
    try {
      const answer = await upload('imports', { owner: owner ?? '' }, data, (share) => { progress.value = Math.round(share * 100); });
      const body = answer.status === 202
        ? await finished(answer.body.id, (record) => setStatus(status, importingText(record)), owner)
        : answer.body;
      // Another wait took over, or the coach switched client while the upload ran: its report is not this view's.
      if (body === null || owner !== actingOwner()) return;
      renderReport(report, body, owner);
      if (checking) {
        setStatus(status, 'Checked: nothing was imported.');
      } else if (failureOf(body)) {
        setStatus(status, failureOf(body), true);
      } else {
        setStatus(status, 'Import finished.');
        onImported();
      }
    } catch (error) {
      if (error instanceof ApiError && error.unavailable && !error.problem) {
        setStatus(status, 'Uploading is not available on this server yet.');
      } else if (error instanceof ApiError) {
        setStatus(status, error.message, true);
        markInvalid(error.problem?.target);
      } else {
        throw error;
      }
    } finally {
      busy = false;
      buttons.forEach((b) => { b.disabled = false; });
    }
  });
}

// Fills the campaign picker with the campaigns the owner can enrol into (introduction flows are started otherwise),
// keeping the choice when it is still there. Without the campaigns API the picker offers "import only".
export async function showCampaignChoices() {
  const select = document.getElementById('upload-campaign');
  const chosen = select.value;
  let campaigns = [];
  try {
    campaigns = (await getJson('campaigns')).campaigns.filter((c) => !c.forIntroductions);
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
  }
  select.replaceChildren(new Option('no campaign: import only', ''), ...campaigns.map((c) => new Option(c.name, c.id)));
  select.value = campaigns.some((c) => c.id === chosen) ? chosen : '';
}

function clearInvalid(form) {
  for (const field of form.querySelectorAll('[aria-invalid]')) {
    field.removeAttribute('aria-invalid');
    field.removeAttribute('aria-describedby');
  }
}

function markInvalid(target) {
  const field = document.getElementById(fieldOfTarget[target] ?? '');
  if (!field) return;
  field.setAttribute('aria-invalid', 'true');
  field.setAttribute('aria-describedby', 'upload-status');
  field.focus();
}
