// The rates section: four reads of GET /api/metrics (by week, step, template and owner) drawn as charts.

import { getJson, getBlob } from './api.js';
import { followUpChart, replyRateChart, funnelChart, empty } from './charts.js';
import { setStatus } from './dom.js';

const figure = (name) => document.querySelector(`[data-chart="${name}"]`);

function replyGroups(report) {
  return report.rows.filter((r) => r.sent > 0).map((r) => ({
    group: r.groupKey,
    sent: r.sent,
    replies: r.replies,
    rate: r.replyRate.rate,
    low: r.replyRate.interval ? r.replyRate.interval.lower : null,
    high: r.replyRate.interval ? r.replyRate.interval.upper : null,
    lift: r.replyRate.lift,
    comparison: r.replyRate.comparison,
  }));
}

// "2026-W47", as the API keys weeks (ISO 8601: weeks start on Monday; week 1 holds the year's first Thursday).
function isoWeekKey(time) {
  const thursday = new Date(time);
  thursday.setUTCDate(thursday.getUTCDate() + 3 - ((thursday.getUTCDay() + 6) % 7));
  const year = thursday.getUTCFullYear();
  const week = 1 + Math.floor((thursday - Date.UTC(year, 0, 1)) / (7 * 86400000));
  return `${year}-W${String(week).padStart(2, '0')}`;
}

// Every week from `from` to `to` (ISO dates), in order: a week without meetings keeps its place on the time axis.
function weeksBetween(from, to) {
  const keys = [];
  for (let time = Date.parse(from); time <= Date.parse(to); time += 86400000) {
    const key = isoWeekKey(time);
    if (keys[keys.length - 1] !== key) keys.push(key);
  }
  return keys;
}

const charts = ['followup', 'funnel', 'step', 'template'];
const rangeFields = { from: 'range-from', to: 'range-to' };
let latest = 0;

// Draws the rates of the range for the client or cohort the page reads now. A call overtaken by a newer one (another
// range, client or cohort asked for before this one answered) draws nothing and answers null, its refusal included:
// the charts only ever show what the page's pickers say.
export async function showRates(range) {
  const call = ++latest;
  const status = document.getElementById('rates-status');
  const section = document.getElementById('rates');
  setStatus(status, 'Loading rates…');
  section.setAttribute('aria-busy', 'true');
  for (const id of Object.values(rangeFields)) {
    document.getElementById(id).removeAttribute('aria-invalid');
  }
  let weeks, steps, templates, owners;
  try {
    [weeks, steps, templates, owners] = await Promise.all(
      ['week', 'step', 'template', 'owner'].map((groupBy) => getJson('metrics', { groupBy, ...range })));
  } catch (error) {
    if (call !== latest) return null;
    throw error;
  } finally {
    if (call === latest) section.removeAttribute('aria-busy');
  }
  if (call !== latest) return null;

  document.getElementById('range-from').value = weeks.from;
  document.getElementById('range-to').value = weeks.to;
  const baseline = weeks.baseline;

  const byWeek = new Map(weeks.rows.map((r) => [r.groupKey, r]));
  const weekly = weeksBetween(weeks.from, weeks.to).map((week) => {
    const r = byWeek.get(week);
    return r && r.contactsMet > 0
      ? {
        week, met: r.contactsMet, within2: r.followUpWithin2Days.rate, within7: r.followUpWithin7Days.rate,
        followed2: r.followUpWithin2Days.successes, over2: r.followUpWithin2Days.trials,
        followed7: r.followUpWithin7Days.successes, over7: r.followUpWithin7Days.trials, comparison7: r.followUpWithin7Days.comparison,
      }
      : { week, met: 0, within2: null, within7: null, followed2: 0, over2: 0, followed7: 0, over7: 0, comparison7: null };
  });
  if (weekly.some((w) => w.met > 0)) followUpChart(figure('followup'), weekly, baseline); else empty(figure('followup'), 'Nobody was met in this range.');

  for (const [name, report, title] of [['step', steps, 'Reply rate by campaign step'], ['template', templates, 'Reply rate by template']]) {
    const groups = replyGroups(report);
    if (groups.length) replyRateChart(figure(name), title, groups, baseline); else empty(figure(name), 'Nothing was sent in this range.');
  }

  const total = (field) => owners.rows.reduce((sum, r) => sum + r[field], 0);
  const met = total('contactsMet');
  if (met > 0) {
    funnelChart(figure('funnel'), [
      { label: 'Met', value: met },
      { label: 'Followed up', value: total('followedUp') },
      { label: 'Replied', value: total('contactsReplied') },
    ]);
  } else {
    empty(figure('funnel'), 'Nobody was met in this range.');
  }

  setStatus(status, `Showing ${weeks.from} to ${weeks.to}.`);
  return weeks;
}

// The rates could not be read (a bad range, a client who withdrew consent, a server error): the charts of the last
// range or client must not stay on screen under the message as if they answered this request.
export function ratesFailed(message) {
  for (const name of charts) empty(figure(name), 'Not shown: the rates could not be loaded.');
  setStatus(document.getElementById('rates-status'), message, true);
}

// A refusal that names 'from' or 'to' marks that date field and moves focus to it.
export function markRangeInvalid(target) {
  const field = document.getElementById(rangeFields[target] ?? '');
  if (!field) return;
  field.setAttribute('aria-invalid', 'true');
  field.setAttribute('aria-describedby', 'rates-status');
  field.focus();
}

export async function downloadCsv(range) {
  const blob = await getBlob('metrics', { groupBy: 'week', format: 'csv', ...range });
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = `metrics-week-${range.from || 'start'}-${range.to || 'today'}.csv`;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 0);
}
