// CSV upload: POST /api/imports as multipart with progress, then the import report inline. A large file is queued
// (202); the page then polls its report, showing how far the import has got, until it completes, for at most a minute.

import { upload, getJson, getBlob, ApiError } from './api.js';
import { el, note, table, setStatus } from './dom.js';

const pollDelayMs = 1000;
const pollAttempts = 60;

function wait(ms) {
  return new Promise((resolve) => { setTimeout(resolve, ms); });
}

function renderReport(target, report) {
  const counts = report.counts || {};
  target.replaceChildren(
    el('h3', {}, `Import of ${report.fileName || 'your file'}: ${report.status}`),
    table('Rows in the file', ['Rows', 'Accepted', 'Merged', 'Already known', 'Rejected'],
      [[counts.rows, counts.accepted, counts.merged, counts.alreadyKnown, counts.rejected].map((n) => String(n ?? 0))]));
  const rejected = report.rejected || [];
  if (rejected.length) {
    target.append(table('Rejected rows and why', ['Line', 'Field', 'Reason', 'Text'],
      rejected.map((r) => [String(r.line), r.field || '', r.reason || '', r.text || ''])));
    if (report.status === 'completed') {
      target.append(downloadButton(report, counts.rejected));
    }
  } else {
    target.append(note('No row was rejected.'));
  }
  if (report.error) {
    target.append(el('p', { class: 'status error' }, report.error));
  }
}

// Every rejected row (the report lists the first thousand) as a CSV in the file's own columns, with the reason in
// front, to fix and upload again.
function downloadButton(report, count) {
  const status = el('span', { class: 'status', role: 'status' });
  const button = el('button', { type: 'button', id: 'download-rejected' }, `Download the ${count} rejected rows to fix (CSV)`);
  button.addEventListener('click', async () => {
    try {
      const blob = await getBlob(`imports/${encodeURIComponent(report.id)}/rejected`);
      const link = document.createElement('a');
      link.href = URL.createObjectURL(blob);
      link.download = `rejected-rows-${report.id}.csv`;
      link.click();
      setTimeout(() => URL.revokeObjectURL(link.href), 0);
      setStatus(status, '');
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      setStatus(status, error.message, true);
    }
  });
  return el('p', {}, button, ' ', status);
}

// A queued import's record carries its progress while it runs.
function importingText(progress) {
  if (!progress) return 'Queued; the import starts shortly…';
  const rows = `${progress.rowsRead.toLocaleString()} rows read`;
  return progress.percent === null || progress.percent === undefined ? `Importing… ${rows}` : `Importing… ${progress.percent} % (${rows})`;
}

async function finished(id, onProgress) {
  for (let attempt = 0; attempt < pollAttempts; attempt += 1) {
    const report = await getJson(`imports/${encodeURIComponent(id)}`);
    if (report.status === 'completed' || report.status === 'failed') return report;
    onProgress(report.progress);
    await wait(pollDelayMs);
  }
  throw new ApiError(0, { title: 'The import is still running; its report will be ready later.' });
}

export function wireUpload(onImported) {
  const form = document.getElementById('upload-form');
  const progress = document.getElementById('upload-progress');
  const status = document.getElementById('upload-status');
  const report = document.getElementById('upload-report');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const data = new FormData(form);
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
      setStatus(status, 'Import finished.');
      onImported();
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
