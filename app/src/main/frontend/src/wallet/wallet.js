// NoodremWallet: the citizen's wallet in the browser. Keeps debt-help credentials encrypted in IndexedDB, checks
// them on receipt, shows what a presentation discloses and hides, and makes the zero-knowledge proof locally.
// The credential never leaves the browser, except inside an export file the citizen protects with a passphrase;
// what goes to CJIB is only the presentation.

import {
  createPresentation,
  disclosurePlan,
  isExpired,
  matches,
  parseCredential,
  parseRequest,
  readIssuerKey,
  verifyCredential
} from './documents.js';
import {WalletError} from './errors.js';
import {decryptExport, encryptExport} from './export.js';
import {ASSISTANCE_TYPE_LABELS, describeAttribute, formatDate} from './labels.js';
import {openStore} from './store.js';
import {toBase64Url} from './bytes.js';

/**
 * A stored credential as the wallet lists it. No BSN, no amounts: safe for an overview page.
 *
 * @typedef {object} CredentialSummary
 * @property {string} id the wallet's id of the stored credential
 * @property {boolean} unreadable true when the record can no longer be decrypted (only id and storedAt are set)
 * @property {string} storedAt ISO-8601 UTC
 * @property {string} [keyId] the issuer key id, '<OIN>-k<n>'
 * @property {string} [issuerOin]
 * @property {string|null} [issuerName] the municipality's name when the issuer key record named it
 * @property {string} [issuerLabel] issuerName, or 'Gemeente met OIN <oin>'
 * @property {string} [schema] 'DebtAssistanceCredential v1'
 * @property {string} [assistanceType] e.g. 'WSNP'
 * @property {string} [assistanceTypeLabel] e.g. 'Wettelijke schuldsanering (Wsnp)'
 * @property {string} [helpStartDate] yyyy-MM-dd
 * @property {string} [validUntil] yyyy-MM-dd, inclusive
 * @property {string} [validUntilDisplay] e.g. '16 februari 2026'
 * @property {string} [issuedAt] ISO-8601 UTC
 * @property {boolean} [expired] validUntil lies before today (Europe/Amsterdam)
 */

export class NoodremWallet {
  /**
   * Opens the wallet (creating its database and key on first use).
   *
   * @param {object} [options]
   * @param {(keyId: string) => Promise<object|string|null>} [options.resolveIssuerKey] looks up the accredited
   *     issuer key for a key id (the portal asks its server, which reads the chain); returns a key record or a
   *     noodrem-bbs-public-key/1 document, or null when unknown
   * @param {IDBFactory} [options.indexedDB] default globalThis.indexedDB
   * @param {Crypto} [options.crypto] default globalThis.crypto
   * @param {string} [options.databaseName] default 'noodrem-wallet'
   * @param {() => number} [options.now] clock in milliseconds, default Date.now
   * @returns {Promise<NoodremWallet>}
   * @throws {WalletError} STORAGE_UNAVAILABLE, CRYPTO_UNAVAILABLE
   */
  static async open(options = {}) {
    const crypto = options.crypto ?? globalThis.crypto;
    const store = await openStore({
      indexedDB: options.indexedDB ?? globalThis.indexedDB,
      crypto,
      databaseName: options.databaseName
    });
    return new NoodremWallet(store, crypto, options);
  }

  /** Use {@link NoodremWallet.open}. */
  constructor(store, crypto, options) {
    this.store = store;
    this.crypto = crypto;
    this.resolveIssuerKey = options.resolveIssuerKey;
    this.now = options.now ?? (() => Date.now());
  }

