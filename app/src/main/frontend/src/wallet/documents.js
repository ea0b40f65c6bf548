// The wallet's documents, read as strictly as zkp-service reads them (zkp-service README, "JSON formats"):
// noodrem-bbs-credential/1, noodrem-bbs-presentation-request/1, an issuer key (noodrem-bbs-public-key/1 or the
// portal's key record), and the noodrem-bbs-presentation/1 the wallet writes. Also the checks on receipt and the
// proof itself. No storage here: these functions are pure, so the Java interop test runs exactly them.

import {coreProofGen, coreVerify, PUBLIC_KEY_LENGTH, SIGNATURE_LENGTH, suiteByName} from './bbs.js';
import {equalBytes, fromBase64Url, fromHex, toBase64Url, utf8} from './bytes.js';
import {credentialHeader, encodeAll, epochDay, knownSchema, presentationHeader, readAttribute} from './encoding.js';
import {WalletError} from './errors.js';
import {isObject, JsonSyntaxError, parseJson, writeJson} from './json.js';
import {describeAttribute} from './labels.js';

export const CREDENTIAL_FORMAT = 'noodrem-bbs-credential/1';
export const REQUEST_FORMAT = 'noodrem-bbs-presentation-request/1';
export const PRESENTATION_FORMAT = 'noodrem-bbs-presentation/1';
export const PUBLIC_KEY_FORMAT = 'noodrem-bbs-public-key/1';
export const NONCE_LENGTH = 32;
export const MAX_AUDIENCE_OCTETS = 256;
const KEY_ID = /^(\d{20})-k([1-9]\d{0,9})$/;

/**
 * A credential as read from its document.
 *
 * @typedef {object} Credential
 * @property {string} json the document as received (what the wallet stores and exports)
 * @property {import('./bbs.js').Suite} suite
 * @property {{id: string, version: number, sha256: string}} schemaRef
 * @property {import('./encoding.js').Schema} schema
 * @property {string} issuerKeyId
 * @property {string} keyIssuerOin the OIN in the key id
 * @property {Uint8Array} issuerPublicKey the credential's copy; never trusted without the portal's key
 * @property {string} issuedAt
 * @property {Map<string, string | bigint>} attributes in schema order
 * @property {Uint8Array} signature
 */

/**
 * Reads a noodrem-bbs-credential/1 document (text or already-parsed object is NOT accepted: the text is kept).
 * Checks form only; {@link verifyCredential} checks the signature.
 *
 * @param {string} text
 * @returns {Credential}
 * @throws {WalletError} MALFORMED_CREDENTIAL, UNKNOWN_SCHEMA, UNSUPPORTED_CIPHERSUITE
 */
export function parseCredential(text) {
  const fail = detail => new WalletError('MALFORMED_CREDENTIAL', `credential: ${detail}`);
  const root = parseDocument(text, CREDENTIAL_FORMAT, fail);
  allowOnly(root, ['format', 'ciphersuite', 'schema', 'issuerKeyId', 'issuerPublicKey', 'issuedAt', 'attributes',
    'signature'], fail);
  const schemaRef = readSchemaRef(root, fail);
  const schema = knownSchema(schemaRef);
  if (schema === undefined) {
    throw new WalletError('UNKNOWN_SCHEMA', `credential: schema ${schemaRef.id} v${schemaRef.version} not known`);
  }
  const attributes = readValues(root, 'attributes', schema, fail);
  for (const def of schema.attributes) {
    if (!attributes.has(def.name)) {
      throw fail(`attribute ${def.name} is missing`);
    }
  }
  const ciphersuite = text_(root, 'ciphersuite', fail);
  const suite = suiteByName(ciphersuite);
  if (suite === undefined) {
    throw new WalletError('UNSUPPORTED_CIPHERSUITE', 'credential: unknown ciphersuite');
  }
  const issuerKeyId = readKeyId(root, 'issuerKeyId', fail);
  return Object.freeze({
    json: text,
    suite,
    schemaRef,
    schema,
    issuerKeyId,
    keyIssuerOin: issuerKeyId.slice(0, 20),
    issuerPublicKey: bytes_(root, 'issuerPublicKey', PUBLIC_KEY_LENGTH, fail),
    issuedAt: instant_(root, 'issuedAt', fail).text,
    attributes,
    signature: bytes_(root, 'signature', SIGNATURE_LENGTH, fail)
  });
}

