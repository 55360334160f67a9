// The coach view: every consenting client side by side with the cohort the coach files them under and their figures
// (GET /api/coach/clients, GET /api/metrics?groupBy=owner as a coach), the cohorts side by side (groupBy=cohort) once
// anyone is filed, and a form to file a client (cohortForm.js). Two exclusive pickers in the header: a client makes the
// rest of the page act for that client (?owner=), a cohort narrows every metrics call of the page to it (?cohort=).
// The view reads the range the rates section shows, so its tables and the charts describe the same days. Clients are
// shown by the name their account gives (clientLabels), not by account id.

import { getJson, actFor, actingOwner, narrowToCohort, narrowedCohort } from './api.js';
import { note, table, percent, versusBaseline } from './dom.js';
import { loadSection } from './sections.js';
import { fillCohortForm, wireCohortForm } from './cohortForm.js';
import { clientLabels } from './clientLabels.js';

const noCohort = '(none)';
let hooks = null;

/**
 * Shows the coach view (a note for anyone else). `pageHooks`: range() gives the page's {from, to}; clientChosen()
 * reloads the client sections for the client now acted for; cohortChosen() reloads the rates for the cohort now chosen.
 */
export function showCoach(account, pageHooks) {
  const body = document.getElementById('coach-body');
  if (account.kind !== 'coach') {
    body.replaceChildren(note('This view is for coaches: it lists the clients who shared their figures with you.'));
    return Promise.resolve();
  }
  if (!hooks) {
    hooks = pageHooks;
    wirePickers();
    wireCohortForm(refreshCoach);
  }
  return refreshCoach();
}

/** Reads the roster and the figures again (after a filing, a new range or another cohort). */
export async function refreshCoach() {
  if (!hooks) return;
  await loadSection(document.getElementById('coach-body'), async () => {
    const clients = await getJson('coach/clients', { owner: '' });
    const cohorts = [...new Set(clients.map((c) => c.cohort).filter(Boolean))].sort((a, b) => a.localeCompare(b));
    // The cohort the page was narrowed to has nobody left in it: the page goes back to all clients.
    if (narrowedCohort() && !cohorts.includes(narrowedCohort())) {
      narrowToCohort(null);
      hooks.cohortChosen();
    }
    const labels = clientLabels(clients);
    fillPickers(clients, cohorts, labels);
    fillCohortForm(clients, cohorts, labels);
    if (!clients.length) return note('No client has consented to share their figures with you yet.');

    const range = hooks.range();
    const [owners, byCohort] = await Promise.all([
      getJson('metrics', { groupBy: 'owner', owner: '', ...range }),
      cohorts.length ? getJson('metrics', { groupBy: 'cohort', owner: '', cohort: '', ...range }) : null,
    ]);
    const shown = narrowedCohort() ? clients.filter((c) => c.cohort === narrowedCohort()) : clients;
    const tables = [clientTable(owners, shown, labels)];
    if (byCohort) tables.push(cohortTable(byCohort, clients));
    return tables;
  });
}

const figureHeaders = ['Met', 'Follow-up within 7 days', 'Sent', 'Reply rate', 'Lift over 5 %', 'Reply rate vs 5 %'];

// A client or cohort without figures in the range is still listed: the coach files and follows people, not rows.
function figures(row) {
  return row
    ? [String(row.contactsMet), percent(row.followUpWithin7Days.rate), String(row.sent), percent(row.replyRate.rate),
      row.replyRate.lift === null ? 'n/a' : `${row.replyRate.lift.toFixed(2)}×`, versusBaseline(row.replyRate.comparison)]
    : ['0', 'n/a', '0', 'n/a', 'n/a', 'n/a'];
}

// A client whose consent leaves out reads has figures the coach cannot see (nor are they in any total): the row says
// so rather than showing zeros as if the client had met nobody.
const sharesFigures = (client) => (client.scopes ?? []).includes('read');
const notShared = figureHeaders.map(() => 'not shared');

function clientTable(report, clients, labels) {
  const rows = new Map(report.rows.map((r) => [r.groupKey, r]));
  const caption = `Clients${narrowedCohort() ? ` in ${narrowedCohort()}` : ''}, ${report.from} to ${report.to}`;
  return table(caption, ['Client', 'Cohort', ...figureHeaders],
    clients.map((c) => [labels.get(c.clientId), c.cohort ?? 'none', ...(sharesFigures(c) ? figures(rows.get(c.clientId)) : notShared)]),
    { class: 'coach-clients' });
}

function cohortTable(report, clients) {
  const rows = new Map(report.rows.map((r) => [r.groupKey, r]));
  const sizes = new Map();
  for (const c of clients.filter(sharesFigures)) sizes.set(c.cohort ?? noCohort, (sizes.get(c.cohort ?? noCohort) ?? 0) + 1);
  const names = [...sizes.keys()].filter((n) => n !== noCohort).sort((a, b) => a.localeCompare(b));
  if (sizes.has(noCohort)) names.push(noCohort);
  return table(`Cohorts, ${report.from} to ${report.to}`, ['Cohort', 'Clients', ...figureHeaders],
    names.map((n) => [n === noCohort ? 'No cohort' : n, String(sizes.get(n)), ...figures(rows.get(n))]), { class: 'coach-cohorts' });
}

function options(select, first, values, current, labels = null) {
  // A value the list no longer holds (a client who withdrew) stays shown as chosen rather than silently changing.
  const all = current && !values.includes(current) ? [...values, current] : values;
  select.replaceChildren(new Option(first, ''), ...all.map((v) => new Option(labels?.get(v) ?? v, v)));
  select.value = current ?? '';
}

function fillPickers(clients, cohorts, labels) {
  options(document.getElementById('client-select'), 'All my clients (coach view)', clients.map((c) => c.clientId), actingOwner(), labels);
  options(document.getElementById('cohort-select'), 'All cohorts', cohorts, narrowedCohort());
  for (const id of ['client-label', 'client-select']) document.getElementById(id).hidden = false;
  for (const id of ['cohort-label', 'cohort-select']) document.getElementById(id).hidden = cohorts.length === 0 && !narrowedCohort();
}

// The pickers are exclusive: choosing a client clears the cohort, choosing a cohort acts for nobody but the coach.
function wirePickers() {
  const clientSelect = document.getElementById('client-select');
  const cohortSelect = document.getElementById('cohort-select');
  clientSelect.addEventListener('change', () => {
    const wasNarrowed = narrowedCohort() !== null;
    narrowToCohort(null);
    cohortSelect.value = '';
    actFor(clientSelect.value);
    hooks.clientChosen();
    if (wasNarrowed) refreshCoach();
  });
  cohortSelect.addEventListener('change', () => {
    narrowToCohort(cohortSelect.value);
    if (actingOwner() !== null) {
      actFor(null);
      clientSelect.value = '';
      hooks.clientChosen();
    } else {
      hooks.cohortChosen();
    }
    refreshCoach();
  });
}
