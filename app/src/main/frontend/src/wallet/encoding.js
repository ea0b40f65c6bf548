// The credential contract shared with zkp-service (its README, "Attribute encoding" and "Headers"): the known
// schemas, how an attribute value becomes a BBS message scalar, and the BBS header and presentation header
// octets. Any change here must be a change there first.

import {mapMessageToScalar} from './bbs.js';
import {concat, i2osp, utf8} from './bytes.js';

/**
 * DebtAssistanceCredential v1 exactly as zkp-service's canonical schema document
 * (zkp-service/src/main/resources/nl/noodrem/zkp/schemas/DebtAssistanceCredential-v1.json); its SHA-256 is what
 * credentials, requests and the chain's schema registry carry. A test recomputes the hash from this text and
 * compares the text with zkp-service's file.
 */
export const DEBT_ASSISTANCE_V1_DOCUMENT = '{"format":"noodrem-credential-schema/1","id":"DebtAssistanceCredential",'
  + '"version":1,"attributes":[{"name":"bsn","type":"string"},{"name":"issuerOin","type":"string"},'
  + '{"name":"assistanceType","type":"enum","values":["MSNP","WSNP","STABILISATIE","BUDGETBEHEER",'
  + '"BESCHERMINGSBEWIND"]},{"name":"decisionDate","type":"date"},{"name":"helpStartDate","type":"date"},'
  + '{"name":"validUntil","type":"date"},{"name":"statusListId","type":"integer"},'
  + '{"name":"statusIndex","type":"integer"},{"name":"debtAmountCents","type":"integer"},'
  + '{"name":"creditorCount","type":"integer"},{"name":"counsellorId","type":"string"}]}';

/**
 * @typedef {{name: string, type: 'string'|'date'|'integer'|'enum', values?: string[]}} AttributeDefinition
 * @typedef {{id: string, version: number, sha256: string, attributes: AttributeDefinition[]}} Schema
 */

/** @type {Schema} */
export const DEBT_ASSISTANCE_V1 = deepFreeze({
  id: 'DebtAssistanceCredential',
  version: 1,
  sha256: '800e5576775c2c3ed9a42bcfa2fda9769c88f31cfc491335b85734cb3ce91924',
  attributes: JSON.parse(DEBT_ASSISTANCE_V1_DOCUMENT).attributes
});

/** The schemas this wallet can hold, by id and version; the hash must match too. */
const KNOWN_SCHEMAS = [DEBT_ASSISTANCE_V1];

/**
 * @param {{id: string, version: number, sha256: string}} ref
 * @returns {Schema | undefined}
 */
export function knownSchema(ref) {
  return KNOWN_SCHEMAS.find(s => s.id === ref.id && s.version === ref.version && s.sha256 === ref.sha256);
}

/** Longest string attribute, in UTF-8 octets (as zkp-service). */
export const MAX_STRING_OCTETS = 4096;
const INT64_MIN = -(1n << 63n);
const INT64_MAX = (1n << 63n) - 1n;

/**
 * Reads one attribute value from its JSON form, checking it fits the attribute as zkp-service does. Returns the
 * typed value (string, 'yyyy-MM-dd' string, BigInt, enum string) or throws a TypeError whose message names the
 * attribute, never the value.
 *
 * @param {AttributeDefinition} def
 * @param {unknown} json
 * @returns {string | bigint}
 */
export function readAttribute(def, json) {
  switch (def.type) {
    case 'string':
      if (typeof json !== 'string') {
        throw new TypeError(`attribute ${def.name} must be a JSON string`);
      }
      stringOctets(def.name, json);
      return json;
    case 'date':
      if (typeof json !== 'string' || epochDay(json) === null) {
        throw new TypeError(`attribute ${def.name} must be a date yyyy-MM-dd in years 1..9999`);
      }
      return json;
    case 'integer': {
      if (!(typeof json === 'bigint' || Number.isSafeInteger(json))) {
        throw new TypeError(`attribute ${def.name} must be a 64-bit integer`);
      }
      const v = BigInt(json);
      if (v < INT64_MIN || v > INT64_MAX) {
        throw new TypeError(`attribute ${def.name} must be a 64-bit integer`);
      }
      return v;
    }
    case 'enum':
      if (typeof json !== 'string' || !def.values.includes(json)) {
        throw new TypeError(`attribute ${def.name} has a value outside its enum`);
      }
      return json;
    default:
      throw new TypeError(`attribute ${def.name} has an unknown type`);
  }
}

/**
 * The BBS message scalar of a value already checked by {@link readAttribute}:
 * string → MapMessageToScalarAsHash(UTF-8), date → days since 1970-01-01, integer → v mod r, enum → its index.
 *
 * @param {import('./bbs.js').Suite} suite
 * @param {AttributeDefinition} def
 * @param {string | bigint} value
 * @returns {bigint}
 */
