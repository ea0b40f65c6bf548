// Opens the citizen's wallet for a page, with the issuer-key look-up the wallet checks credentials against.

import {NoodremWallet, WalletError, ASSISTANCE_TYPE_LABELS} from '../wallet/index.js';
import {lang, t} from './dom.js';
import {call} from './http.js';

export {WalletError};

/** The wallet, asking the portal's server (which reads the issuer registry on chain) for issuer keys. */
export function openWallet() {
  return NoodremWallet.open({
    resolveIssuerKey: async keyId => {
      const answer = await call(`/portaal/api/uitgeverssleutels/${encodeURIComponent(keyId)}`);
      if (answer.status === 404) {
        return null;
      }
      if (!answer.ok || answer.json === null) {
        throw new Error(`issuer key look-up answered ${answer.status}`);
      }
      return answer.json;
    }
  });
}

/** What to tell the citizen about a wallet error: the wallet's own Dutch text, or its English version. */
export function walletErrorText(error) {
  if (error instanceof WalletError) {
    return lang() === 'en' ? t(`walletError.${error.code}`) : error.message;
  }
  return t('proof.unexpected');
}

/** An attribute's label in the page's language. */
export function label(item) {
  return lang() === 'en' ? (item.labelEn ?? item.label) : item.label;
}

/** The kind of debt help in the page's language, e.g. "Minnelijke schuldregeling". */
export function assistanceTypeLabel(type, dutchLabel) {
  const labels = ASSISTANCE_TYPE_LABELS[type];
  if (!labels) {
    return dutchLabel ?? type ?? '';
  }
  return lang() === 'en' ? labels.en : labels.nl;
}
