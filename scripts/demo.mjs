// The demo run.sh plays on every start, through the public API exactly as a student would: it sets up the demo
// owner's sender profile, imports the bundled class-visit sheet (enrolled in the default "Class visit follow-up"
// campaign) and LinkedIn export, waits until the dispatcher has sent the first thank-you notes into the local
// inbox (maildev), and shows the response model in use. Every step is idempotent: a second start re-imports the
// same files (every row "already known"), enrols nothing twice and sends nothing twice.
// Usage: node scripts/demo.mjs <app base URL> <API key> <inbox URL>
import { mkdir, readFile, writeFile } from 'node:fs/promises';

const [base, key, inbox] = process.argv.slice(2);
if (!base || !key || !inbox) {
  console.error('usage: node scripts/demo.mjs <app base URL> <API key> <inbox URL>');
  process.exit(2);
}

async function api(method, path, body, contentType = 'application/json') {
  const response = await fetch(new URL(path, base), {
    method,
    headers: { Authorization: `Bearer ${key}`, ...(body === undefined ? {} : { 'Content-Type': contentType }) },
    body: body === undefined ? undefined : contentType === 'application/json' ? JSON.stringify(body) : body,
  });
  const text = await response.text();
  const json = text && response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text;
  if (!response.ok) {
    throw new Error(`${method} ${path} answered ${response.status}: ${typeof json === 'string' ? json : json.detail ?? json.title}`);
  }
  return json;
}

// The class-visit sample's meetings are in 2024. The demo imports a copy whose dates are moved, once, so that the
// latest meeting was yesterday: the dashboard's default range (the last 12 weeks) then shows follow-up rates. The
// copy is kept in .local/demo, so later starts import the very same file and nothing is counted twice.
async function freshClassVisitSheet() {
  const copy = new URL('../.local/demo/class-visit.csv', import.meta.url);
  try {
    return await readFile(copy);
  } catch (error) {
    if (error.code !== 'ENOENT') throw error;
  }
  const text = await readFile(new URL('../samples/class-visit.csv', import.meta.url), 'utf8');
  const dates = [...text.matchAll(/\b\d{4}-\d{2}-\d{2}\b/g)].map(m => Date.parse(`${m[0]}T00:00:00Z`));
  const yesterday = Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate() - 1);
  const shift = yesterday - Math.max(...dates);
  const moved = text.replace(/\b\d{4}-\d{2}-\d{2}\b/g, d => new Date(Date.parse(`${d}T00:00:00Z`) + shift).toISOString().slice(0, 10));
  await mkdir(new URL('.', copy), { recursive: true });
  await writeFile(copy, moved);
  return Buffer.from(moved);
}

async function importSample(file, query) {
  const csv = file === 'class-visit.csv' ? await freshClassVisitSheet() : await readFile(new URL(`../samples/${file}`, import.meta.url));
  const record = await api('POST', `/api/imports?${new URLSearchParams({ ...query, fileName: file })}`, csv, 'text/csv');
  const c = record.counts;
  console.log(`  imported ${file}: ${c.rows} rows, ${c.accepted} new, ${c.merged} merged, ${c.alreadyKnown} already known, ` +
    `${c.rejected} rejected${record.enrolled ? `, ${record.enrolled} in campaign '${record.campaign}'` : ''}${record.error ? ` (${record.error})` : ''}`);
}

async function inboxCount() {
  const response = await fetch(new URL('/email', inbox));
  return response.ok ? (await response.json()).length : 0;
}

// Open every day and hour, so the demo sends whenever it is started; a real student keeps weekday office hours.
await api('PUT', '/api/sender', {
  firstName: 'Demo', lastName: 'Student', email: 'demo.student@students.example', school: 'Northwind University',
  timeZone: 'Europe/London',
  window: { days: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'], opens: '00:00', closes: '23:59' },
  dailyCap: 40, minimumSpacingSeconds: 0,
});
console.log('  sender profile: demo.student@students.example, Europe/London');
await importSample('class-visit.csv', { campaign: 'class-visit-follow-up' });
await importSample('linkedin-Connections.csv', { event: 'LinkedIn connections' });

const tasks = await api('GET', '/api/tasks?take=500');
const byState = new Map();
for (const t of tasks.tasks) byState.set(`${t.channel} ${t.state}`, (byState.get(`${t.channel} ${t.state}`) ?? 0) + 1);
console.log(`  tasks: ${[...byState].map(([k, n]) => `${n} ${k}`).join(', ')}`);

// The dispatcher runs every minute; wait for its first run to reach the inbox, if anything is due now (on a later
// start the thank-you notes went out before, and the follow-ups are days away).
const pending = ['planned', 'queued', 'claimed'];
const dueNow = tasks.tasks.filter(t => t.channel === 'email' && pending.includes(t.state) && new Date(t.dueUtc) <= Date.now() + 60_000);
const sentBefore = tasks.tasks.filter(t => t.state === 'sent').length;
const deadline = Date.now() + 150_000;
let delivered = await inboxCount();
while (delivered === 0 && dueNow.length > 0 && Date.now() < deadline) {
  await new Promise(resolve => setTimeout(resolve, 3000));
  delivered = await inboxCount();
}
console.log(`  inbox: ${delivered} message(s) delivered since this start` +
  `${sentBefore ? `; ${sentBefore} note(s) went out on earlier starts and are not sent again` : ''}`);

const model = await api('GET', '/api/model');
const m = model.metrics ?? {};
console.log(`  response model: version ${model.version}, ${model.origin}` +
  `${model.origin === 'prior' ? ' (trained on a synthetic history with published effect sizes until your own replies arrive)' : ''}` +
  `${m.auc ? `, hold-out AUC ${m.auc.toFixed(3)}, lift@10% ${m.liftAt10?.lift?.toFixed(2)}x` : ''}`);