  /**
   * Checks a credential from the municipality's portal and stores it encrypted. Refused (and not stored) when it
   * is malformed, of an unknown schema, not signed by the accredited key it names, or already in the wallet.
   *
   * @param {string} credentialJson a noodrem-bbs-credential/1 document
   * @param {{issuerKey?: object|string}} [options] the issuer key (record or noodrem-bbs-public-key/1); when
   *     absent, resolveIssuerKey is asked
   * @returns {Promise<CredentialSummary>}
   * @throws {WalletError} MALFORMED_CREDENTIAL, UNKNOWN_SCHEMA, UNSUPPORTED_CIPHERSUITE, ISSUER_KEY_MISSING,
   *     ISSUER_MISMATCH, ISSUER_NOT_TRUSTED, INVALID_SIGNATURE, DUPLICATE
   */
  async addCredential(credentialJson, options = {}) {
    const credential = parseCredential(credentialJson);
    const issuer = await this.#check(credential, options.issuerKey);
    const signature = toBase64Url(credential.signature);
    const existing = (await this.store.all()).map(readable).filter(r => !r.unreadable);
    if (existing.some(r => toBase64Url(r.credential.signature) === signature)) {
      throw new WalletError('DUPLICATE', 'a credential with this signature is stored already');
    }
    const storedAt = isoNow(this.now());
    const plaintext = {
      credential: credentialJson,
      keyId: issuer.keyId,
      issuerOin: issuer.issuerOin,
      issuerName: issuer.issuerName
    };
    const id = await this.store.put(plaintext, storedAt);
    return summary({id, storedAt, plaintext, credential}, this.now());
  }

  /**
   * Every stored credential, newest first.
   *
   * @returns {Promise<CredentialSummary[]>}
   */
  async listCredentials() {
    const now = this.now();
    return (await this.store.all())
      .map(r => summary(readable(r), now))
      .sort((a, b) => (a.storedAt < b.storedAt ? 1 : a.storedAt > b.storedAt ? -1 : 0));
  }

  /**
   * One credential with all its attributes for a detail page (this DOES contain the BSN and amounts: show it
   * only to the citizen).
   *
   * @param {string} id
   * @returns {Promise<CredentialSummary & {attributes: Array<{name, label, labelEn, value, display}>}>}
   * @throws {WalletError} NOT_FOUND, UNREADABLE_RECORD
   */
  async getCredential(id) {
    const record = await this.#record(id);
    const {credential} = record;
    return {
      ...summary(record, this.now()),
      attributes: credential.schema.attributes.map(def => describeAttribute(def, credential.attributes.get(def.name)))
    };
  }

  /**
   * @param {string} id
   * @returns {Promise<boolean>} false when there was no such credential
   */
  async deleteCredential(id) {
    return this.store.delete(id);
  }

  /**
   * An export file of the stored credentials (all, or those with the given ids), encrypted with a passphrase.
   * The page offers `text` as a download, e.g. `new Blob([text], {type: mediaType})`.
   *
   * @param {string} passphrase at least 12 characters
   * @param {{ids?: string[]}} [options]
   * @returns {Promise<{fileName: string, mediaType: string, text: string, count: number}>}
   * @throws {WalletError} PASSPHRASE_TOO_SHORT, NOT_FOUND, UNREADABLE_RECORD
   */
  async exportCredentials(passphrase, options = {}) {
    let records = await this.store.all();
    if (options.ids !== undefined) {
      for (const id of options.ids) {
        if (!records.some(r => r.id === id)) {
          throw new WalletError('NOT_FOUND', 'no credential with this id');
        }
      }
      records = records.filter(r => options.ids.includes(r.id));
      if (records.some(r => r.unreadable)) {
        throw new WalletError('UNREADABLE_RECORD', 'a selected record cannot be decrypted');
      }
    }
    const entries = records.filter(r => !r.unreadable)
      .map(r => ({credential: r.plaintext.credential, storedAt: r.storedAt}));
    const text = await encryptExport(this.crypto, entries, passphrase, {nowMs: this.now()});
    const day = isoNow(this.now()).slice(0, 10);
    return {fileName: `noodrem-wallet-${day}.json`, mediaType: 'application/json', text, count: entries.length};
  }

