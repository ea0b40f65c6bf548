// "Bewijs tonen": fetch CJIB's presentation request, let the wallet show exactly what is disclosed and what stays
// hidden, ask consent, make the zero-knowledge proof in the browser, send it, and explain the outcome.

import {announce, byId, el, formatDate, formatInstant, hide, lang, show, showFormErrors, clearFormErrors, t} from './dom.js';
import {call, SessionEndedError} from './http.js';
import {assistanceTypeLabel, label, openWallet, WalletError, walletErrorText} from './wallet-access.js';

const REQUEST_URL = '/portaal/noodrem/api/bewijsverzoek';
const PROOF_URL = '/portaal/noodrem/api/bewijs';
const STATUS_URL = '/portaal/noodrem/api/status';
// a request this close to its expiry is replaced before the proof is made
const REQUEST_MARGIN_MS = 60 * 1000;

export async function initProofPage() {
  const app = byId('bewijs-app');
  if (!app) {
    return;
  }
  const context = {
    audience: app.dataset.audience,
    extensionMonths: app.dataset.extensionMonths,
    holdEndBefore: app.dataset.holdEnd ?? '',
    wallet: null,
    request: null,
    plan: null
  };
  byId('toestemming-formulier').addEventListener('submit', event => {
    event.preventDefault();
    submit(context);
  });
  byId('opnieuw-proberen').addEventListener('click', () => {
    hide(byId('bewijs-uitkomst'));
    prepare(context);
  });
  try {
    context.wallet = await openWallet();
  } catch (e) {
    outcome('error', t('proof.failed.heading'), walletErrorText(e));
    hide(byId('bewijs-laden'));
    return;
  }
  await prepare(context);
}

/** Asks CJIB for a request and shows the disclosure plan for it. */
async function prepare(context) {
  const loading = byId('bewijs-laden');
  loading.textContent = t('proof.loadingRequest');
  show(loading);
  hide(byId('bewijs-toestemming'));
  const credentials = (await context.wallet.listCredentials()).filter(c => !c.unreadable);
  if (credentials.length === 0) {
    empty(t('proof.empty.none'));
    return;
  }
  try {
    context.request = await fetchRequest();
    context.plan = await context.wallet.planPresentation(context.request, {expectedAudience: context.audience});
  } catch (e) {
    if (e instanceof SessionEndedError) {
      hide(loading);
      return;
    }
    if (e instanceof WalletError && (e.code === 'NO_MATCHING_CREDENTIAL' || e.code === 'CREDENTIAL_EXPIRED')) {
      empty(e.code === 'CREDENTIAL_EXPIRED' ? t('proof.empty.expired') : t('proof.empty.none'));
      return;
    }
    hide(loading);
    outcome('error', t('proof.failed.heading'), e instanceof RequestError ? t('proof.requestFailed') : walletErrorText(e),
      {retry: true});
    return;
  }
  renderPlan(context.plan);
  hide(loading);
  show(byId('bewijs-toestemming'));
}

class RequestError extends Error {}

async function fetchRequest() {
  const answer = await call(REQUEST_URL, {method: 'POST', body: '{}'});
  if (!answer.ok) {
    throw new RequestError(`presentation request answered ${answer.status}`);
  }
  return answer.text;
}

function empty(message) {
  hide(byId('bewijs-laden'));
  byId('bewijs-leeg-tekst').textContent = message;
  show(byId('bewijs-leeg'));
}

// disclosed, but only to let CJIB check the proof: shown under "Details voor controle", each with its reason
const CHECK_ONLY = ['statusListId', 'statusIndex'];

/**
 * What CJIB sees in plain words (the facts, and which municipality gave the proof), what stays in the wallet, and
 * the technical fields under "Details voor controle", each explained once. The municipality is visible to CJIB
 * through its signing key, so its OIN is a detail for checking, not something that stays hidden.
 */
function renderPlan(plan) {
  const issuer = plan.credential.issuerLabel;
  byId('bewijs-uitgever').textContent = issuer;
  const value = name => plan.disclosed.find(i => i.name === name)?.value;
  fill('gedeeld', [
    ...plan.disclosed.filter(i => !CHECK_ONLY.includes(i.name)),
    {name: 'issuer', label: t('proof.row.issuer'), display: issuer}
  ]);
  fill('verborgen', plan.hidden.filter(i => i.name !== 'issuerOin'));
  fill('controle', [
    {name: 'issuerOin', label: t('proof.check.issuerOin'), display: plan.credential.issuerOin,
      why: t('proof.check.issuerOin.why')},
    {name: 'statusListId', label: t('proof.check.statusListId'), display: String(value('statusListId') ?? ''),
      why: t('proof.check.statusListId.why')},
    {name: 'statusIndex', label: t('proof.check.statusIndex'), display: String(value('statusIndex') ?? ''),
      why: t('proof.check.statusIndex.why')},
    {name: 'audience', label: t('proof.check.audience'), display: plan.audience, why: t('proof.check.audience.why')},
    {name: 'createdAt', label: t('proof.check.createdAt'), display: t('proof.check.createdAt.value'),
      why: t('proof.check.createdAt.why')}
  ]);
}

function fill(tableId, items) {
  const body = byId(tableId).querySelector('tbody');
  body.replaceChildren(...items.map(item => el('tr', {className: 'utrecht-table__row', attrs: {'data-name': item.name}}, [
    el('th', {className: 'utrecht-table__header-cell', text: label(item), attrs: {scope: 'row'}}),
    el('td', {className: 'utrecht-table__cell'}, item.why === undefined ? [display(item)] : [
      el('span', {className: 'portal-check__value', text: display(item)}),
      el('span', {className: 'portal-check__why', text: item.why})
    ])
  ])));
}

