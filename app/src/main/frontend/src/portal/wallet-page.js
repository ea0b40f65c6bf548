// "Mijn wallet": the stored proofs (issuer, kind, validity), all their details on request, delete, and a
// passphrase-protected backup file to download and to restore.

import {MIN_PASSPHRASE_CHARACTERS} from '../wallet/index.js';
import {announce, byId, clearFormErrors, el, formatDate, formatInstant, hide, show, showFormErrors, t} from './dom.js';
import {assistanceTypeLabel, label, openWallet, WalletError, walletErrorText} from './wallet-access.js';

export async function initWalletPage() {
  if (!byId('wallet-app')) {
    return;
  }
  let wallet;
  try {
    wallet = await openWallet();
  } catch (e) {
    byId('wallet-laden').textContent = walletErrorText(e);
    return;
  }
  await render(wallet);
  byId('export-formulier').addEventListener('submit', event => {
    event.preventDefault();
    exportBackup(wallet);
  });
  byId('import-formulier').addEventListener('submit', event => {
    event.preventDefault();
    importBackup(wallet);
  });
}

async function render(wallet) {
  const credentials = await wallet.listCredentials();
  hide(byId('wallet-laden'));
  const list = byId('wallet-lijst');
  show(byId('wallet-leeg'), credentials.length === 0);
  show(list, credentials.length > 0);
  list.replaceChildren(...credentials.map(c => item(wallet, c)));
}

function item(wallet, c) {
  const headingId = `bewijs-${c.id}-kop`;
  const li = el('li', {className: 'portal-credential', attrs: {'aria-labelledby': headingId, 'data-id': c.id}});
  if (c.unreadable) {
    li.append(
      el('h3', {className: 'nl-heading nl-heading--level-3', text: t('wallet.credentialHeading'), attrs: {id: headingId}}),
      el('p', {className: 'utrecht-paragraph', text: t('wallet.unreadable')}));
  } else {
    const rows = [
      [t('wallet.issuer'), c.issuerLabel],
      [t('wallet.type'), assistanceTypeLabel(c.assistanceType, c.assistanceTypeLabel)],
      [t('wallet.helpStart'), formatDate(c.helpStartDate)],
      [t('wallet.validUntil'), formatDate(c.validUntil)],
      [t('wallet.storedAt'), formatInstant(c.storedAt)],
      [t('wallet.status'), c.expired ? t('wallet.expired') : t('wallet.valid')]
    ];
    const details = el('details', {className: 'portal-details'}, [
      el('summary', {text: t('wallet.details')})
    ]);
    details.addEventListener('toggle', async () => {
      if (!details.open || details.dataset.loaded) {
        return;
      }
      details.dataset.loaded = 'true';
      try {
        const full = await wallet.getCredential(c.id);
        details.append(el('table', {className: 'utrecht-table utrecht-table--html-table portal-kv'}, [
          el('tbody', {className: 'utrecht-table__body'}, full.attributes.map(a => el('tr', {className: 'utrecht-table__row'}, [
            el('th', {className: 'utrecht-table__header-cell', text: label(a), attrs: {scope: 'row'}}),
            el('td', {className: 'utrecht-table__cell',
              text: /^\d{4}-\d{2}-\d{2}$/.test(a.value) ? formatDate(a.value)
                : a.name === 'assistanceType' ? assistanceTypeLabel(a.value, a.display) : a.display})
          ])))
        ]));
      } catch (e) {
        details.append(el('p', {className: 'utrecht-paragraph', text: walletErrorText(e)}));
      }
    });
    li.append(
      el('h3', {className: 'nl-heading nl-heading--level-3', text: t('wallet.credentialHeading'), attrs: {id: headingId}}),
      el('dl', {className: 'portal-summary'}, rows.flatMap(([key, value]) => [el('dt', {text: key}), el('dd', {text: value})])),
      details);
  }
  const remove = el('button', {className: 'utrecht-button utrecht-button--secondary-action portal-delete',
    text: t('wallet.delete'), attrs: {type: 'button', 'aria-describedby': headingId}});
  remove.addEventListener('click', async () => {
    // the native dialog is keyboard- and screen-reader-friendly everywhere
    if (!window.confirm(t('wallet.deleteConfirm'))) {
      return;
    }
    await wallet.deleteCredential(c.id);
    await render(wallet);
    say(t('wallet.deleted'));
    byId('bewijzen-kop').setAttribute('tabindex', '-1');
    byId('bewijzen-kop').focus();
  });
  li.append(remove);
  return li;
}