/**
 * The issuer key the portal looked up (from the chain, through the server) for a credential's key id.
 *
 * @typedef {object} IssuerKey
 * @property {string} keyId
 * @property {Uint8Array} publicKey 96 octets
 * @property {string} issuerOin
 * @property {string | null} issuerName
 * @property {number | null} validFromMs
 * @property {number | null} validUntilMs
 * @property {boolean} issuerActive
 * @property {boolean} keyRevoked
 */

/**
 * Accepts either a noodrem-bbs-public-key/1 document (text or object) or a key record object
 * `{keyId, publicKey, issuerOin?, issuerName?, validFrom?, validUntil?, issuerActive?, keyRevoked?}` with
 * publicKey as base64url, 192 hex digits or a Uint8Array, and validFrom/validUntil as ISO-8601 UTC instants.
 *
 * @param {string | object} input
 * @returns {IssuerKey}
 * @throws {WalletError} ISSUER_KEY_MISSING when the input is not a usable key description
 */
export function readIssuerKey(input) {
  const fail = detail => new WalletError('ISSUER_KEY_MISSING', `issuer key: ${detail}`);
  let root = input;
  if (typeof input === 'string') {
    try {
      root = parseJson(input);
    } catch (e) {
      throw fail(e instanceof JsonSyntaxError ? e.message : 'not JSON');
    }
  }
  if (!isObject(root)) {
    throw fail('not an object');
  }
  const keyId = readKeyId(root, 'keyId', fail);
  const oinOfKey = keyId.slice(0, 20);
  let publicKey;
  if (root.format !== undefined) {
    if (root.format !== PUBLIC_KEY_FORMAT) {
      throw fail(`expected ${PUBLIC_KEY_FORMAT}`);
    }
    allowOnly(root, ['format', 'keyId', 'issuerOin', 'publicKey', 'publicKeyHex', 'createdAt'], fail);
    publicKey = bytes_(root, 'publicKey', PUBLIC_KEY_LENGTH, fail);
    if (root.publicKeyHex !== undefined) {
      const hex = typeof root.publicKeyHex === 'string' ? fromHex(root.publicKeyHex) : null;
      if (hex === null || !equalBytes(hex, publicKey)) {
        throw fail('publicKey and publicKeyHex differ');
      }
    }
  } else if (root.publicKey instanceof Uint8Array) {
    publicKey = Uint8Array.from(root.publicKey);
  } else if (typeof root.publicKey === 'string') {
    publicKey = root.publicKey.length === 2 * PUBLIC_KEY_LENGTH ? fromHex(root.publicKey)
      : fromBase64Url(root.publicKey);
  }
  if (!(publicKey instanceof Uint8Array) || publicKey.length !== PUBLIC_KEY_LENGTH) {
    throw fail(`publicKey must be ${PUBLIC_KEY_LENGTH} octets`);
  }
  const issuerOin = root.issuerOin === undefined ? oinOfKey : root.issuerOin;
  if (issuerOin !== oinOfKey) {
    throw new WalletError('ISSUER_MISMATCH', 'issuer key: issuerOin does not match the key id');
  }
  const optionalInstant = name => (root[name] === undefined || root[name] === null ? null
    : instant_(root, name, fail).ms);
  const optionalBoolean = (name, fallback) => {
    if (root[name] === undefined || root[name] === null) {
      return fallback;
    }
    if (typeof root[name] !== 'boolean') {
      throw fail(`${name} must be a boolean`);
    }
    return root[name];
  };
  const name = root.issuerName;
  if (name !== undefined && name !== null && typeof name !== 'string') {
    throw fail('issuerName must be a string');
  }
  return Object.freeze({
    keyId,
    publicKey,
    issuerOin,
    issuerName: typeof name === 'string' && name.trim() !== '' ? name : null,
    validFromMs: root.format === undefined ? optionalInstant('validFrom') : null,
    validUntilMs: root.format === undefined ? optionalInstant('validUntil') : null,
    issuerActive: optionalBoolean('issuerActive', true),
    keyRevoked: optionalBoolean('keyRevoked', false)
  });
}

/**
 * What the wallet checks on receipt, as zkp-service's BbsCredentialVerifier: the key is the one the credential
 * names and usable now, the credential's copy of the public key is that key, the issuerOin attribute is the
 * key's OIN (zkp-service's signer guarantees it), and the BBS signature verifies over every attribute with the
 * credential header.
 *
 * @param {Credential} credential
 * @param {IssuerKey} key
 * @param {number} nowMs
 * @returns {{keyId: string, issuerOin: string, issuerName: string | null}}
 * @throws {WalletError} ISSUER_MISMATCH, ISSUER_NOT_TRUSTED, INVALID_SIGNATURE
 */
