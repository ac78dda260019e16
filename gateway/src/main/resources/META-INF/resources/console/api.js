// Calls to the platform's public REST API through the gateway, with the signed-in user's token.
import { accessToken } from './auth.js';

/** A problem+json answer (RFC 9457), with its field-by-field violations. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

async function call(method, path, { body, ifMatch, accept = 'application/json' } = {}) {
  const headers = { Accept: accept, Authorization: `Bearer ${await accessToken()}` };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (ifMatch) headers['If-Match'] = ifMatch;
  const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  if (!response.ok) {
    const problem = await response.json().catch(() => ({ title: response.statusText }));
    throw new ApiError(response.status, problem);
  }
  return response;
}

export async function get(path) {
  return (await call('GET', path)).json();
}

/** GET with the ETag, for a change that must name the version it read. */
export async function getVersioned(path) {
  const response = await call('GET', path);
  return { body: await response.json(), etag: response.headers.get('ETag') };
}

export async function send(method, path, body, ifMatch) {
  const response = await call(method, path, { body, ifMatch });
  return response.status === 204 ? null : response.json();
}

/** Saves an export of the API (CSV, XLSX) as the file the API names. */
export async function download(path) {
  const response = await call('GET', path, { accept: '*/*' });
  const name = /filename="?([^";]+)"?/.exec(response.headers.get('Content-Disposition') ?? '')?.[1] ?? 'export';
  const link = document.createElement('a');
  link.href = URL.createObjectURL(await response.blob());
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}

/** Opens the API's Server-Sent Events stream (with the token, which EventSource cannot send) and calls onEvent. */
export async function stream(path, onEvent, signal) {
  const response = await fetch(path, {
    headers: { Accept: 'text/event-stream', Authorization: `Bearer ${await accessToken()}` }, signal,
  });
  if (!response.ok || !response.body) throw new ApiError(response.status, { title: response.statusText });
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value;
    let end;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const frame = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const event = { type: 'message', data: '' };
      for (const line of frame.split('\n')) {
        if (line.startsWith('event:')) event.type = line.slice(6).trim();
        else if (line.startsWith('id:')) event.id = line.slice(3).trim();
        else if (line.startsWith('data:')) event.data += line.slice(5).trim();
      }
      if (event.data) onEvent(event);
    }
  }
}

/** A query string from an object; arrays repeat the name (ministry=BNV&ministry=BCT); empty values are left out. */
export function query(params) {
  const q = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    for (const v of [].concat(value ?? [])) if (v !== '' && v !== null && v !== undefined) q.append(name, v);
  }
  const text = q.toString();
  return text ? `?${text}` : '';
}
