// The coach view: every consenting client's figures side by side (GET /api/metrics?groupBy=owner as a coach),
// and a picker that makes the rest of the page act for one client (?owner=).

import { getJson, actFor } from './api.js';
import { note, table, percent, versusBaseline } from './dom.js';
import { loadSection } from './sections.js';

export function showCoach(account, onClientChosen) {
  const body = document.getElementById('coach-body');
  if (account.kind !== 'coach') {
    body.replaceChildren(note('This view is for coaches: it lists the clients who shared their figures with you.'));
    return Promise.resolve();
  }
  return loadSection(body, async () => {
    const [report, clients] = await Promise.all([
      getJson('metrics', { groupBy: 'owner', owner: '' }),
      getJson('coach/clients'),
    ]);
    fillPicker(clients, onClientChosen);
    if (!report.rows.length) return note('No consenting client has figures in this range.');
    return table(`Clients, ${report.from} to ${report.to}`, ['Client', 'Met', 'Follow-up within 7 days', 'Sent', 'Reply rate', 'Lift over 5 %', 'Reply rate vs 5 %'],
      report.rows.map((r) => [r.groupKey, String(r.contactsMet), percent(r.followUpWithin7Days.rate), String(r.sent),
        percent(r.replyRate.rate), r.replyRate.lift === null ? 'n/a' : `${r.replyRate.lift.toFixed(2)}×`, versusBaseline(r.replyRate.comparison)]));
  });
}

function fillPicker(clients, onClientChosen) {
  const label = document.getElementById('client-label');
  const select = document.getElementById('client-select');
  if (select.options.length === 0) {
    select.append(new Option('All my clients (coach view)', ''), ...clients.map((c) => new Option(c.clientId, c.clientId)));
    select.addEventListener('change', () => {
      actFor(select.value);
      onClientChosen();
    });
  }
  label.hidden = false;
  select.hidden = false;
}
