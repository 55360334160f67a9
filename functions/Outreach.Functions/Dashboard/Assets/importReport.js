// An import's report as the page shows it (counts, rejected rows, buttons to download every row's outcome and every
// rejected row as CSV), and the polling that waits for a queued import to finish, showing how far it has got. One
// wait runs at a time: a new one, or a coach switching client, ends the one before. A poll that fails for a passing
// reason (the network, a busy gateway, the rate limit) is tried again, more slowly; any other failure ends the wait.

import { getJson, getBlob, ApiError } from './api.js';
import { el, note, table, setStatus } from './dom.js';

const pollDelayMs = 1000;
const stalledMs = 120_000;
const longestRetryDelayMs = 30_000;
let waiting = 0;

function wait(ms) {
  return new Promise((resolve) => { setTimeout(resolve, ms); });
}

// Shows owner's report (the caller's own when owner is null: a coach's client's while acting for them).
export function renderReport(target, report, owner = null) {
  const counts = report.counts || {};
  target.replaceChildren(
    el('h3', {}, report.status === 'checked'
      ? `Check of ${report.fileName || 'your file'}: what an import would do (nothing imported yet)`
      : `Import of ${report.fileName || 'your file'}: ${report.status}`),
    table('Rows in the file', ['Rows', 'Accepted', 'Merged', 'Already known', 'Rejected'],
      [[counts.rows, counts.accepted, counts.merged, counts.alreadyKnown, counts.rejected].map((n) => String(n ?? 0))],
      { class: 'report-counts' }));
  if (report.message) {
    // What the counts do not say: a file with no rows, rows left unread at the row limit, parts no contact had room for.
    target.append(el('p', { class: 'note report-message' }, report.message));
  }
  const notAdded = partsNotAdded(report);
  if (notAdded.length) {
    // Imported rows with a part their contact did not take (an address of a cell of several that is not valid, notes past
    // the most a contact keeps): named by column and why, never quoted.
    target.append(table('Parts of imported rows that were not added', ['Line', 'Row', 'Column', 'Why'], notAdded, { class: 'report-not-added' }));
  }
  const completed = report.status === 'completed';
  if (completed && counts.rows) {
    // Every row's line, outcome and contact (the record lists the first thousand of each outcome).
    target.append(downloadButton(report, owner, 'rows', 'download-rows', `Download every row's outcome (${counts.rows} rows, CSV)`, `rows-${report.id}.csv`));
  }
  const rejected = report.rejected || [];
  if (rejected.length) {
    // One row a rejected row, with every field it was refused for; a long text is cut (the download has it whole).
    target.append(table('Rejected rows and why', ['Line', 'Problems', 'Text'],
      rejected.map((r) => [
        String(r.line),
        (r.errors || []).map((e) => `${e.field} ${e.reason}`).join('; '),
        `${r.text || ''}${r.textTruncated ? ' … (cut short here)' : ''}`,
      ]), { class: 'report-rejected' }));
    if (completed) {
      // Every rejected row as a CSV in the file's own columns, with the reason in front, to fix and upload again.
      target.append(downloadButton(report, owner, 'rejected', 'download-rejected', `Download the ${counts.rejected} rejected rows to fix (CSV)`, `rejected-rows-${report.id}.csv`));
    }
  } else {
    target.append(note('No row was rejected.'));
  }
  if (report.error) {
    target.append(el('p', { class: 'status error' }, report.error));
  }
}

// Every part of the listed accepted and merged rows that was not added, by line: [line, new or merged, column, why].
function partsNotAdded(report) {
  const rows = [...(report.accepted || []).map((row) => ['new', row]), ...(report.merged || []).map((row) => ['merged', row])];
  return rows
    .flatMap(([outcome, row]) => (row.notAdded || []).map((part) => [row.line, outcome, part.field, part.reason]))
    .sort((a, b) => a[0] - b[0])
    .map(([line, ...rest]) => [String(line), ...rest]);
}

// A button that downloads one of the import's listings (imports/{id}/{listing}) as fileName, for the owner whose report it is.
function downloadButton(report, owner, listing, id, label, fileName) {
  const status = el('span', { class: 'status', role: 'status' });
  const button = el('button', { type: 'button', id }, label);
  button.addEventListener('click', async () => {
    try {
      const blob = await getBlob(`imports/${encodeURIComponent(report.id)}/${listing}`, { owner: owner ?? '' });
      const link = document.createElement('a');
      link.href = URL.createObjectURL(blob);
      link.download = fileName;
      link.click();
      // Revoked once the download has surely started: some browsers (Safari) cancel it if the URL goes at once.
      setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
      setStatus(status, '');
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      setStatus(status, error.message, true);
    }
  });
  return el('p', {}, button, ' ', status);
}

// Why the import failed, or null when it did not.
export function failureOf(report) {
  return report.status === 'failed' ? report.error || 'The import failed.' : null;
}

// What a queued or running import's record says about how far it has got (its progress is written every few seconds):
// rows read, then, once every row is read, the contacts whose meetings are counted and enrolment done.
export function importingText(record) {
  const progress = record?.progress;
  if (!progress) return record?.status === 'running' ? 'Importing…' : 'Queued; the import starts shortly…';
  const rows = `${progress.rowsRead.toLocaleString()} rows read`;
  if (progress.contactsTotal) {
    return `Importing… ${rows}; updating contacts: ${progress.contactsDone.toLocaleString()} of ${progress.contactsTotal.toLocaleString()}`;
  }
  return progress.percent === null || progress.percent === undefined ? `Importing… ${rows}` : `Importing… ${progress.percent} % (${rows})`;
}

// Ends the wait running now, if any: its finished() returns null.
export function stopWaiting() {
  waiting += 1;
}

// A failure worth another try: no answer at all (fetch's TypeError), the rate limit, or the server side.
function isPassing(error) {
  if (error instanceof ApiError) return error.status === 0 || error.status === 429 || error.status >= 500;
  return error instanceof TypeError;
}

// Polls owner's import (the caller's own when owner is null) until it completes or fails, or has shown no progress
// (or could not be reached) for stalledMs; null when another wait took over. onProgress gets each record still under way.
export async function finished(id, onProgress, owner = null) {
  stopWaiting();
  const mine = waiting;
  let last = '';
  let movedAt = Date.now();
  let failures = 0;
  while (Date.now() - movedAt < stalledMs) {
    let report;
    try {
      report = await getJson(`imports/${encodeURIComponent(id)}`, { owner: owner ?? '' });
      failures = 0;
    } catch (error) {
      if (!isPassing(error)) throw error;
      failures += 1;
    }
    if (mine !== waiting) return null;
    if (report && (report.status === 'completed' || report.status === 'failed')) return report;
    if (report) {
      const seen = JSON.stringify([report.status, report.progress]);
      if (seen !== last) {
        last = seen;
        movedAt = Date.now();
      }
      onProgress(report);
    }
    await wait(failures ? Math.min(pollDelayMs * 2 ** failures, longestRetryDelayMs) : pollDelayMs);
    if (mine !== waiting) return null;
  }
  throw new ApiError(0, { title: `The import has not moved, or could not be reached, for two minutes; its report will be at /api/imports/${id} when it completes.` });
}

