// CSV upload: POST /api/imports as multipart with progress, then the import report inline ("Check without importing"
// sends check=true: the same report, nothing stored). A large file is queued
// (202); the page then polls its report, showing how far the import has got, until it completes. It gives up only when
// the import has not moved for two minutes (a big file on a busy queue takes longer than that in all, and is fine).

import { upload, ApiError } from './api.js';
import { setStatus } from './dom.js';
import { renderReport, finished, importingText } from './importReport.js';

export function wireUpload(onImported) {
  const form = document.getElementById('upload-form');
  const progress = document.getElementById('upload-progress');
  const status = document.getElementById('upload-status');
  const report = document.getElementById('upload-report');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    // The submitter's name and value go with the form: "Check without importing" sends check=true.
    const data = new FormData(form, event.submitter);
    const checking = data.get('check') === 'true';
    // Empty optional fields are left out, so the server applies its own defaults.
    for (const [name, value] of [...data]) {
      if (value === '') data.delete(name);
    }
    progress.value = 0;
    report.replaceChildren();
    setStatus(status, 'Uploading…');
    try {
      const answer = await upload('imports', {}, data, (share) => { progress.value = Math.round(share * 100); });
      const body = answer.status === 202
        ? await finished(answer.body.id, (p) => setStatus(status, importingText(p)))
        : answer.body;
      renderReport(report, body);
      if (checking) {
        setStatus(status, 'Checked: nothing was imported.');
      } else {
        setStatus(status, 'Import finished.');
        onImported();
      }
    } catch (error) {
      if (error instanceof ApiError && error.unavailable) {
        setStatus(status, 'Uploading is not available on this server yet.');
      } else if (error instanceof ApiError) {
        setStatus(status, error.message, true);
      } else {
        throw error;
      }
    }
  });
}
