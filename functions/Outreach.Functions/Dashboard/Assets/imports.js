// Recent imports (GET /api/imports): each upload with its status and counts, and a button that shows its report
// (waiting for it when it is still queued or running), so a report stays at hand after the page was closed. A failed
// import that can be run again from the file it kept (retryable) has a Retry button too, in the owner's own view only
// (retrying is the owner's: a coach acting for a client uploads again): the page then waits for its report as for an upload.

import { getJson, sendJson, actingOwner, ApiError } from './api.js';
import { el, note, table, setStatus } from './dom.js';
import { loadSection } from './sections.js';
import { renderReport, finished, importingText, failureOf } from './importReport.js';

const shown = 10;
let afterRetry = async () => {};

// What to reload once a retried import has ended (the sections an import changes, this list among them).
export function wireRetry(onImported) {
  afterRetry = onImported;
}

async function showReport(id) {
  const status = document.getElementById('upload-status');
  const target = document.getElementById('upload-report');
  target.replaceChildren();
  const owner = actingOwner();
  try {
    // A finished import answers on the first poll; one still running shows how far it has got until it ends.
    const report = await finished(id, (record) => setStatus(status, importingText(record)), owner);
    if (report === null) return; // another wait took over
    renderReport(target, report, owner);
    const failure = failureOf(report);
    setStatus(status, failure ?? '', failure !== null);
    target.querySelector('h3')?.setAttribute('tabindex', '-1');
    target.querySelector('h3')?.focus();
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    setStatus(status, error.message, true);
  }
}

function reportButton(item) {
  // The accessible name starts with the visible text, so "click Show report" works for voice control too.
  const button = el('button', { type: 'button', class: 'secondary', 'aria-label': `Show report: ${item.fileName}` }, 'Show report');
  button.addEventListener('click', () => showReport(item.id));
  return button;
}

async function retry(item, button) {
  const status = document.getElementById('upload-status');
  const target = document.getElementById('upload-report');
  button.disabled = true;
  target.replaceChildren();
  setStatus(status, `Retrying ${item.fileName}…`);
  try {
    await sendJson('POST', `imports/${encodeURIComponent(item.id)}/retry`);
    const report = await finished(item.id, (record) => setStatus(status, importingText(record)));
    if (report === null) return; // another wait took over
    renderReport(target, report);
    const failure = failureOf(report);
    setStatus(status, failure ?? 'Import finished.', failure !== null);
    target.querySelector('h3')?.setAttribute('tabindex', '-1');
    target.querySelector('h3')?.focus();
    await afterRetry();
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    // Refused (409 saying why: under way, its file at fault, the owner busy) or cut short: the button stays to try again.
    setStatus(status, error.message, true);
    button.disabled = false;
  }
}

function retryButton(item) {
  const button = el('button', { type: 'button', class: 'secondary', 'aria-label': `Retry: ${item.fileName}` }, 'Retry');
  button.addEventListener('click', () => retry(item, button));
  return button;
}

function actions(item) {
  return item.retryable && actingOwner() === null ? el('span', {}, reportButton(item), ' ', retryButton(item)) : reportButton(item);
}

function importsTable(imports) {
  return table('Your last uploads, newest first', ['File', 'Uploaded', 'Status', 'Rows', 'Accepted', 'Merged', 'Rejected', 'Report'],
    imports.map((i) => [
      i.fileName,
      new Date(i.createdUtc).toLocaleString(),
      i.status,
      ...[i.counts?.rows, i.counts?.accepted, i.counts?.merged, i.counts?.rejected].map((n) => String(n ?? 0)),
      actions(i),
    ]));
}

export function showImports() {
  return loadSection(document.getElementById('imports-body'), async () => {
    const { imports } = await getJson('imports');
    if (!imports.length) return note('No file uploaded yet.');
    const first = importsTable(imports.slice(0, shown));
    if (imports.length <= shown) return first;
    // The API lists the last 100; the page shows the newest few until asked for the rest.
    const more = el('button', { type: 'button', class: 'secondary' }, `Show all ${imports.length} uploads`);
    more.addEventListener('click', () => {
      const all = importsTable(imports);
      first.replaceWith(all);
      more.remove();
      all.querySelector('tbody tr:nth-child(' + (shown + 1) + ') button')?.focus();
    });
    return [first, more];
  });
}