async function exportBackup(wallet) {
  const summary = byId('export-fouten');
  clearFormErrors(summary, ['export-wachtwoord', 'export-herhaal']);
  const passphrase = byId('export-wachtwoord').value;
  const repeat = byId('export-herhaal').value;
  const errors = [];
  if ([...passphrase.normalize('NFC')].length < MIN_PASSPHRASE_CHARACTERS) {
    errors.push({field: 'export-wachtwoord', message: t('wallet.export.passphraseMissing')});
  } else if (passphrase !== repeat) {
    errors.push({field: 'export-herhaal', message: t('wallet.export.repeatMismatch')});
  }
  if (errors.length > 0) {
    showFormErrors(summary, errors);
    return;
  }
  const button = byId('export-knop');
  button.disabled = true;
  try {
    const readable = (await wallet.listCredentials()).filter(c => !c.unreadable);
    if (readable.length === 0) {
      say(t('wallet.nothingToExport'));
      return;
    }
    const file = await wallet.exportCredentials(passphrase);
    const url = URL.createObjectURL(new Blob([file.text], {type: file.mediaType}));
    const link = el('a', {attrs: {href: url, download: file.fileName}});
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60000);
    byId('export-wachtwoord').value = '';
    byId('export-herhaal').value = '';
    say(t('wallet.exported', {count: file.count}));
  } catch (e) {
    showFormErrors(summary, [{field: 'export-wachtwoord', message: walletErrorText(e)}]);
  } finally {
    button.disabled = false;
  }
}

async function importBackup(wallet) {
  const summary = byId('import-fouten');
  clearFormErrors(summary, ['import-bestand', 'import-wachtwoord']);
  const file = byId('import-bestand').files?.[0];
  const passphrase = byId('import-wachtwoord').value;
  const errors = [];
  if (!file) {
    errors.push({field: 'import-bestand', message: t('wallet.import.fileMissing')});
  }
  if (passphrase.length === 0) {
    errors.push({field: 'import-wachtwoord', message: t('wallet.import.passphraseMissing')});
  }
  if (errors.length > 0) {
    showFormErrors(summary, errors);
    return;
  }
  const button = byId('import-knop');
  button.disabled = true;
  try {
    const result = await wallet.importCredentials(file, passphrase);
    byId('import-wachtwoord').value = '';
    await render(wallet);
    const parts = [t('wallet.imported', {added: result.added.length})];
    if (result.duplicates > 0) {
      parts.push(t('wallet.importDuplicates', {count: result.duplicates}));
    }
    if (result.refused.length > 0) {
      parts.push(t('wallet.importRefused', {count: result.refused.length}));
      parts.push(...new Set(result.refused.map(r => walletErrorText(new WalletError(r.code)))));
    }
    say(parts.join(' '));
  } catch (e) {
    const field = e instanceof WalletError && e.code === 'MALFORMED_EXPORT' ? 'import-bestand' : 'import-wachtwoord';
    showFormErrors(summary, [{field, message: walletErrorText(e)}]);
  } finally {
    button.disabled = false;
  }
}

/** A visible status message that is also announced. */
function say(message) {
  const region = byId('wallet-melding');
  region.replaceChildren(el('div', {className: 'utrecht-alert utrecht-alert--info'}, [
    el('div', {className: 'utrecht-alert__content'}, [el('p', {className: 'utrecht-paragraph', text: message})])
  ]));
  announce(message);
}
