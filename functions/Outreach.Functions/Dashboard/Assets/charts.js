// Hand-drawn SVG charts. Each chart is an <svg role="img"> with a title and a text summary, every data mark carries
// its value in data-value (tests and assistive tools can read it), and the same figures follow in a table.

import { el, table, percent, versusBaseline } from './dom.js';

const svgNs = 'http://www.w3.org/2000/svg';
const width = 480;
const height = 240;
const margin = { top: 16, right: 24, bottom: 44, left: 48 };
const plotWidth = width - margin.left - margin.right;
const plotHeight = height - margin.top - margin.bottom;
let chartCount = 0;

function svg(tag, attributes = {}, ...children) {
  const node = document.createElementNS(svgNs, tag);
  for (const [name, value] of Object.entries(attributes)) {
    node.setAttribute(name, String(value));
  }
  node.append(...children);
  return node;
}

function canvas(title, summary) {
  chartCount += 1;
  const titleId = `chart-title-${chartCount}`;
  const descId = `chart-desc-${chartCount}`;
  return svg('svg', {
    viewBox: `0 0 ${width} ${height}`,
    role: 'img',
    'aria-labelledby': `${titleId} ${descId}`,
  }, svg('title', { id: titleId }, title), svg('desc', { id: descId }, summary));
}

// A rate axis from 0 to a round top that always leaves the 5 % baseline visible.
function rateScale(values, baseline) {
  const highest = Math.max(baseline * 2, ...values.filter((v) => v !== null && v !== undefined));
  const top = Math.min(1, Math.ceil(highest * 10) / 10);
  return { top, y: (rate) => margin.top + plotHeight - (rate / top) * plotHeight };
}

function rateAxis(chart, scale) {
  chart.append(
    svg('line', { class: 'axis', x1: margin.left, y1: margin.top, x2: margin.left, y2: margin.top + plotHeight }),
    svg('line', { class: 'axis', x1: margin.left, y1: margin.top + plotHeight, x2: margin.left + plotWidth, y2: margin.top + plotHeight }));
  for (const tick of [0, scale.top / 2, scale.top]) {
    chart.append(svg('text', { x: margin.left - 6, y: scale.y(tick) + 4, 'text-anchor': 'end' }, `${Math.round(tick * 100)} %`));
  }
}

function baselineLine(chart, scale, baseline) {
  const y = scale.y(baseline);
  chart.append(
    svg('line', { class: 'baseline', 'data-baseline': baseline, x1: margin.left, y1: y, x2: margin.left + plotWidth, y2: y }),
    svg('text', { class: 'legend-baseline', x: margin.left + plotWidth, y: y - 4, 'text-anchor': 'end' }, `baseline ${percent(baseline)}`));
}

function xLabel(chart, x, text) {
  chart.append(svg('text', { x, y: margin.top + plotHeight + 16, 'text-anchor': 'middle' }, text));
}

function render(figure, chart, dataTable) {
  figure.querySelectorAll('svg, details, .note').forEach((node) => node.remove());
  figure.append(chart, el('details', {}, el('summary', {}, 'Show the figures as a table'), dataTable));
}

export function empty(figure, text) {
  figure.querySelectorAll('svg, details, .note').forEach((node) => node.remove());
  figure.append(el('p', { class: 'note' }, text));
}

