// The encoding contract with zkp-service: schema document, attribute scalars and header octets, checked against
// values Java produced (fixtures/java, re-checked against Java by WalletInteropTest).

import assert from 'node:assert/strict';
import {createHash} from 'node:crypto';
import {existsSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, test} from 'node:test';

import {suiteByName} from '../src/wallet/bbs.js';
import {
  credentialHeader,
  DEBT_ASSISTANCE_V1,
  DEBT_ASSISTANCE_V1_DOCUMENT,
  encodeAll,
  encodeAttribute,
  epochDay,
  knownSchema,
  presentationHeader,
  readAttribute
} from '../src/wallet/encoding.js';
import {parseCredential} from '../src/wallet/documents.js';
import {FIXTURES, JAVA, hex} from './support/fixtures.js';

const SHA256 = suiteByName('BLS12-381-SHA-256');
const SHAKE = suiteByName('BLS12-381-SHAKE-256');
const def = name => DEBT_ASSISTANCE_V1.attributes.find(a => a.name === name);
const toHex = b => Buffer.from(b).toString('hex');

describe('schema', () => {
  test('schemaDocument_sha256_isThePinnedHash', () => {
    assert.equal(createHash('sha256').update(DEBT_ASSISTANCE_V1_DOCUMENT, 'utf8').digest('hex'),
      DEBT_ASSISTANCE_V1.sha256);
  });

  test('schemaDocument_sameAsZkpServiceResource', (t) => {
    const javaFile = join(FIXTURES, '..', '..', '..', '..', '..', '..', 'zkp-service', 'src', 'main', 'resources', 'nl',
      'noodrem', 'zkp', 'schemas', 'DebtAssistanceCredential-v1.json');
    if (!existsSync(javaFile)) {
      t.skip('zkp-service sources not next to app (frontend built on its own)');
      return;
    }
    assert.equal(readFileSync(javaFile, 'utf8').trim(), DEBT_ASSISTANCE_V1_DOCUMENT);
  });

  test('knownSchema_hashOrVersionDiffers_unknown', () => {
    const ref = {id: DEBT_ASSISTANCE_V1.id, version: 1, sha256: DEBT_ASSISTANCE_V1.sha256};
    assert.equal(knownSchema(ref), DEBT_ASSISTANCE_V1);
    assert.equal(knownSchema({...ref, version: 2}), undefined);
    assert.equal(knownSchema({...ref, sha256: '0'.repeat(64)}), undefined);
    assert.equal(knownSchema({...ref, id: 'Other'}), undefined);
  });
});

