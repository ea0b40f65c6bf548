// "Mijn noodrem": while CJIB places the hold (or processes an accepted proof) the page asks the server for the
// brake's state and, when it has changed, replaces its content with the server's new rendering and says so.

import {announce, byId, t} from './dom.js';
import {call, SessionEndedError} from './http.js';

const FAST_MS = 2000;
const SLOW_MS = 10000;
// polling keeps the session alive; an unattended page must not keep it alive for ever
const GIVE_UP_MS = 5 * 60 * 1000;

export function initBrakePage() {
  const status = byId('noodrem-status');
  if (!status) {
    return;
  }
  const stage = status.dataset.stage;
  if (stage !== 'PLACING' && stage !== 'PROCESSING') {
    return;
  }
  const started = Date.now();
  const holdEndBefore = status.dataset.holdEnd ?? '';
  const poll = async () => {
    if (Date.now() - started > GIVE_UP_MS) {
      return;
    }
    try {
      const answer = await call('/portaal/noodrem/api/status');
      const body = answer.json ?? {};
      const changed = stage === 'PLACING'
        ? Boolean(body.holdEnd)
        : answer.status === 404 || body.acceptsProof === true || (body.holdEnd ?? '') !== holdEndBefore;
      if (changed) {
        await refresh(stage === 'PLACING' ? 'brake.ready' : 'brake.extended');
        return;
      }
    } catch (e) {
      if (e instanceof SessionEndedError) {
        return;
      }
    }
    setTimeout(poll, Date.now() - started < 60000 ? FAST_MS : SLOW_MS);
  };
  setTimeout(poll, FAST_MS);
}

/** Replaces the page's main content with a fresh rendering from the server, keeps focus sensible, and announces it. */
async function refresh(messageKey) {
  const response = await fetch(window.location.pathname, {credentials: 'same-origin', cache: 'no-store', redirect: 'manual'});
  if (!response.ok) {
    window.location.reload();
    return;
  }
  const fresh = new DOMParser().parseFromString(await response.text(), 'text/html').getElementById('inhoud');
  const main = byId('inhoud');
  if (!fresh || !main) {
    window.location.reload();
    return;
  }
  main.replaceChildren(...Array.from(fresh.childNodes).map(n => document.importNode(n, true)));
  announce(t(messageKey));
  const heading = byId('uitstel-kop');
  if (heading) {
    heading.setAttribute('tabindex', '-1');
    heading.focus();
  }
  initBrakePage();
}
