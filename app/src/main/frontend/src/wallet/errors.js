// Errors of the wallet: a stable code for programs, a Dutch message for people.
//
// Messages are written for the citizen and never contain attribute values (no BSN, no amounts), so a page may
// show them as they are and a log may record them. `detail` is a short English hint for developers, also without
// values.

/** Dutch messages by code. The portal shows `error.message`; it may branch on `error.code`. */
export const MESSAGES = Object.freeze({
  MALFORMED_CREDENTIAL: 'Dit is geen geldige schuldhulpverklaring. De verklaring is niet opgeslagen.',
  UNKNOWN_SCHEMA: 'Deze verklaring heeft een vorm die de wallet niet kent. De verklaring is niet opgeslagen.',
  UNSUPPORTED_CIPHERSUITE:
    'Deze verklaring is ondertekend met een methode die de wallet niet kent. De verklaring is niet opgeslagen.',
  ISSUER_KEY_MISSING:
    'De sleutel van de gemeente die deze verklaring uitgaf is niet gevonden, dus de verklaring kan niet worden '
    + 'gecontroleerd. Probeer het later opnieuw.',
  ISSUER_MISMATCH:
    'Deze verklaring hoort niet bij de sleutel van de gemeente die haar zou hebben uitgegeven. '
    + 'De verklaring is geweigerd.',
  ISSUER_NOT_TRUSTED:
    'De gemeente die deze verklaring uitgaf is niet (meer) erkend, of haar sleutel is ingetrokken of verlopen. '
    + 'De verklaring is geweigerd.',
  INVALID_SIGNATURE:
    'De handtekening van de gemeente klopt niet: de verklaring is veranderd of beschadigd. '
    + 'De verklaring is geweigerd.',
  DUPLICATE: 'Deze verklaring staat al in uw wallet.',
  NOT_FOUND: 'Deze verklaring staat niet (meer) in uw wallet.',
  UNREADABLE_RECORD:
    'Een opgeslagen verklaring kan niet meer worden gelezen (de sleutel ontbreekt of de gegevens zijn beschadigd). '
    + 'Verwijder haar en vraag zo nodig een nieuwe aan.',
  MALFORMED_REQUEST: 'Het verzoek om gegevens te delen is ongeldig. Er zijn geen gegevens gedeeld.',
  REQUEST_EXPIRED: 'Het verzoek om gegevens te delen is verlopen. Vraag een nieuw verzoek aan.',
  AUDIENCE_MISMATCH: 'Het verzoek komt niet van de verwachte organisatie. Er zijn geen gegevens gedeeld.',
  NO_MATCHING_CREDENTIAL: 'Er staat geen verklaring in uw wallet die bij dit verzoek past.',
  SCHEMA_MISMATCH: 'Deze verklaring past niet bij het verzoek.',
  CREDENTIAL_EXPIRED:
    'Deze verklaring is verlopen. Vraag bij uw gemeente een nieuwe verklaring aan.',
  CONSENT_REQUIRED: 'U heeft nog geen toestemming gegeven om deze gegevens te delen. Er zijn geen gegevens gedeeld.',
  PROOF_FAILED: 'Het bewijs kon niet worden gemaakt. Er zijn geen gegevens gedeeld.',
  PASSPHRASE_TOO_SHORT: 'Kies een wachtwoord van minstens 12 tekens.',
  WRONG_PASSPHRASE: 'Het wachtwoord is onjuist, of het bestand is beschadigd.',
  MALFORMED_EXPORT: 'Dit bestand is geen wallet-bestand van Noodrem.',
  STORAGE_UNAVAILABLE:
    'Uw browser staat niet toe dat de wallet gegevens bewaart (bijvoorbeeld in een privévenster). '
    + 'Gebruik een gewoon browservenster.',
  CRYPTO_UNAVAILABLE: 'Uw browser ondersteunt de benodigde beveiliging niet. Gebruik een recente browser.'
});

/** A refusal or failure of the wallet. `message` is Dutch and safe to show; `code` is one of {@link MESSAGES}. */
export class WalletError extends Error {
  /**
   * @param {keyof MESSAGES} code
   * @param {string} [detail] English, for developers; never an attribute value
   * @param {{cause?: unknown}} [options]
   */
  constructor(code, detail, options) {
    if (!Object.hasOwn(MESSAGES, code)) {
      throw new TypeError(`unknown wallet error code ${code}`);
    }
    super(MESSAGES[code], options);
    this.name = 'WalletError';
    this.code = code;
    this.detail = detail ?? '';
  }
}