/** The value as the citizen reads it; dates and the kind of help follow the page's language. */
function display(item) {
  if (item.name === 'assistanceType') {
    return assistanceTypeLabel(item.value, null);
  }
  if (typeof item.value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(item.value)) {
    return formatDate(item.value);
  }
  if (lang() === 'en' && typeof item.value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(item.value)) {
    return formatInstant(item.value);
  }
  return item.display ?? String(item.value ?? '');
}

async function submit(context) {
  const summary = byId('toestemming-fouten');
  const consent = byId('toestemming');
  clearFormErrors(summary, ['toestemming']);
  if (!consent.checked) {
    // the message is the server's, rendered in the field's (hidden) error element
    showFormErrors(summary, [{field: 'toestemming', message: byId('toestemming-fout').textContent}]);
    return;
  }
  const button = byId('bewijs-versturen');
  button.disabled = true;
  announce(t('proof.making'));
  try {
    let request = context.request;
    if (Date.parse(JSON.parse(request).expiresAt) - Date.now() < REQUEST_MARGIN_MS) {
      request = await fetchRequest();
      const plan = await context.wallet.planPresentation(request, {expectedAudience: context.audience});
      if (names(plan.disclosed) !== names(context.plan.disclosed)) {
        // what CJIB asks changed: the citizen must see it and consent again
        context.request = request;
        context.plan = plan;
        renderPlan(plan);
        consent.checked = false;
        return;
      }
    }
    const made = await context.wallet.present(request, {
      consent: true, expectedAudience: context.audience, credentialId: context.plan.credentialId
    });
    const answer = await call(PROOF_URL, {method: 'POST', body: made.presentation});
    hide(byId('bewijs-toestemming'));
    handleAnswer(context, answer);
  } catch (e) {
    if (e instanceof SessionEndedError) {
      return;
    }
    hide(byId('bewijs-toestemming'));
    outcome('error', t('proof.failed.heading'), e instanceof RequestError ? t('proof.requestFailed') : walletErrorText(e),
      {retry: true});
  } finally {
    button.disabled = false;
  }
}

function names(items) {
  return items.map(i => i.name).join(',');
}

function handleAnswer(context, answer) {
  const body = answer.json ?? {};
  if (answer.status === 200 && body.status === 'ACCEPTED') {
    // the proof is valid; "approved" only once the longer pause is in place (a case officer may decide first)
    outcome('info', t('proof.received.heading'), t('proof.received.text'));
    byId('bewijs-uitkomst-verder').textContent = t('proof.accepted.waiting');
    followExtension(context);
    return;
  }
  if (body.status === 'REJECTED') {
    const reason = lang() === 'en' ? (body.messageEn ?? body.message) : body.message;
    outcome('error', t('proof.rejected.heading'), reason ?? t('proof.unexpected'), {retry: true});
    byId('bewijs-uitkomst-verder').textContent = t('proof.rejected.next');
    return;
  }
  const known = ['NOT_EXPECTED_NOW', 'VERIFIER_UNAVAILABLE', 'NO_RUNNING_BRAKE', 'NO_PROOF_REQUESTED'];
  const text = known.includes(body.status) ? t(`proof.status.${body.status}`) : t('proof.unexpected');
  outcome('warning', t('proof.failed.heading'), text, {retry: body.status !== 'NO_RUNNING_BRAKE'});
}

/** After acceptance: wait until the longer hold is in place, saying so while a case officer looks first. */
function followExtension(context) {
  const started = Date.now();
  let reviewShown = false;
  const poll = async () => {
    try {
      const answer = await call(STATUS_URL);
      const body = answer.json ?? {};
      if (answer.ok && body.acceptsProof === true && body.holdEnd && body.holdEnd !== context.holdEndBefore) {
        const done = t('proof.accepted.done', {date: formatDate(body.holdEnd)});
        outcome('ok', t('proof.accepted.heading'), t('proof.accepted.text', {months: context.extensionMonths}),
          {focus: false});
        byId('bewijs-uitkomst-verder').textContent = done;
        announce(done);
        return;
      }
      if (answer.ok && body.inReview === true && !reviewShown) {
        reviewShown = true;
        byId('bewijs-uitkomst-verder').textContent = t('proof.accepted.review');
        announce(t('proof.accepted.review'));
      }
    } catch (e) {
      if (e instanceof SessionEndedError) {
        return;
      }
    }
    const waited = Date.now() - started;
    if (waited < 5 * 60 * 1000) {
      setTimeout(poll, waited < 60000 ? 2000 : 15000);
    }
  };
  setTimeout(poll, 1500);
}

function outcome(kind, heading, text, {retry = false, focus = true} = {}) {
  const box = byId('bewijs-uitkomst');
  const alert = byId('bewijs-uitkomst-melding');
  alert.className = `utrecht-alert utrecht-alert--${kind}`;
  alert.setAttribute('role', kind === 'error' ? 'alert' : 'status');
  byId('bewijs-uitkomst-kop').textContent = heading;
  byId('bewijs-uitkomst-tekst').textContent = text;
  byId('bewijs-uitkomst-verder').textContent = '';
  show(byId('opnieuw-proberen'), retry);
  show(box);
  if (focus) {
    box.focus();
  }
}
