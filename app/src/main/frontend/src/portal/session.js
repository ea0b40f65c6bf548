// The DigiD session ends after 15 minutes without activity (and after 2 hours in any case). WCAG 2.2.1: warn before
// that happens and let the citizen extend it with one simple action. Two minutes before the idle timeout a warning
// appears (role=alert) with the button "Ik ben er nog", which asks the server for the session's state: any request
// counts as activity, so that extends it. The absolute end cannot be extended; the warning says so.

import {byId, hide, show, t} from './dom.js';

const WARN_BEFORE_SECONDS = 120;

const state = {
  idleSeconds: 0,
  endsAtMs: 0,
  warnBeforeSeconds: WARN_BEFORE_SECONDS,
  idleWarnTimer: 0,
  idleEndTimer: 0,
  absoluteWarnTimer: 0,
  absoluteEndTimer: 0,
  ended: false,
  started: false
};

/**
 * Watches the session of the logged-in page. Options default to the body's data-session-idle (seconds) and
 * data-session-ends (ISO instant); calling it again restarts the watch with the new values.
 */
export function watchSession(options = {}) {
  const body = document.body.dataset;
  state.idleSeconds = Number(options.idleSeconds ?? body.sessionIdle ?? 0);
  const ends = options.endsAt ?? body.sessionEnds;
  state.endsAtMs = ends ? Date.parse(ends) : 0;
  state.warnBeforeSeconds = Number(options.warnBeforeSeconds ?? WARN_BEFORE_SECONDS);
  state.ended = false;
  if (!state.started) {
    state.started = true;
    byId('sessie-verlengen')?.addEventListener('click', extend);
  }
  if (state.idleSeconds > 0) {
    touchSession();
  }
  scheduleAbsolute();
}

/** The server saw activity just now: the idle clock starts again. */
export function touchSession() {
  if (!state.started || state.ended || state.idleSeconds <= 0) {
    return;
  }
  clearTimeout(state.idleWarnTimer);
  clearTimeout(state.idleEndTimer);
  const warnAfter = Math.max(0, state.idleSeconds - state.warnBeforeSeconds);
  state.idleWarnTimer = setTimeout(() => warn('session.idleWarning', true), warnAfter * 1000);
  state.idleEndTimer = setTimeout(sessionExpired, state.idleSeconds * 1000);
  const banner = byId('sessie-waarschuwing');
  if (banner && banner.dataset.kind === 'idle') {
    hide(banner);
    banner.dataset.kind = '';
  }
}

/** The session is over: say so, and offer to log in again. */
export function sessionExpired() {
  if (!state.started || state.ended) {
    return;
  }
  state.ended = true;
  [state.idleWarnTimer, state.idleEndTimer, state.absoluteWarnTimer, state.absoluteEndTimer].forEach(clearTimeout);
  const banner = byId('sessie-waarschuwing');
  if (!banner) {
    return;
  }
  banner.dataset.kind = 'ended';
  byId('sessie-tekst').textContent = t('session.expired');
  hide(byId('sessie-verlengen'));
  show(byId('sessie-opnieuw'));
  show(banner);
}

function scheduleAbsolute() {
  clearTimeout(state.absoluteWarnTimer);
  clearTimeout(state.absoluteEndTimer);
  if (!state.endsAtMs) {
    return;
  }
  const untilEnd = state.endsAtMs - Date.now();
  state.absoluteWarnTimer = setTimeout(() => warn('session.absoluteWarning', false),
    Math.max(0, untilEnd - state.warnBeforeSeconds * 1000));
  state.absoluteEndTimer = setTimeout(sessionExpired, Math.max(0, untilEnd));
}

function warn(key, canExtend) {
  if (state.ended) {
    return;
  }
  const banner = byId('sessie-waarschuwing');
  if (!banner) {
    return;
  }
  const remainingMs = canExtend ? state.warnBeforeSeconds * 1000 : Math.max(0, state.endsAtMs - Date.now());
  const minutes = Math.max(1, Math.round(remainingMs / 60000));
  banner.dataset.kind = canExtend ? 'idle' : 'absolute';
  byId('sessie-tekst').textContent = t(key, {minutes});
  show(byId('sessie-verlengen'), canExtend);
  hide(byId('sessie-opnieuw'));
  show(banner);
}

async function extend() {
  const button = byId('sessie-verlengen');
  button.disabled = true;
  try {
    const response = await fetch('/portaal/api/sessie', {
      headers: {Accept: 'application/json'}, credentials: 'same-origin', cache: 'no-store', redirect: 'manual'
    });
    if (response.type === 'opaqueredirect' || !response.ok) {
      sessionExpired();
      return;
    }
    const body = await response.json();
    if (typeof body.idleTimeoutSeconds === 'number' && body.idleTimeoutSeconds > 0) {
      state.idleSeconds = body.idleTimeoutSeconds;
    }
    const banner = byId('sessie-waarschuwing');
    banner.dataset.kind = '';
    touchSession();
    // keep the banner a moment with the confirmation, then let it go
    byId('sessie-tekst').textContent = t('session.extended');
    hide(button);
    show(banner);
    banner.dataset.kind = 'idle';
    setTimeout(() => {
      if (banner.dataset.kind === 'idle' && byId('sessie-tekst').textContent === t('session.extended')) {
        hide(banner);
        banner.dataset.kind = '';
      }
    }, 8000);
  } catch {
    byId('sessie-tekst').textContent = t('session.pingFailed');
  } finally {
    button.disabled = false;
  }
}