describe('attribute scalars', () => {
  for (const c of JAVA.cases) {
    test(`encodeAll_javaCase_${c.name}_sameScalarsAsJava`, () => {
      const credential = parseCredential(c.credential);
      const scalars = encodeAll(credential.suite, credential.schema, credential.attributes);
      assert.deepEqual(scalars.map(s => s.toString(16).padStart(64, '0')), c.scalarsHex);
    });

    test(`credentialHeader_javaCase_${c.name}_sameOctetsAsJava`, () => {
      const credential = parseCredential(c.credential);
      assert.equal(toHex(credentialHeader(credential.schemaRef, credential.issuerKeyId)), c.headerHex);
    });
  }

  test('presentationHeader_javaValues_sameOctetsAsJava', () => {
    const p = JAVA.presentationHeader;
    const seconds = Date.parse(p.createdAt) / 1000;
    assert.equal(toHex(presentationHeader(hex(p.nonceHex), p.audience, seconds)), p.phHex);
  });

  test('encodeAttribute_dates_daysSinceEpoch', () => {
    const d = def('validUntil');
    assert.equal(encodeAttribute(SHA256, d, '1970-01-01'), 0n);
    assert.equal(encodeAttribute(SHA256, d, '2025-02-17'), 20136n);
    assert.equal(encodeAttribute(SHA256, d, '1969-12-31'), SHA256.r - 1n);
    assert.equal(encodeAttribute(SHA256, d, '0001-01-01'), SHA256.r - 719162n);
    assert.equal(encodeAttribute(SHA256, d, '9999-12-31'), 2932896n);
  });

  test('epochDay_everyDayOf400Years_matchesDateArithmetic', () => {
    // 1600-03-01 .. 2000-02-29 covers every leap-year rule; Date is exact for years >= 100
    let ms = Date.UTC(1600, 2, 1);
    const end = Date.UTC(2000, 2, 1);
    for (; ms < end; ms += 86_400_000) {
      const iso = new Date(ms).toISOString().slice(0, 10);
      assert.equal(epochDay(iso), ms / 86_400_000, iso);
    }
  });

  test('epochDay_invalidDates_null', () => {
    for (const bad of ['2025-02-29', '2100-02-29', '0000-01-01', '2025-13-01', '2025-00-10', '2025-04-31',
      '2025-2-17', '2025-02-17T00:00:00Z', ' 2025-02-17', '+2025-02-17', '20250217', '']) {
      assert.equal(epochDay(bad), null, bad);
    }
    assert.equal(epochDay('2000-02-29'), 11016);
    assert.equal(epochDay('2024-02-29'), 19782);
  });

  test('encodeAttribute_integers_modR', () => {
    const d = def('debtAmountCents');
    assert.equal(encodeAttribute(SHA256, d, 0n), 0n);
    assert.equal(encodeAttribute(SHA256, d, 1234567n), 1234567n);
    assert.equal(encodeAttribute(SHA256, d, -1n), SHA256.r - 1n);
    assert.equal(encodeAttribute(SHA256, d, -(1n << 63n)), SHA256.r - (1n << 63n));
    assert.equal(encodeAttribute(SHA256, d, (1n << 63n) - 1n), (1n << 63n) - 1n);
  });

  test('encodeAttribute_enum_index', () => {
    const d = def('assistanceType');
    ['MSNP', 'WSNP', 'STABILISATIE', 'BUDGETBEHEER', 'BESCHERMINGSBEWIND'].forEach((v, i) =>
      assert.equal(encodeAttribute(SHA256, d, v), BigInt(i)));
    assert.throws(() => encodeAttribute(SHA256, d, 'msnp'), TypeError);
  });

  test('encodeAttribute_string_suiteSpecificHash', () => {
    const d = def('counsellorId');
    const a = encodeAttribute(SHA256, d, 'counsellor-0815');
    const b = encodeAttribute(SHAKE, d, 'counsellor-0815');
    assert.notEqual(a, b);
    assert.ok(a > 0n && a < SHA256.r);
  });
});

describe('attribute values', () => {
  test('readAttribute_strings_refuseNonNfcLoneSurrogatesAndTooLong', () => {
    const d = def('counsellorId');
    assert.equal(readAttribute(d, 'Zo\u00eb'), 'Zo\u00eb');
    assert.throws(() => readAttribute(d, 'Zoe\u0308'), /NFC/);
    assert.throws(() => readAttribute(d, 'a\ud800b'), /Unicode/);
    assert.throws(() => readAttribute(d, '\udc00'), /Unicode/);
    assert.equal(readAttribute(d, 'x'.repeat(4096)).length, 4096);
    assert.throws(() => readAttribute(d, 'x'.repeat(4097)), /4096/);
    assert.throws(() => readAttribute(d, '\u00e9'.repeat(2049)), /4096/); // 4098 octets
    assert.throws(() => readAttribute(d, 5), /string/);
  });

  test('readAttribute_integers_64bitOnly', () => {
    const d = def('statusIndex');
    assert.equal(readAttribute(d, 5), 5n);
    assert.equal(readAttribute(d, 9223372036854775807n), 9223372036854775807n);
    assert.equal(readAttribute(d, -9223372036854775808n), -9223372036854775808n);
    assert.throws(() => readAttribute(d, 9223372036854775808n), /64-bit/);
    assert.throws(() => readAttribute(d, 1.5), /64-bit/);
    assert.throws(() => readAttribute(d, '5'), /64-bit/);
  });

  test('readAttribute_messages_nameAttributeNotValue', () => {
    try {
      readAttribute(def('bsn'), 999993653);
      assert.fail('accepted a number as bsn');
    } catch (e) {
      assert.match(e.message, /bsn/);
      assert.doesNotMatch(e.message, /999993653/);
    }
  });
});