  /**
   * Imports an export file. Every credential in it is checked again as on receipt (resolveIssuerKey must be set);
   * credentials already in the wallet are skipped, refused ones are reported without their content.
   *
   * @param {string | Blob} file the export document, or a File/Blob from an <input type="file">
   * @param {string} passphrase
   * @returns {Promise<{added: CredentialSummary[], duplicates: number, refused: Array<{code: string, message: string}>}>}
   * @throws {WalletError} MALFORMED_EXPORT, WRONG_PASSPHRASE
   */
  async importCredentials(file, passphrase) {
    const text = typeof file === 'string' ? file : await file.text();
    const entries = await decryptExport(this.crypto, text, passphrase);
    const added = [];
    const refused = [];
    let duplicates = 0;
    for (const entry of entries) {
      try {
        added.push(await this.addCredential(entry.credential));
      } catch (e) {
        if (!(e instanceof WalletError)) {
          throw e;
        }
        if (e.code === 'DUPLICATE') {
          duplicates++;
        } else {
          refused.push({code: e.code, message: e.message});
        }
      }
    }
    return {added, duplicates, refused};
  }

  /**
   * What a presentation for this request would disclose and keep hidden, for the consent screen. Picks the stored
   * credential that fits the request (the valid one with the latest validUntil) unless credentialId is given.
   *
   * @param {string} requestJson a noodrem-bbs-presentation-request/1 document
   * @param {{credentialId?: string, expectedAudience?: string}} [options] expectedAudience: refuse a request for
   *     any other verifier (the portal passes CJIB's audience)
   * @returns {Promise<{credentialId: string, credential: CredentialSummary, audience: string, expiresAt: string,
   *     disclosed: Array<{name, label, labelEn, value, display}>, hidden: Array<{name, label, labelEn, value, display}>,
   *     alsoVisible: Array<{name, label, labelEn, value, display}>}>}
   * @throws {WalletError} MALFORMED_REQUEST, REQUEST_EXPIRED, AUDIENCE_MISMATCH, NO_MATCHING_CREDENTIAL,
   *     CREDENTIAL_EXPIRED, SCHEMA_MISMATCH, NOT_FOUND, UNREADABLE_RECORD
   */
  async planPresentation(requestJson, options = {}) {
    const {request, record, credential} = await this.#prepare(requestJson, options);
    const plan = disclosurePlan(credential, request, {issuerName: record.plaintext.issuerName});
    return {credentialId: record.id, credential: summary(record, this.now()), ...plan};
  }

  /**
   * After the citizen consented: makes the zero-knowledge presentation in the browser. Send `presentation` to the
   * verifier; it contains only the disclosed attributes and the proof.
   *
   * @param {string} requestJson the same request that was shown with planPresentation
   * @param {{consent: boolean, credentialId?: string, expectedAudience?: string}} options consent must be true
   * @returns {Promise<{presentation: string, createdAt: string, disclosed: string[], credentialId: string}>}
   * @throws {WalletError} CONSENT_REQUIRED, PROOF_FAILED and those of planPresentation
   */
  async present(requestJson, options = {}) {
    if (options.consent !== true) {
      throw new WalletError('CONSENT_REQUIRED', 'present() needs {consent: true}');
    }
    const {request, record, credential} = await this.#prepare(requestJson, options);
    const result = await createPresentation(credential, request, {nowMs: this.now()});
    return {presentation: result.json, createdAt: result.createdAt, disclosed: result.disclosed,
      credentialId: record.id};
  }

  /** Deletes every credential and the wallet key. */
  async clear() {
    await this.store.clear();
  }

  close() {
    this.store.close();
  }