export function verifyCredential(credential, key, nowMs) {
  if (key.keyId !== credential.issuerKeyId) {
    throw new WalletError('ISSUER_MISMATCH', 'the given key has another key id than the credential');
  }
  if (!key.issuerActive || key.keyRevoked || (key.validFromMs !== null && nowMs < key.validFromMs)
      || (key.validUntilMs !== null && nowMs >= key.validUntilMs)) {
    throw new WalletError('ISSUER_NOT_TRUSTED', 'issuer suspended, key revoked or key outside its validity');
  }
  if (!equalBytes(key.publicKey, credential.issuerPublicKey)) {
    throw new WalletError('ISSUER_MISMATCH', "the credential's copy of the public key is not the registered key");
  }
  const oin = credential.attributes.get('issuerOin');
  if (oin !== undefined && oin !== credential.keyIssuerOin) {
    throw new WalletError('ISSUER_MISMATCH', 'issuerOin is not the OIN of the signing key');
  }
  let valid;
  try {
    valid = coreVerify({
      suite: credential.suite,
      publicKey: key.publicKey,
      signature: credential.signature,
      header: credentialHeader(credential.schemaRef, credential.issuerKeyId),
      messages: encodeAll(credential.suite, credential.schema, credential.attributes)
    });
  } catch (e) {
    throw new WalletError('INVALID_SIGNATURE', 'signature could not be checked', {cause: e});
  }
  if (!valid) {
    throw new WalletError('INVALID_SIGNATURE', 'BBS signature does not verify');
  }
  return {keyId: key.keyId, issuerOin: key.issuerOin, issuerName: key.issuerName};
}

/**
 * A verifier's request.
 *
 * @typedef {object} PresentationRequest
 * @property {{id: string, version: number, sha256: string}} schemaRef
 * @property {string[]} disclose as the verifier listed them
 * @property {Uint8Array} nonce
 * @property {string} nonceText base64url
 * @property {string} audience
 * @property {string} issuedAt
 * @property {number} issuedAtMs
 * @property {string} expiresAt
 * @property {number} expiresAtMs
 */

/**
 * Reads a noodrem-bbs-presentation-request/1 document.
 *
 * @param {string} text
 * @returns {PresentationRequest}
 * @throws {WalletError} MALFORMED_REQUEST
 */
export function parseRequest(text) {
  const fail = detail => new WalletError('MALFORMED_REQUEST', `presentation request: ${detail}`);
  const root = parseDocument(text, REQUEST_FORMAT, fail);
  allowOnly(root, ['format', 'schema', 'disclose', 'nonce', 'audience', 'issuedAt', 'expiresAt'], fail);
  const schemaRef = readSchemaRef(root, fail);
  const disclose = root.disclose;
  if (!Array.isArray(disclose) || disclose.some(n => typeof n !== 'string')) {
    throw fail('disclose must be an array of attribute names');
  }
  if (new Set(disclose).size !== disclose.length) {
    throw fail('attributes to disclose must be distinct');
  }
  const nonce = bytes_(root, 'nonce', NONCE_LENGTH, fail);
  const audience = text_(root, 'audience', fail);
  if (audience.trim() === '' || !wellFormed(audience) || utf8(audience).length > MAX_AUDIENCE_OCTETS) {
    throw fail(`audience must be 1..${MAX_AUDIENCE_OCTETS} octets of text`);
  }
  const issuedAt = instant_(root, 'issuedAt', fail);
  const expiresAt = instant_(root, 'expiresAt', fail);
  if (expiresAt.ms <= issuedAt.ms) {
    throw fail('a request must expire after it was issued');
  }
  return Object.freeze({
    schemaRef,
    disclose: Object.freeze([...disclose]),
    nonce,
    nonceText: root.nonce,
    audience,
    issuedAt: issuedAt.text,
    issuedAtMs: issuedAt.ms,
    expiresAt: expiresAt.text,
    expiresAtMs: expiresAt.ms
  });
}

/** Whether a credential can answer a request: same schema (id, version and hash). */
export function matches(credential, request) {
  const a = credential.schemaRef;
  const b = request.schemaRef;
  return a.id === b.id && a.version === b.version && a.sha256 === b.sha256;
}

/**
 * What a presentation for this request would show and hide, with Dutch labels, in schema order.
 * `alsoVisible` lists what every presentation shows besides the attributes: the issuer key id (and so which
 * municipality issued the credential, even though the issuerOin attribute stays hidden), the audience and the time.
 *
 * @param {Credential} credential
 * @param {PresentationRequest} request
 * @param {{issuerName?: string | null}} [issuer]
 * @throws {WalletError} SCHEMA_MISMATCH, MALFORMED_REQUEST
 */
