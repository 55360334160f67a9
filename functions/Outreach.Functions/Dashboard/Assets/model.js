// The response model that ranks the queue (GET /api/model): which model it is, how it did against the 5 % baseline on
// sends it never learnt from, and how it ranked the student's own outreaches. Figures pooled over other owners come only
// where the server shows them; the reason it gives stands in their place otherwise. The last nightly retraining says
// what it did, so a student whose queue is still ranked by the starting model reads why.

import { getJson } from './api.js';
import { el, note } from './dom.js';
import { loadSection } from './sections.js';

function times(value) {
  return `${value.toFixed(1)}×`;
}

// "the top-scored 10 % got replies 3.4× as often as the 5 % baseline (95 % interval 2.1× to 5.0×)"
function lift(figure) {
  const share = Math.round(figure.fraction * 100);
  return `the top-scored ${share} % got replies ${times(figure.lift)} as often as the 5 % baseline `
    + `(95 % interval ${times(figure.liftLower)} to ${times(figure.liftUpper)})`;
}

function which(model) {
  const trained = new Date(model.trainedUtc).toLocaleDateString();
  return model.origin === 'prior'
    ? 'Your queue is ranked by the starting model: published research on what gets replies, not anyone\'s replies here yet. '
      + 'It is retrained every night once there are enough real outcomes.'
    : `Your queue is ranked by a model trained on real outcomes (version ${model.version}, trained ${trained}).`;
}

function pooled(model) {
  if (!model.metrics) return model.countsWithheld ? note(model.countsWithheld) : null;
  const on = model.origin === 'prior' ? 'On made-up practice data' : 'On the latest sends, which it never learnt from';
  return el('p', { class: 'model-pooled' }, `${on}, ${lift(model.metrics.liftAt10)}.`);
}

function yours(figures, origin) {
  if (!figures.rows) {
    return note(origin === 'prior'
      ? 'None of your outreaches has a closed outcome yet (a reply is waited for 14 days), so there is nothing of yours to judge it on.'
      : 'None of your outreaches was sent after the model learnt, with its 14 days for a reply over, so there is nothing of yours to judge it on yet.');
  }
  const since = figures.since ? ` sent since ${new Date(figures.since).toLocaleDateString()}` : '';
  const replies = `${figures.replies} ${figures.replies === 1 ? 'reply' : 'replies'}`;
  return el('p', { class: 'model-yours' }, `Your ${figures.rows} outreaches${since} (${replies}): ${lift(figures.liftAt10)}.`);
}

function lastRun(run) {
  if (!run) return null;
  return el('p', { class: 'model-retraining' }, `Last retrained ${new Date(run.runUtc).toLocaleDateString()}: ${run.reason}`);
}

export function showModel() {
  return loadSection(document.getElementById('model-body'), async () => {
    const model = await getJson('model');
    return [el('p', { class: 'model-which' }, which(model)), pooled(model), yours(model.yours, model.origin), lastRun(model.lastRetraining)]
      .filter((n) => n);
  });
}