  async #check(credential, issuerKeyInput) {
    let input = issuerKeyInput;
    if (input === undefined || input === null) {
      if (typeof this.resolveIssuerKey !== 'function') {
        throw new WalletError('ISSUER_KEY_MISSING', 'no issuerKey given and no resolveIssuerKey configured');
      }
      try {
        input = await this.resolveIssuerKey(credential.issuerKeyId);
      } catch (e) {
        throw new WalletError('ISSUER_KEY_MISSING', 'resolveIssuerKey failed', {cause: e});
      }
      if (input === undefined || input === null) {
        throw new WalletError('ISSUER_KEY_MISSING', 'the issuer key is not known');
      }
    }
    return verifyCredential(credential, readIssuerKey(input), this.now());
  }

  async #record(id) {
    const stored = await this.store.get(id);
    if (stored === undefined) {
      throw new WalletError('NOT_FOUND', 'no credential with this id');
    }
    const record = readable(stored);
    if (record.unreadable) {
      throw new WalletError('UNREADABLE_RECORD', 'the record cannot be decrypted');
    }
    return record;
  }

  async #prepare(requestJson, options) {
    const request = parseRequest(requestJson);
    const now = this.now();
    if (Math.floor(now / 1000) * 1000 >= request.expiresAtMs) {
      throw new WalletError('REQUEST_EXPIRED', 'the presentation request has expired');
    }
    if (options.expectedAudience !== undefined && request.audience !== options.expectedAudience) {
      throw new WalletError('AUDIENCE_MISMATCH', 'the request names another audience than expected');
    }
    if (options.credentialId !== undefined) {
      const record = await this.#record(options.credentialId);
      const {credential} = record;
      if (!matches(credential, request)) {
        throw new WalletError('SCHEMA_MISMATCH', 'the chosen credential is of another schema');
      }
      if (isExpired(credential, now)) {
        throw new WalletError('CREDENTIAL_EXPIRED', 'validUntil has passed');
      }
      return {request, record, credential};
    }
    const candidates = (await this.store.all())
      .map(readable)
      .filter(r => !r.unreadable)
      .map(record => ({record, credential: record.credential}))
      .filter(c => matches(c.credential, request));
    if (candidates.length === 0) {
      throw new WalletError('NO_MATCHING_CREDENTIAL', 'no stored credential of the requested schema');
    }
    const valid = candidates.filter(c => !isExpired(c.credential, now));
    if (valid.length === 0) {
      throw new WalletError('CREDENTIAL_EXPIRED', 'every matching credential has expired');
    }
    const key = c => `${c.credential.attributes.get('validUntil') ?? ''}|${c.credential.issuedAt}`;
    valid.sort((a, b) => (key(a) < key(b) ? 1 : key(a) > key(b) ? -1 : 0));
    return {request, ...valid[0]};
  }
}

/**
 * A decrypted record with its credential parsed; a record whose content no longer reads as a credential (damaged,
 * or of a schema a later wallet version dropped) counts as unreadable.
 */
function readable(record) {
  if (record.unreadable) {
    return record;
  }
  try {
    return {...record, credential: parseCredential(record.plaintext.credential)};
  } catch {
    return {id: record.id, storedAt: record.storedAt, unreadable: true};
  }
}

function summary(record, nowMs) {
  if (record.unreadable) {
    return {id: record.id, storedAt: record.storedAt, unreadable: true};
  }
  const p = record.plaintext;
  const {credential} = record;
  const type = credential.attributes.get('assistanceType');
  const validUntil = credential.attributes.get('validUntil');
  return {
    id: record.id,
    unreadable: false,
    storedAt: record.storedAt,
    keyId: credential.issuerKeyId,
    issuerOin: p.issuerOin,
    issuerName: p.issuerName ?? null,
    issuerLabel: p.issuerName ?? `Gemeente met OIN ${p.issuerOin}`,
    schema: `${credential.schemaRef.id} v${credential.schemaRef.version}`,
    assistanceType: type,
    assistanceTypeLabel: ASSISTANCE_TYPE_LABELS[type]?.nl ?? type,
    helpStartDate: credential.attributes.get('helpStartDate'),
    validUntil,
    validUntilDisplay: validUntil === undefined ? undefined : formatDate(validUntil),
    issuedAt: credential.issuedAt,
    expired: isExpired(credential, nowMs)
  };
}

function isoNow(ms) {
  return new Date(ms).toISOString();
}
