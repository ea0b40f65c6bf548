// The wallet library's public surface. Pages import the bundle js/wallet.js (built from entries/wallet.js), which
// re-exports exactly this.

export {NoodremWallet} from './wallet.js';
export {WalletError, MESSAGES} from './errors.js';
export {ATTRIBUTE_LABELS, ASSISTANCE_TYPE_LABELS} from './labels.js';
export {MIN_PASSPHRASE_CHARACTERS, EXPORT_FORMAT} from './export.js';
