// The API client: the key lives in sessionStorage (this tab only) and goes out as a Bearer key. Endpoints that a
// deployment does not have yet answer 404 or 501; callers show a quiet note for those instead of failing.

const keyName = 'outreach.apiKey';
export const apiBase = new URL('../../', import.meta.url);

let actingFor = null;
let narrowedTo = null;

// The message is the problem's title, and its detail when that says more (a 413's detail names the limit).
function messageOf(status, problem) {
  const title = problem?.title || `The server answered ${status}.`;
  return problem?.detail && problem.detail !== title ? `${title} ${problem.detail}` : title;
}

export class ApiError extends Error {
  constructor(status, problem) {
    super(messageOf(status, problem));
    this.status = status;
    this.problem = problem;
  }

  get unavailable() {
    return this.status === 404 || this.status === 501;
  }
}

export function storedKey() {
  return sessionStorage.getItem(keyName);
}

export function storeKey(key) {
  sessionStorage.setItem(keyName, key);
}

export function forgetKey() {
  sessionStorage.removeItem(keyName);
}

/** Every later call acts for this client (a coach's consenting client), or for the caller when null. */
export function actFor(ownerId) {
  actingFor = ownerId || null;
}

/** The client the page acts for now, or null for the caller: work that outlives a switch keeps the one it began with. */
export function actingOwner() {
  return actingFor;
}

/**
 * Every later metrics call reads one of the coach's cohorts (?cohort=), or all their clients when null. The coach page
 * keeps this and actFor exclusive: the server refuses a cohort beside a client.
 */
export function narrowToCohort(cohort) {
  narrowedTo = cohort || null;
}

/** The cohort the page's metrics are narrowed to, or null. */
export function narrowedCohort() {
  return narrowedTo;
}

export function url(path, query = {}) {
  const target = new URL(path, apiBase);
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') {
      target.searchParams.set(name, value);
    }
  }
  // A query that names 'owner' itself (even as empty, for the coach's own view) is not redirected to the client.
  if (actingFor && !('owner' in query)) {
    target.searchParams.set('owner', actingFor);
  }
  // Only the metrics read a cohort; a query that names 'cohort' itself (even as empty) keeps its own.
  if (narrowedTo && path === 'metrics' && !('cohort' in query) && !target.searchParams.has('owner')) {
    target.searchParams.set('cohort', narrowedTo);
  }
  return target;
}

function headers(extra = {}) {
  return { Authorization: `Bearer ${storedKey()}`, Accept: 'application/json', ...extra };
}

async function problemOf(response) {
  const type = response.headers.get('Content-Type') || '';
  return type.includes('json') ? response.json().catch(() => null) : null;
}

export async function getJson(path, query = {}) {
  const response = await fetch(url(path, query), { headers: headers() });
  if (!response.ok) {
    throw new ApiError(response.status, await problemOf(response));
  }
  return response.json();
}

export async function getBlob(path, query = {}) {
  const response = await fetch(url(path, query), { headers: headers({ Accept: 'text/csv' }) });
  if (!response.ok) {
    throw new ApiError(response.status, await problemOf(response));
  }
  return response.blob();
}

/** Posts JSON (an empty object when no body is given). */
export function postJson(path, body = {}) {
  return sendJson('POST', path, body);
}

/** Sends JSON with any method (PUT, DELETE, POST); a null body sends none. */
export async function sendJson(method, path, body = null, query = {}) {
  const response = await fetch(url(path, query), {
    method,
    headers: headers(body === null ? {} : { 'Content-Type': 'application/json' }),
    body: body === null ? undefined : JSON.stringify(body),
  });
  if (!response.ok) {
    throw new ApiError(response.status, await problemOf(response));
  }
  return response.status === 204 ? null : response.json().catch(() => null);
}

/** Posts a form with XMLHttpRequest, the one browser API that reports upload progress. */
export function upload(path, query, formData, onProgress) {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', url(path, query));
    request.setRequestHeader('Authorization', `Bearer ${storedKey()}`);
    request.setRequestHeader('Accept', 'application/json');
    request.responseType = 'json';
    request.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable) {
        onProgress(event.loaded / event.total);
      }
    });
    request.addEventListener('load', () => {
      if (request.status >= 200 && request.status < 300) {
        onProgress(1);
        resolve({ status: request.status, body: request.response, location: request.getResponseHeader('Location') });
      } else {
        reject(new ApiError(request.status, request.response));
      }
    });
    request.addEventListener('error', () => reject(new ApiError(0, { title: 'The upload did not reach the server.' })));
    request.send(formData);
  });
}
