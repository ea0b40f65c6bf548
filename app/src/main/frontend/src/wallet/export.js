// The wallet's export file: credentials protected with a passphrase the citizen chooses, so the file can be kept
// on a USB stick or in a cloud drive and imported into another browser.
//
// noodrem-wallet-export/1 (UTF-8 JSON):
//   { "format": "noodrem-wallet-export/1", "createdAt": "<ISO-8601 UTC>",
//     "kdf":    { "algorithm": "PBKDF2-HMAC-SHA256", "iterations": 600000, "salt": "<base64url, 16 octets>" },
//     "cipher": { "algorithm": "AES-256-GCM", "nonce": "<base64url, 12 octets>", "ciphertext": "<base64url>" } }
//
// key        = PBKDF2-HMAC-SHA256(UTF-8(NFC(passphrase)), salt, iterations, 32 octets)
// AAD        = "noodrem-wallet-export/1\n" || createdAt || "\n" || iterations || "\n" || salt (as written)
// plaintext  = {"format":"noodrem-wallet-export-content/1",
//               "credentials":[{"credential":"<the credential document, as received>","storedAt":"<ISO>"}]}
//
// The same construction as zkp-service's issuer key file (noodrem-bbs-keystore/1). A wrong passphrase and a
// changed file are indistinguishable (the GCM tag fails) and reported as one error.

import {fromBase64Url, toBase64Url, utf8} from './bytes.js';
import {WalletError} from './errors.js';
import {isObject, parseJson, writeJson} from './json.js';

export const EXPORT_FORMAT = 'noodrem-wallet-export/1';
export const EXPORT_CONTENT_FORMAT = 'noodrem-wallet-export-content/1';
export const DEFAULT_ITERATIONS = 600_000;
export const MIN_ITERATIONS = 100_000;
export const MAX_ITERATIONS = 10_000_000;
export const MIN_PASSPHRASE_CHARACTERS = 12;

function checkPassphrase(passphrase) {
  if (typeof passphrase !== 'string' || [...passphrase.normalize('NFC')].length < MIN_PASSPHRASE_CHARACTERS) {
    throw new WalletError('PASSPHRASE_TOO_SHORT', `passphrase shorter than ${MIN_PASSPHRASE_CHARACTERS} characters`);
  }
}

async function deriveKey(crypto, passphrase, salt, iterations) {
  const material = await crypto.subtle.importKey('raw', utf8(passphrase.normalize('NFC')), 'PBKDF2', false,
    ['deriveKey']);
  return crypto.subtle.deriveKey({name: 'PBKDF2', hash: 'SHA-256', salt, iterations}, material,
    {name: 'AES-GCM', length: 256}, false, ['encrypt', 'decrypt']);
}

function aad(createdAt, iterations, saltText) {
  return utf8(`${EXPORT_FORMAT}\n${createdAt}\n${iterations}\n${saltText}`);
}

/**
 * @param {Crypto} crypto
 * @param {Array<{credential: string, storedAt: string}>} entries
 * @param {string} passphrase at least 12 characters
 * @param {{nowMs: number, iterations?: number}} options
 * @returns {Promise<string>} the export document
 * @throws {WalletError} PASSPHRASE_TOO_SHORT
 */
export async function encryptExport(crypto, entries, passphrase, {nowMs, iterations = DEFAULT_ITERATIONS}) {
  checkPassphrase(passphrase);
  if (!Number.isSafeInteger(iterations) || iterations < MIN_ITERATIONS || iterations > MAX_ITERATIONS) {
    throw new RangeError(`iterations must be ${MIN_ITERATIONS}..${MAX_ITERATIONS}`);
  }
  const createdAt = new Date(Math.floor(nowMs / 1000) * 1000).toISOString().replace(/\.000Z$/, 'Z');
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const nonce = crypto.getRandomValues(new Uint8Array(12));
  const saltText = toBase64Url(salt);
  const key = await deriveKey(crypto, passphrase, salt, iterations);
  const plaintext = writeJson({
    format: EXPORT_CONTENT_FORMAT,
    credentials: entries.map(e => ({credential: e.credential, storedAt: e.storedAt}))
  });
  const ciphertext = new Uint8Array(await crypto.subtle.encrypt(
    {name: 'AES-GCM', iv: nonce, additionalData: aad(createdAt, iterations, saltText), tagLength: 128},
    key, utf8(plaintext)));
  return writeJson({
    format: EXPORT_FORMAT,
    createdAt,
    kdf: {algorithm: 'PBKDF2-HMAC-SHA256', iterations, salt: saltText},
    cipher: {algorithm: 'AES-256-GCM', nonce: toBase64Url(nonce), ciphertext: toBase64Url(ciphertext)}
  });
}

/**
 * @param {Crypto} crypto
 * @param {string} text the export document
 * @param {string} passphrase
 * @returns {Promise<Array<{credential: string, storedAt: string}>>}
 * @throws {WalletError} MALFORMED_EXPORT, WRONG_PASSPHRASE
 */
export async function decryptExport(crypto, text, passphrase) {
  const fail = detail => new WalletError('MALFORMED_EXPORT', `export: ${detail}`);
  let root;
  try {
    root = parseJson(text);
  } catch {
    throw fail('not JSON');
  }
  if (!isObject(root) || root.format !== EXPORT_FORMAT || !isObject(root.kdf) || !isObject(root.cipher)
      || typeof root.createdAt !== 'string') {
    throw fail(`not a ${EXPORT_FORMAT} document`);
  }
  const {kdf, cipher} = root;
  if (kdf.algorithm !== 'PBKDF2-HMAC-SHA256' || cipher.algorithm !== 'AES-256-GCM') {
    throw fail('unknown algorithm');
  }
  const iterations = kdf.iterations;
  if (!Number.isSafeInteger(iterations) || iterations < MIN_ITERATIONS || iterations > MAX_ITERATIONS) {
    throw fail('iterations out of range');
  }
  const salt = fromBase64Url(kdf.salt);
  const nonce = fromBase64Url(cipher.nonce);
  const ciphertext = fromBase64Url(cipher.ciphertext);
  if (salt === null || salt.length < 16 || nonce === null || nonce.length !== 12 || ciphertext === null
      || ciphertext.length < 16) {
    throw fail('salt, nonce or ciphertext malformed');
  }
  if (typeof passphrase !== 'string' || passphrase === '') {
    throw new WalletError('WRONG_PASSPHRASE', 'no passphrase');
  }
  const key = await deriveKey(crypto, passphrase, salt, iterations);
  let plain;
  try {
    plain = await crypto.subtle.decrypt(
      {name: 'AES-GCM', iv: nonce, additionalData: aad(root.createdAt, iterations, kdf.salt), tagLength: 128},
      key, ciphertext);
  } catch {
    throw new WalletError('WRONG_PASSPHRASE', 'authentication tag did not verify');
  }
  let content;
  try {
    content = parseJson(new TextDecoder('utf-8', {fatal: true}).decode(plain));
  } catch {
    throw fail('content is not JSON');
  }
  if (!isObject(content) || content.format !== EXPORT_CONTENT_FORMAT || !Array.isArray(content.credentials)
      || content.credentials.some(e => !isObject(e) || typeof e.credential !== 'string'
        || typeof e.storedAt !== 'string')) {
    throw fail('content malformed');
  }
  return content.credentials.map(e => ({credential: e.credential, storedAt: e.storedAt}));
}
