// The municipality's status page: follow the request, and when the proof is ready collect it straight into the
// wallet. The credential goes from the municipality's answer into the browser's wallet and nowhere else: it is not
// shown, not stored elsewhere, not sent on.

import {announce, byId, el, formatDate, hide, lang, show, t} from './dom.js';
import {call, SessionEndedError} from './http.js';
import {assistanceTypeLabel, openWallet, WalletError, walletErrorText} from './wallet-access.js';

const WAITING = ['CHECKING', 'IN_REVIEW'];
const REFUSED = ['NO_DEBT_HELP', 'REFUSED', 'EXPIRED', 'UNKNOWN'];
const GIVE_UP_MS = 5 * 60 * 1000;

export function initIssuancePage() {
  const app = byId('aanvraag-app');
  if (!app) {
    return;
  }
  const context = {statusUrl: app.dataset.statusUrl, collectUrl: app.dataset.collectUrl, pending: null};
  byId('in-wallet-zetten').addEventListener('click', () => collect(context));
  byId('opnieuw-in-wallet').addEventListener('click', () => store(context));
  if (WAITING.includes(app.dataset.state)) {
    follow(context, app.dataset.state);
  }
}

function follow(context, initialState) {
  const started = Date.now();
  let last = initialState;
  const poll = async () => {
    try {
      const answer = await call(context.statusUrl);
      if (answer.ok && answer.json) {
        const state = answer.json.state;
        if (state !== last) {
          last = state;
          showState(state, lang() === 'en' ? answer.json.messageEn : answer.json.message);
        }
        if (!WAITING.includes(state)) {
          return;
        }
      }
    } catch (e) {
      if (e instanceof SessionEndedError) {
        return;
      }
      byId('aanvraag-tekst').textContent = t('issuance.pollFailed');
    }
    const waited = Date.now() - started;
    if (waited < GIVE_UP_MS) {
      setTimeout(poll, last === 'IN_REVIEW' ? 15000 : (waited < 30000 ? 1000 : 5000));
    }
  };
  setTimeout(poll, 1000);
}

function showState(state, message) {
  const status = byId('aanvraag-status');
  status.classList.remove('utrecht-alert--info', 'utrecht-alert--ok', 'utrecht-alert--warning');
  status.classList.add(state === 'READY' || state === 'COLLECTED' ? 'utrecht-alert--ok'
    : WAITING.includes(state) ? 'utrecht-alert--info' : 'utrecht-alert--warning');
  byId('aanvraag-tekst').textContent = message;
  show(byId('aanvraag-bezig'), WAITING.includes(state));
  show(byId('aanvraag-klaar'), state === 'READY');
  show(byId('aanvraag-geweigerd'), REFUSED.includes(state));
  for (const reason of REFUSED) {
    show(byId(`reden-${reason}`), reason === state);
  }
}

async function collect(context) {
  const button = byId('in-wallet-zetten');
  button.disabled = true;
  hide(byId('aanvraag-fout'));
  announce(t('issuance.storing'));
  try {
    // open the wallet before collecting: the answer is the only copy, so a browser that cannot keep it must not fetch it
    context.wallet = await openWallet();
    const answer = await call(context.collectUrl, {method: 'POST', body: '{}'});
    if (!answer.ok) {
      const reason = answer.status === 409 ? 'NOT_READY' : answer.status === 503 ? 'SIGNER_UNAVAILABLE' : 'NOT_FOUND';
      failed(t(`issuance.collectFailed.${reason}`), false);
      return;
    }
    context.pending = answer.text;
    await store(context);
  } catch (e) {
    if (!(e instanceof SessionEndedError)) {
      failed(walletErrorText(e), false);
    }
  } finally {
    button.disabled = false;
  }
}

async function store(context) {
  if (context.pending === null) {
    return;
  }
  let summary;
  try {
    summary = await context.wallet.addCredential(context.pending);
  } catch (e) {
    if (e instanceof WalletError && e.code === 'DUPLICATE') {
      summary = (await context.wallet.listCredentials())[0];
    } else {
      failed(`${t('issuance.storeFailed')} ${walletErrorText(e)}`, true);
      return;
    }
  }
  context.pending = null;
  hide(byId('aanvraag-fout'));
  hide(byId('aanvraag-klaar'));
  hide(byId('aanvraag-bezig'));
  const rows = [
    [t('wallet.issuer'), summary.issuerLabel],
    [t('wallet.type'), assistanceTypeLabel(summary.assistanceType, summary.assistanceTypeLabel)],
    [t('wallet.helpStart'), formatDate(summary.helpStartDate)],
    [t('wallet.validUntil'), formatDate(summary.validUntil)]
  ];
  byId('opgeslagen-bewijs').replaceChildren(...rows.flatMap(([key, value]) => [
    el('dt', {text: key}), el('dd', {text: value})
  ]));
  const stored = byId('aanvraag-opgeslagen');
  show(stored);
  stored.focus();
}

function failed(message, canRetry) {
  byId('aanvraag-fout-tekst').textContent = message;
  show(byId('opnieuw-in-wallet'), canRetry);
  const box = byId('aanvraag-fout');
  show(box);
  box.focus();
}