/** Follow-up rate per week: one line per window, and the baseline. */
export function followUpChart(figure, weeks, baseline) {
  const values = weeks.flatMap((w) => [w.within2, w.within7]);
  const scale = rateScale(values, baseline);
  const step = weeks.length > 1 ? plotWidth / (weeks.length - 1) : 0;
  const x = (i) => margin.left + (weeks.length > 1 ? i * step : plotWidth / 2);
  const summary = weeks.filter((w) => w.met > 0)
    .map((w) => `${w.week}: ${percent(w.within2)} within 2 days of ${w.over2}, ${percent(w.within7)} within 7 days of ${w.over7} met long enough ago`).join('; ');
  const chart = canvas('Follow-up rate by week', `${summary}. Baseline ${percent(baseline)}.`);
  rateAxis(chart, scale);
  baselineLine(chart, scale, baseline);
  for (const [key, cls] of [['within7', '7d'], ['within2', '2d']]) {
    const all = weeks.map((w, i) => ({ x: x(i), rate: w[key], week: w.week }));
    // A week without meetings has no rate: the line breaks there instead of joining weeks across it.
    const runs = [];
    all.forEach((p, i) => {
      if (p.rate === null) return;
      if (i === 0 || all[i - 1].rate === null) runs.push([]);
      runs[runs.length - 1].push(p);
    });
    for (const run of runs.filter((r) => r.length > 1)) {
      chart.append(svg('polyline', { class: `series-${cls}`, points: run.map((p) => `${p.x},${scale.y(p.rate)}`).join(' ') }));
    }
    for (const p of all.filter((point) => point.rate !== null)) {
      chart.append(svg('circle', { class: `datum point-${cls}`, cx: p.x, cy: scale.y(p.rate), r: 4, 'data-value': p.rate, 'data-label': `${p.week} ${cls}` }));
    }
  }
  const every = Math.max(1, Math.ceil(weeks.length / 6));
  // "2026-W47" is labelled "W47": the full key is in the table and the summary.
  weeks.forEach((w, i) => { if (i % every === 0) xLabel(chart, x(i), w.week.slice(5)); });
  chart.append(
    svg('text', { x: margin.left, y: height - 6 }, '— within 2 days   ··· within 7 days   - - baseline'));
  // A rate counts the meetings whose 2 or 7 days are over; a recent meeting can still be followed up in time.
  const counted = (rate, followed, over, met) => (met === 0 ? percent(rate)
    : over === 0 ? 'still open'
      : `${percent(rate)} (${followed} of ${over}${over < met ? `; ${met - over} still open` : ''})`);
  render(figure, chart, table('Follow-up rate by week', ['Week', 'Met', 'Within 2 days', 'Within 7 days', '7 days vs 5 %'],
    weeks.map((w) => [w.week, String(w.met), counted(w.within2, w.followed2, w.over2, w.met), counted(w.within7, w.followed7, w.over7, w.met),
      versusBaseline(w.comparison7)])));
}

/** Reply rate per group as bars with their Wilson 95 % intervals, and the baseline. */
export function replyRateChart(figure, title, groups, baseline) {
  const scale = rateScale(groups.flatMap((g) => [g.rate, g.high]), baseline);
  const slot = plotWidth / Math.max(1, groups.length);
  const barWidth = Math.min(48, slot * 0.6);
  const summary = groups.map((g) => `${g.group}: ${percent(g.rate)} of ${g.sent} sent, ${versusBaseline(g.comparison).toLowerCase()}`).join('; ');
  const chart = canvas(title, `${summary}. Baseline ${percent(baseline)}.`);
  rateAxis(chart, scale);
  groups.forEach((g, i) => {
    const centre = margin.left + slot * i + slot / 2;
    const top = scale.y(g.rate);
    chart.append(svg('rect', {
      class: 'datum bar', x: centre - barWidth / 2, y: top, width: barWidth, height: margin.top + plotHeight - top,
      'data-value': g.rate, 'data-label': g.group,
    }));
    if (g.low !== null && g.high !== null) {
      chart.append(svg('line', { class: 'whisker', x1: centre, x2: centre, y1: scale.y(g.low), y2: scale.y(g.high) }));
    }
    xLabel(chart, centre, g.group.length > 14 ? `${g.group.slice(0, 13)}…` : g.group);
  });
  baselineLine(chart, scale, baseline);
  render(figure, chart, table(title, ['Group', 'Sent', 'Replies', 'Reply rate', '95 % interval', 'Lift over 5 %', 'vs 5 %'],
    groups.map((g) => [g.group, String(g.sent), String(g.replies), percent(g.rate),
      g.low === null ? 'n/a' : `${percent(g.low)} – ${percent(g.high)}`, g.lift === null ? 'n/a' : `${g.lift.toFixed(2)}×`,
      versusBaseline(g.comparison)])));
}

/** Met → followed up → replied as horizontal bars scaled to the number met. */
export function funnelChart(figure, stages) {
  const most = Math.max(1, ...stages.map((s) => s.value));
  const rowHeight = plotHeight / stages.length;
  const labelWidth = 110;
  const summary = stages.map((s) => `${s.label}: ${s.value}`).join(', ');
  const chart = canvas('Funnel', summary);
  stages.forEach((s, i) => {
    const y = margin.top + rowHeight * i + rowHeight * 0.15;
    const barWidth = ((width - labelWidth - margin.right - 60) * s.value) / most;
    chart.append(
      svg('text', { x: labelWidth - 8, y: y + rowHeight * 0.45, 'text-anchor': 'end' }, s.label),
      svg('rect', { class: 'datum bar', x: labelWidth, y, width: Math.max(barWidth, 1), height: rowHeight * 0.6, 'data-value': s.value, 'data-label': s.label }),
      svg('text', { x: labelWidth + Math.max(barWidth, 1) + 6, y: y + rowHeight * 0.45 }, String(s.value)));
  });
  render(figure, chart, table('Funnel', ['Stage', 'Contacts', 'Share of met'],
    stages.map((s) => [s.label, String(s.value), percent(stages[0].value ? s.value / stages[0].value : null)])));
}