export function disclosurePlan(credential, request, issuer = {}) {
  const indexes = disclosedIndexes(credential, request);
  const disclosed = [];
  const hidden = [];
  credential.schema.attributes.forEach((def, i) => {
    const item = describeAttribute(def, credential.attributes.get(def.name));
    (indexes.includes(i) ? disclosed : hidden).push(item);
  });
  const issuerText = issuer.issuerName ? `${issuer.issuerName} (OIN ${credential.keyIssuerOin})`
    : `OIN ${credential.keyIssuerOin}`;
  return {
    audience: request.audience,
    expiresAt: request.expiresAt,
    disclosed,
    hidden,
    alsoVisible: [
      {name: 'issuerKeyId', label: 'Uitgever van de verklaring', labelEn: 'Issuer of the credential',
        value: credential.issuerKeyId, display: issuerText},
      {name: 'audience', label: 'Ontvanger', labelEn: 'Recipient', value: request.audience,
        display: request.audience},
      {name: 'createdAt', label: 'Tijdstip van het bewijs', labelEn: 'Time of the proof', value: null,
        display: 'het moment waarop u toestemming geeft'}
    ]
  };
}

function disclosedIndexes(credential, request) {
  if (!matches(credential, request)) {
    throw new WalletError('SCHEMA_MISMATCH', 'the request is for another schema');
  }
  const names = credential.schema.attributes.map(a => a.name);
  const indexes = request.disclose.map(name => {
    const i = names.indexOf(name);
    if (i < 0) {
      throw new WalletError('MALFORMED_REQUEST', 'the request asks for an attribute the schema does not have');
    }
    return i;
  });
  return indexes.sort((a, b) => a - b);
}

/** Today's date 'yyyy-MM-dd' in Europe/Amsterdam, where CJIB judges validUntil. */
export function todayInAmsterdam(nowMs) {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit'
  }).formatToParts(new Date(nowMs));
  const part = type => parts.find(p => p.type === type).value;
  return `${part('year').padStart(4, '0')}-${part('month')}-${part('day')}`;
}

/** True when the credential's validUntil (inclusive) lies before today in Europe/Amsterdam. */
export function isExpired(credential, nowMs) {
  const validUntil = credential.attributes.get('validUntil');
  return typeof validUntil === 'string' && epochDay(validUntil) < epochDay(todayInAmsterdam(nowMs));
}

/**
 * Makes the zero-knowledge presentation: a BBS proof of the issuer's signature that discloses exactly the
 * requested attributes, bound by the presentation header to the request's nonce and audience and to createdAt.
 *
 * createdAt is the device's clock in whole seconds, but never before the request's issuedAt (a proof cannot be
 * older than its request; this keeps a device whose clock runs behind within the verifier's window).
 *
 * @param {Credential} credential checked with {@link verifyCredential} when it was stored
 * @param {PresentationRequest} request
 * @param {{nowMs: number}} options
 * @returns {Promise<{json: string, createdAt: string, disclosed: string[]}>}
 * @throws {WalletError} REQUEST_EXPIRED, SCHEMA_MISMATCH, MALFORMED_REQUEST, CREDENTIAL_EXPIRED, PROOF_FAILED
 */
export async function createPresentation(credential, request, {nowMs}) {
  const nowSeconds = Math.floor(nowMs / 1000);
  if (nowSeconds * 1000 >= request.expiresAtMs) {
    throw new WalletError('REQUEST_EXPIRED', 'the presentation request has expired');
  }
  const indexes = disclosedIndexes(credential, request);
  if (isExpired(credential, nowMs)) {
    throw new WalletError('CREDENTIAL_EXPIRED', 'validUntil has passed');
  }
  const createdAtSeconds = Math.max(nowSeconds, Math.ceil(request.issuedAtMs / 1000));
  const messages = encodeAll(credential.suite, credential.schema, credential.attributes);
  let proof;
  try {
    proof = await coreProofGen({
      suite: credential.suite,
      publicKey: credential.issuerPublicKey,
      signature: credential.signature,
      header: credentialHeader(credential.schemaRef, credential.issuerKeyId),
      ph: presentationHeader(request.nonce, request.audience, createdAtSeconds),
      messages,
      disclosedIndexes: indexes
    });
  } catch (e) {
    throw new WalletError('PROOF_FAILED', 'proof generation failed', {cause: e});
  }
  const disclosed = {};
  for (const i of indexes) {
    const name = credential.schema.attributes[i].name;
    disclosed[name] = credential.attributes.get(name);
  }
  const createdAt = formatInstant(createdAtSeconds);
  const json = writeJson({
    format: PRESENTATION_FORMAT,
    ciphersuite: credential.suite.name,
    schema: {id: credential.schemaRef.id, version: credential.schemaRef.version, sha256: credential.schemaRef.sha256},
    issuerKeyId: credential.issuerKeyId,
    audience: request.audience,
    nonce: toBase64Url(request.nonce),
    createdAt,
    disclosed,
    proof: toBase64Url(proof)
  });
  return {json, createdAt, disclosed: Object.keys(disclosed)};
}

