// Encrypted credential storage in the browser's IndexedDB.
//
// Database "noodrem-wallet" (version 1), two object stores:
//   keys         { id: "records-v1", key: CryptoKey, createdAt }     the wallet's AES-256-GCM key
//   credentials  { id, iv, ciphertext, storedAt }                    one encrypted record per credential
//
// The key is generated in the browser with WebCrypto as NON-EXTRACTABLE and stored as a CryptoKey object
// (IndexedDB keeps CryptoKeys by structured clone), so its octets never exist in script memory and never reach
// the server. Each record's plaintext (the credential document and what the wallet learned when checking it) is
// encrypted with AES-GCM under a fresh 96-bit IV, with the record id as additional data, so records cannot be
// swapped between ids unnoticed. Nothing about the credential (issuer, type, dates) is stored in clear: listing
// decrypts.

import {utf8} from './bytes.js';
import {WalletError} from './errors.js';

export const DEFAULT_DATABASE_NAME = 'noodrem-wallet';
const DB_VERSION = 1;
const KEYS = 'keys';
const CREDENTIALS = 'credentials';
const RECORD_KEY_ID = 'records-v1';
const RECORD_AAD_PREFIX = 'noodrem-wallet-record/1\n';

function request(req) {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

function transactionDone(tx) {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error ?? new Error('transaction aborted'));
  });
}

/**
 * The encrypted store. Create with {@link openStore}.
 */
export class EncryptedStore {
  /** @param {IDBDatabase} db @param {Crypto} crypto @param {CryptoKey} key */
  constructor(db, crypto, key) {
    this.db = db;
    this.crypto = crypto;
    this.key = key;
  }

  /**
   * Encrypts and stores a record under a new random id.
   *
   * @param {object} plaintext JSON-serialisable
   * @param {string} storedAt
   * @returns {Promise<string>} the id
   */
  async put(plaintext, storedAt) {
    const id = this.crypto.randomUUID();
    const iv = this.crypto.getRandomValues(new Uint8Array(12));
    const ciphertext = new Uint8Array(await this.crypto.subtle.encrypt(
      {name: 'AES-GCM', iv, additionalData: utf8(RECORD_AAD_PREFIX + id), tagLength: 128},
      this.key, utf8(JSON.stringify(plaintext))));
    const tx = this.db.transaction(CREDENTIALS, 'readwrite');
    const done = transactionDone(tx);
    tx.objectStore(CREDENTIALS).add({id, iv, ciphertext, storedAt});
    await done;
    return id;
  }

  /**
   * Every record, decrypted. A record that cannot be decrypted (key lost, data damaged) is returned as
   * `{id, storedAt, unreadable: true}` so that the page can offer to delete it.
   *
   * @returns {Promise<Array<{id: string, storedAt: string, plaintext?: object, unreadable?: true}>>}
   */
  async all() {
    const tx = this.db.transaction(CREDENTIALS, 'readonly');
    const rows = await request(tx.objectStore(CREDENTIALS).getAll());
    const out = [];
    for (const row of rows) {
      out.push(await this.decrypt(row));
    }
    return out;
  }

  /** One record, decrypted, or undefined when there is none with this id. */
  async get(id) {
    const tx = this.db.transaction(CREDENTIALS, 'readonly');
    const row = await request(tx.objectStore(CREDENTIALS).get(id));
    return row === undefined ? undefined : this.decrypt(row);
  }

  async decrypt(row) {
    try {
      const plain = await this.crypto.subtle.decrypt(
        {name: 'AES-GCM', iv: row.iv, additionalData: utf8(RECORD_AAD_PREFIX + row.id), tagLength: 128},
        this.key, row.ciphertext);
      return {id: row.id, storedAt: row.storedAt, plaintext: JSON.parse(new TextDecoder().decode(plain))};
    } catch {
      return {id: row.id, storedAt: row.storedAt, unreadable: true};
    }
  }

  /** @returns {Promise<boolean>} whether a record was deleted */
  async delete(id) {
    const tx = this.db.transaction(CREDENTIALS, 'readwrite');
    const done = transactionDone(tx);
    const store = tx.objectStore(CREDENTIALS);
    const existing = await request(store.getKey(id));
    if (existing !== undefined) {
      store.delete(id);
    }
    await done;
    return existing !== undefined;
  }

  /**
   * Deletes every record and the key, then makes a new key: nothing the wallet held can be read afterwards, and
   * the wallet is ready for new credentials.
   */
  async clear() {
    const tx = this.db.transaction([CREDENTIALS, KEYS], 'readwrite');
    const done = transactionDone(tx);
    tx.objectStore(CREDENTIALS).clear();
    tx.objectStore(KEYS).clear();
    await done;
    this.key = await recordKey(this.db, this.crypto);
  }

  close() {
    this.db.close();
  }
}

/**
 * Opens (creating when needed) the database and the wallet key.
 *
 * @param {{indexedDB: IDBFactory, crypto: Crypto, databaseName?: string}} options
 * @returns {Promise<EncryptedStore>}
 * @throws {WalletError} STORAGE_UNAVAILABLE, CRYPTO_UNAVAILABLE
 */
export async function openStore({indexedDB, crypto, databaseName = DEFAULT_DATABASE_NAME}) {
  if (crypto?.subtle === undefined || typeof crypto.getRandomValues !== 'function') {
    throw new WalletError('CRYPTO_UNAVAILABLE', 'WebCrypto (crypto.subtle) is not available; is the page on https?');
  }
  if (indexedDB === undefined || indexedDB === null) {
    throw new WalletError('STORAGE_UNAVAILABLE', 'indexedDB is not available');
  }
  let db;
  try {
    const open = indexedDB.open(databaseName, DB_VERSION);
    open.onupgradeneeded = () => {
      const d = open.result;
      if (!d.objectStoreNames.contains(KEYS)) {
        d.createObjectStore(KEYS, {keyPath: 'id'});
      }
      if (!d.objectStoreNames.contains(CREDENTIALS)) {
        d.createObjectStore(CREDENTIALS, {keyPath: 'id'});
      }
    };
    db = await request(open);
  } catch (e) {
    throw new WalletError('STORAGE_UNAVAILABLE', 'IndexedDB could not be opened', {cause: e});
  }
  const key = await recordKey(db, crypto);
  return new EncryptedStore(db, crypto, key);
}

/**
 * The wallet's key: read it, or store a freshly generated one. IndexedDB transactions cannot wait for WebCrypto,
 * so a candidate is generated first and stored only if no other tab stored one in the meantime (the `add` fails
 * then, and the stored key wins).
 */
async function recordKey(db, crypto) {
  const existing = await readKey(db);
  if (existing !== undefined) {
    return existing;
  }
  const candidate = await crypto.subtle.generateKey({name: 'AES-GCM', length: 256}, false, ['encrypt', 'decrypt']);
  try {
    const tx = db.transaction(KEYS, 'readwrite');
    const done = transactionDone(tx);
    tx.objectStore(KEYS).add({id: RECORD_KEY_ID, key: candidate, createdAt: new Date().toISOString()});
    await done;
    return candidate;
  } catch (e) {
    const stored = await readKey(db);
    if (stored !== undefined) {
      return stored;
    }
    throw new WalletError('STORAGE_UNAVAILABLE', 'the wallet key could not be stored', {cause: e});
  }
}

async function readKey(db) {
  const tx = db.transaction(KEYS, 'readonly');
  const row = await request(tx.objectStore(KEYS).get(RECORD_KEY_ID));
  return row?.key;
}