export function encodeAttribute(suite, def, value) {
  switch (def.type) {
    case 'string':
      return mapMessageToScalar(suite, stringOctets(def.name, value));
    case 'date': {
      const day = epochDay(value);
      if (day === null) {
        throw new TypeError(`attribute ${def.name} must be a date`);
      }
      return modR(suite, BigInt(day));
    }
    case 'integer':
      return modR(suite, value);
    case 'enum': {
      const index = def.values.indexOf(value);
      if (index < 0) {
        throw new TypeError(`attribute ${def.name} has a value outside its enum`);
      }
      return BigInt(index);
    }
    default:
      throw new TypeError(`attribute ${def.name} has an unknown type`);
  }
}

/** Every attribute of the schema, in schema order, as scalars. */
export function encodeAll(suite, schema, attributes) {
  return schema.attributes.map(def => encodeAttribute(suite, def, attributes.get(def.name)));
}

function modR(suite, v) {
  const m = v % suite.r;
  return m < 0n ? m + suite.r : m;
}

/**
 * UTF-8 of a string attribute, which must be Unicode NFC and well-formed UTF-16 (a lone surrogate would become
 * U+FFFD and make two texts one message) and at most 4096 octets.
 */
function stringOctets(name, text) {
  if (!isWellFormed(text)) {
    throw new TypeError(`attribute ${name} is not valid Unicode`);
  }
  if (text.normalize('NFC') !== text) {
    throw new TypeError(`attribute ${name} must be Unicode NFC`);
  }
  const octets = utf8(text);
  if (octets.length > MAX_STRING_OCTETS) {
    throw new TypeError(`attribute ${name} is longer than ${MAX_STRING_OCTETS} octets`);
  }
  return octets;
}

function isWellFormed(text) {
  if (typeof text.isWellFormed === 'function') {
    return text.isWellFormed();
  }
  return !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Days since 1970-01-01 of a strict ISO date 'yyyy-MM-dd' in years 1..9999 (proleptic Gregorian, as Java's
 * LocalDate), or null when the text is not such a date. Pure integer arithmetic: JavaScript's Date maps years
 * 0..99 to 1900..1999.
 *
 * @param {string} text
 * @returns {number | null}
 */
export function epochDay(text) {
  const m = DATE.exec(text);
  if (m === null) {
    return null;
  }
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (y < 1 || mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) {
    return null;
  }
  // days_from_civil (H. Hinnant), exact for every proleptic Gregorian date
  const yy = mo <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (mo + (mo > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function daysInMonth(y, m) {
  if (m === 2) {
    return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  }
  return [4, 6, 9, 11].includes(m) ? 30 : 31;
}

const HEADER_TAG = utf8('noodrem-bbs-credential/1');
const PRESENTATION_HEADER_TAG = utf8('noodrem-bbs-presentation/1');

/**
 * header = "noodrem-bbs-credential/1" || I2OSP(len(schemaId), 1) || schemaId || I2OSP(version, 4)
 *          || schemaSha256 (32) || I2OSP(len(keyId), 1) || keyId
 *
 * @param {{id: string, version: number, sha256: string}} schemaRef sha256 as 64 hex digits
 * @param {string} keyId
 * @returns {Uint8Array}
 */
export function credentialHeader(schemaRef, keyId) {
  const id = utf8(schemaRef.id);
  const key = utf8(keyId);
  const hash = hexToBytes(schemaRef.sha256);
  return concat(HEADER_TAG, i2osp(id.length, 1), id, i2osp(schemaRef.version, 4), hash, i2osp(key.length, 1), key);
}

/**
 * ph = "noodrem-bbs-presentation/1" || I2OSP(len(nonce), 1) || nonce || I2OSP(len(audience), 2) || audience
 *      || I2OSP(createdAt seconds since the epoch, 8)
 *
 * @param {Uint8Array} nonce
 * @param {string} audience
 * @param {number} createdAtSeconds whole seconds since 1970-01-01T00:00:00Z
 * @returns {Uint8Array}
 */
export function presentationHeader(nonce, audience, createdAtSeconds) {
  const aud = utf8(audience);
  return concat(PRESENTATION_HEADER_TAG, i2osp(nonce.length, 1), nonce, i2osp(aud.length, 2), aud,
    i2osp(createdAtSeconds, 8));
}

function hexToBytes(hex) {
  if (!/^[0-9a-f]{64}$/.test(hex)) {
    throw new TypeError('schema sha256 must be 64 lower-case hex digits');
  }
  const out = new Uint8Array(32);
  for (let i = 0; i < 32; i++) {
    out[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  }
  return out;
}

function deepFreeze(o) {
  Object.values(o).forEach(v => typeof v === 'object' && v !== null && deepFreeze(v));
  return Object.freeze(o);
}
