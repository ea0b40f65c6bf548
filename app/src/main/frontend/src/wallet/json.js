// Strict JSON for the wallet's documents, read as zkp-service reads them (RFC 8259; duplicate members refused)
// and with integers kept exact: JSON.parse would round 64-bit integers above 2^53 and silently keep the last of
// two duplicate members, and either would make the wallet see another credential than the issuer signed.
//
// Integers (a number without fraction or exponent) become a Number when safe and a BigInt otherwise; other
// numbers become a Number (and are refused wherever an integer is expected). Objects are plain objects whose
// members are defined with defineProperty, so a member named "__proto__" is data, not a prototype.

/** Documents longer than this are refused before parsing (zkp-service's limit, 1 Mi characters). */
export const MAX_DOCUMENT_CHARS = 1 << 20;
const MAX_DEPTH = 32;

/** Thrown for text that is not strict JSON; the message gives a position, never content. */
export class JsonSyntaxError extends Error {
  constructor(message, position) {
    super(`${message} at position ${position}`);
    this.name = 'JsonSyntaxError';
    this.position = position;
  }
}

/**
 * @param {string} text
 * @returns {unknown}
 * @throws {JsonSyntaxError}
 */
export function parseJson(text) {
  if (typeof text !== 'string') {
    throw new JsonSyntaxError('not a string', 0);
  }
  if (text.length > MAX_DOCUMENT_CHARS) {
    throw new JsonSyntaxError('document too large', 0);
  }
  const p = {text, i: 0};
  skipWs(p);
  const value = readValue(p, 0);
  skipWs(p);
  if (p.i !== text.length) {
    throw new JsonSyntaxError('trailing characters', p.i);
  }
  return value;
}

function skipWs(p) {
  const t = p.text;
  while (p.i < t.length) {
    const c = t.charCodeAt(p.i);
    if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) {
      p.i++;
    } else {
      break;
    }
  }
}

function readValue(p, depth) {
  if (depth > MAX_DEPTH) {
    throw new JsonSyntaxError('nested too deeply', p.i);
  }
  const c = p.text[p.i];
  if (c === '{') {
    return readObject(p, depth);
  }
  if (c === '[') {
    return readArray(p, depth);
  }
  if (c === '"') {
    return readString(p);
  }
  if (c === '-' || (c >= '0' && c <= '9')) {
    return readNumber(p);
  }
  for (const [word, value] of [['true', true], ['false', false], ['null', null]]) {
    if (p.text.startsWith(word, p.i)) {
      p.i += word.length;
      return value;
    }
  }
  throw new JsonSyntaxError('unexpected character', p.i);
}

function readObject(p, depth) {
  const out = {};
  const seen = new Set();
  p.i++; // {
  skipWs(p);
  if (p.text[p.i] === '}') {
    p.i++;
    return out;
  }
  for (;;) {
    skipWs(p);
    if (p.text[p.i] !== '"') {
      throw new JsonSyntaxError('expected a member name', p.i);
    }
    const at = p.i;
    const name = readString(p);
    if (seen.has(name)) {
      throw new JsonSyntaxError('duplicate member', at);
    }
    seen.add(name);
    skipWs(p);
    if (p.text[p.i] !== ':') {
      throw new JsonSyntaxError('expected ":"', p.i);
    }
    p.i++;
    skipWs(p);
    const value = readValue(p, depth + 1);
    Object.defineProperty(out, name, {value, enumerable: true, writable: true, configurable: true});
    skipWs(p);
    const c = p.text[p.i];
    p.i++;
    if (c === '}') {
      return out;
    }
    if (c !== ',') {
      throw new JsonSyntaxError('expected "," or "}"', p.i - 1);
    }
  }
}

function readArray(p, depth) {
  const out = [];
  p.i++; // [
  skipWs(p);
  if (p.text[p.i] === ']') {
    p.i++;
    return out;
  }
  for (;;) {
    skipWs(p);
    out.push(readValue(p, depth + 1));
    skipWs(p);
    const c = p.text[p.i];
    p.i++;
    if (c === ']') {
      return out;
    }
    if (c !== ',') {
      throw new JsonSyntaxError('expected "," or "]"', p.i - 1);
    }
  }
}

const ESCAPES = {'"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t'};

function readString(p) {
  const t = p.text;
  let i = p.i + 1;
  let out = '';
  let start = i;
  for (;;) {
    if (i >= t.length) {
      throw new JsonSyntaxError('unterminated string', p.i);
    }
    const c = t.charCodeAt(i);
    if (c === 0x22) { // "
      out += t.slice(start, i);
      p.i = i + 1;
      return out;
    }
    if (c < 0x20) {
      throw new JsonSyntaxError('control character in string', i);
    }
    if (c === 0x5c) { // backslash
      out += t.slice(start, i);
      const e = t[i + 1];
      if (e === 'u') {
        const hex = t.slice(i + 2, i + 6);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) {
          throw new JsonSyntaxError('bad \\u escape', i);
        }
        out += String.fromCharCode(parseInt(hex, 16));
        i += 6;
      } else if (e !== undefined && Object.hasOwn(ESCAPES, e)) {
        out += ESCAPES[e];
        i += 2;
      } else {
        throw new JsonSyntaxError('bad escape', i);
      }
      start = i;
      continue;
    }
    i++;
  }
}

const NUMBER = /-?(?:0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/y;

function readNumber(p) {
  NUMBER.lastIndex = p.i;
  const m = NUMBER.exec(p.text);
  if (m === null || m[0] === '-') {
    throw new JsonSyntaxError('bad number', p.i);
  }
  p.i += m[0].length;
  if (m[1] === undefined && m[2] === undefined) {
    const n = Number(m[0]);
    return Number.isSafeInteger(n) ? (Object.is(n, -0) ? 0 : n) : BigInt(m[0]);
  }
  const n = Number(m[0]);
  if (!Number.isFinite(n)) {
    throw new JsonSyntaxError('number out of range', p.i - m[0].length);
  }
  return n;
}

/**
 * Writes a JSON value; BigInts become JSON integers. Objects keep their member order. Only plain data (objects,
 * arrays, strings, finite numbers, BigInts, booleans, null) is accepted.
 *
 * @param {unknown} value
 * @returns {string}
 */
export function writeJson(value) {
  if (value === null || typeof value === 'boolean') {
    return String(value);
  }
  if (typeof value === 'string') {
    return JSON.stringify(value);
  }
  if (typeof value === 'bigint') {
    return value.toString();
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) {
      throw new TypeError('not a finite number');
    }
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) {
    return `[${value.map(writeJson).join(',')}]`;
  }
  if (typeof value === 'object') {
    return `{${Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}:${writeJson(v)}`).join(',')}}`;
  }
  throw new TypeError(`cannot write ${typeof value} as JSON`);
}

/** A plain object (not an array, not null). */
export function isObject(v) {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
