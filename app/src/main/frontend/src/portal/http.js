// Calls to the portal's own JSON endpoints, with Spring's CSRF token on every state-changing request.

import {touchSession, sessionExpired} from './session.js';

const CSRF_COOKIE = 'NOODREM-XSRF';
const CSRF_HEADER = 'X-NOODREM-XSRF';

/** Spring's CSRF token: from its cookie, or from any form on the page that carries it. */
export function csrfToken() {
  const cookie = document.cookie.split(';').map(c => c.trim()).find(c => c.startsWith(`${CSRF_COOKIE}=`));
  if (cookie) {
    return decodeURIComponent(cookie.slice(CSRF_COOKIE.length + 1));
  }
  return document.querySelector('input[name="_csrf"]')?.value ?? '';
}

/** The session ended (the server sent the browser to DigiD instead of answering). */
export class SessionEndedError extends Error {
  constructor() {
    super('the DigiD session has ended');
    this.name = 'SessionEndedError';
  }
}

/**
 * A request to the portal's server. Redirects are not followed: a protected endpoint only redirects when the session
 * has ended, and the page must say so rather than read DigiD's login page as an answer.
 *
 * @returns {Promise<{status: number, ok: boolean, text: string, json: any}>}
 */
export async function call(url, {method = 'GET', body} = {}) {
  const headers = {Accept: 'application/json'};
  if (method !== 'GET' && method !== 'HEAD') {
    headers[CSRF_HEADER] = csrfToken();
  }
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  const response = await fetch(url, {
    method,
    headers,
    body,
    credentials: 'same-origin',
    cache: 'no-store',
    redirect: 'manual'
  });
  if (response.type === 'opaqueredirect' || response.status === 401) {
    sessionExpired();
    throw new SessionEndedError();
  }
  touchSession();
  const text = await response.text();
  let json = null;
  if ((response.headers.get('Content-Type') ?? '').includes('json') && text.length > 0) {
    try {
      json = JSON.parse(text);
    } catch {
      json = null;
    }
  }
  return {status: response.status, ok: response.ok, text, json};
}