/** '2025-03-03T09:00:00Z' for whole seconds since the epoch (Java's Instant.toString for whole seconds). */
export function formatInstant(seconds) {
  return new Date(seconds * 1000).toISOString().replace(/\.000Z$/, 'Z');
}

// --- strict reading helpers (messages name members, never values) ---

function parseDocument(text, format, fail) {
  if (typeof text !== 'string') {
    throw fail('expected the document as text');
  }
  let root;
  try {
    root = parseJson(text);
  } catch (e) {
    throw fail(e instanceof JsonSyntaxError ? `not valid JSON (${e.message})` : 'not valid JSON');
  }
  if (!isObject(root)) {
    throw fail('not a JSON object');
  }
  if (root.format !== format) {
    throw fail(`expected a document of format ${format}`);
  }
  return root;
}

function allowOnly(root, names, fail) {
  for (const name of Object.keys(root)) {
    if (!names.includes(name)) {
      throw fail(`unknown member '${name.slice(0, 40).replace(/[^A-Za-z0-9_$-]/g, '?')}'`);
    }
  }
}

function text_(root, name, fail) {
  const v = root[name];
  if (v === undefined || v === null) {
    throw fail(`missing member '${name}'`);
  }
  if (typeof v !== 'string') {
    throw fail(`member '${name}' must be a string`);
  }
  return v;
}

function bytes_(root, name, length, fail) {
  const b = fromBase64Url(text_(root, name, fail));
  if (b === null) {
    throw fail(`member '${name}' is not canonical unpadded base64url`);
  }
  if (b.length !== length) {
    throw fail(`member '${name}' must be ${length} octets`);
  }
  return b;
}

const INSTANT = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?Z$/;

function instant_(root, name, fail) {
  const text = text_(root, name, fail);
  const m = INSTANT.exec(text);
  const day = m === null ? null : epochDay(m[1]);
  if (day === null || Number(m[2]) > 23 || Number(m[3]) > 59 || Number(m[4]) > 59) {
    throw fail(`member '${name}' must be an ISO-8601 UTC instant`);
  }
  const ms = day * 86_400_000 + ((Number(m[2]) * 60 + Number(m[3])) * 60 + Number(m[4])) * 1000
    + Math.floor(Number(`0.${m[5] ?? '0'}`) * 1000);
  return {text, ms};
}

function readKeyId(root, member, fail) {
  const keyId = text_(root, member, fail);
  const m = KEY_ID.exec(keyId);
  if (m === null || Number(m[2]) > 2147483647) {
    throw fail('key id must look like <20-digit OIN>-k<n>');
  }
  return keyId;
}

function readSchemaRef(root, fail) {
  const s = root.schema;
  if (!isObject(s)) {
    throw fail("member 'schema' must be an object");
  }
  allowOnly(s, ['id', 'version', 'sha256'], fail);
  const id = text_(s, 'id', fail);
  const version = s.version;
  if (!Number.isSafeInteger(version) || version < -2147483648 || version > 2147483647) {
    throw fail("member 'version' must be a 32-bit integer");
  }
  const sha256 = text_(s, 'sha256', fail);
  if (!/^[0-9a-f]{64}$/.test(sha256)) {
    throw fail('schema sha256 must be 64 lower-case hex digits');
  }
  return Object.freeze({id, version, sha256});
}

function readValues(root, member, schema, fail) {
  const n = root[member];
  if (!isObject(n)) {
    throw fail(`member '${member}' must be an object`);
  }
  const read = new Map();
  for (const [name, json] of Object.entries(n)) {
    const def = schema.attributes.find(a => a.name === name);
    if (def === undefined) {
      throw fail(`${member}: an attribute is not in the schema`);
    }
    try {
      read.set(name, readAttribute(def, json));
    } catch (e) {
      throw fail(e.message);
    }
  }
  const ordered = new Map();
  for (const def of schema.attributes) {
    if (read.has(def.name)) {
      ordered.set(def.name, read.get(def.name));
    }
  }
  return ordered;
}

function wellFormed(text) {
  return typeof text.isWellFormed === 'function' ? text.isWellFormed()
    : !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);
}
