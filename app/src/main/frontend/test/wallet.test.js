// NoodremWallet end to end in Node: IndexedDB from fake-indexeddb, WebCrypto from Node.

import assert from 'node:assert/strict';
import {describe, test} from 'node:test';

import {IDBFactory} from 'fake-indexeddb';

import {fromBase64Url, toBase64Url} from '../src/wallet/bytes.js';
import {parseJson, writeJson} from '../src/wallet/json.js';
import {NoodremWallet, WalletError} from '../src/wallet/index.js';
import {javaCase} from './support/fixtures.js';
import {CJIB, requestJson} from './support/requests.js';

const typical = javaCase('sha256-typical');
const extremes = javaCase('sha256-zeros-and-extremes');
const shake = javaCase('shake256-typical');
const KEYS = new Map([typical, extremes, shake].map(c => [c.publicKey.keyId,
  {...c.publicKey, format: undefined, publicKeyHex: undefined, createdAt: undefined, issuerName: 'Gemeente Utrecht'}]));
const NOW = Date.parse('2025-03-03T09:05:00Z');
const PASSPHRASE = 'correct horse battery staple';
const code = c => err => err instanceof WalletError && err.code === c;

async function openWallet(factory = new IDBFactory(), options = {}) {
  let now = NOW;
  const wallet = await NoodremWallet.open({
    indexedDB: factory,
    resolveIssuerKey: async keyId => KEYS.get(keyId) ?? null,
    now: () => now,
    ...options
  });
  wallet.setNow = ms => { now = ms; };
  return wallet;
}

/** Every value stored in the database, as IndexedDB keeps it. */
async function rawRows(factory, storeName) {
  const db = await new Promise((resolve, reject) => {
    const r = factory.open('noodrem-wallet');
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
  const rows = await new Promise((resolve, reject) => {
    const r = db.transaction(storeName).objectStore(storeName).getAll();
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
  db.close();
  return rows;
}

describe('storing', () => {
  test('addCredential_javaSigned_listedWithIssuerTypeAndValidity', async () => {
    const wallet = await openWallet();
    const added = await wallet.addCredential(typical.credential);
    assert.equal(added.issuerName, 'Gemeente Utrecht');
    assert.equal(added.issuerOin, '00000001002220647000');
    assert.equal(added.keyId, '00000001002220647000-k1');
    assert.equal(added.assistanceType, 'WSNP');
    assert.equal(added.assistanceTypeLabel, 'Wettelijke schuldsanering (Wsnp)');
    assert.equal(added.helpStartDate, '2025-02-17');
    assert.equal(added.validUntil, '2099-12-31');
    assert.equal(added.validUntilDisplay, '31 december 2099');
    assert.equal(added.expired, false);
    assert.equal(added.unreadable, false);
    assert.equal(added.schema, 'DebtAssistanceCredential v1');
    const list = await wallet.listCredentials();
    assert.deepEqual(list, [added]);
    assert.equal(JSON.stringify(list).includes('999993653'), false, 'the list shows no BSN');
    wallet.close();
  });

  test('addCredential_explicitIssuerKey_usedInsteadOfResolver', async () => {
    const wallet = await openWallet(new IDBFactory(), {resolveIssuerKey: undefined});
    await assert.rejects(wallet.addCredential(typical.credential), code('ISSUER_KEY_MISSING'));
    const added = await wallet.addCredential(typical.credential, {issuerKey: JSON.stringify(typical.publicKey)});
    assert.equal(added.issuerName, null);
    assert.equal(added.issuerLabel, 'Gemeente met OIN 00000001002220647000');
  });

  test('addCredential_tampered_refusedInDutchAndNotStored', async () => {
    const wallet = await openWallet();
    const doc = parseJson(typical.credential);
    doc.attributes.creditorCount = 1;
    await assert.rejects(wallet.addCredential(writeJson(doc)), err => err instanceof WalletError
      && err.code === 'INVALID_SIGNATURE'
      && err.message === 'De handtekening van de gemeente klopt niet: de verklaring is veranderd of beschadigd. '
        + 'De verklaring is geweigerd.');
    assert.deepEqual(await wallet.listCredentials(), []);
  });

  test('addCredential_unknownKeyOrResolverFailure_refused', async () => {
    const unknown = await openWallet(new IDBFactory(), {resolveIssuerKey: async () => null});
    await assert.rejects(unknown.addCredential(typical.credential), code('ISSUER_KEY_MISSING'));
    const failing = await openWallet(new IDBFactory(), {resolveIssuerKey: async () => { throw new Error('503'); }});
    await assert.rejects(failing.addCredential(typical.credential), code('ISSUER_KEY_MISSING'));
    const revoked = await openWallet(new IDBFactory(),
      {resolveIssuerKey: async id => ({...KEYS.get(id), keyRevoked: true})});
    await assert.rejects(revoked.addCredential(typical.credential), code('ISSUER_NOT_TRUSTED'));
  });

  test('addCredential_twice_duplicateRefused', async () => {
    const wallet = await openWallet();
    await wallet.addCredential(typical.credential);
    // the same credential with other whitespace is still the same credential
    await assert.rejects(wallet.addCredential(writeJson(parseJson(typical.credential))), code('DUPLICATE'));
    await wallet.addCredential(shake.credential);
    assert.equal((await wallet.listCredentials()).length, 2);
  });

  test('storage_atRest_encryptedWithNonExtractableKey', async () => {
    const factory = new IDBFactory();
    const wallet = await openWallet(factory);
    await wallet.addCredential(typical.credential);
    const [keyRow] = await rawRows(factory, 'keys');
    assert.equal(keyRow.key.constructor.name, 'CryptoKey');
    assert.equal(keyRow.key.extractable, false);
    assert.deepEqual(keyRow.key.algorithm, {name: 'AES-GCM', length: 256});
    await assert.rejects(crypto.subtle.exportKey('raw', keyRow.key));
    const [row] = await rawRows(factory, 'credentials');
    assert.deepEqual(Object.keys(row).sort(), ['ciphertext', 'id', 'iv', 'storedAt']);
    const stored = Buffer.from(row.ciphertext).toString('latin1');
    for (const secret of ['999993653', 'WSNP', 'counsellor-0815', '00000001002220647000', 'Utrecht']) {
      assert.equal(stored.includes(secret), false, secret);
    }
    assert.equal(row.iv.length, 12);
    wallet.close();
  });

  test('storage_recordsSwappedBetweenIds_unreadable', async () => {
    const wallet = await openWallet();
    const a = await wallet.addCredential(typical.credential);
    const b = await wallet.addCredential(shake.credential);
    // each record is bound to its id by the AES-GCM additional data: moving content to another id breaks it
    const tx = wallet.store.db.transaction('credentials', 'readwrite');
    const store = tx.objectStore('credentials');
    const rows = await new Promise(resolve => {
      const r = store.getAll();
      r.onsuccess = () => resolve(r.result);
    });
    const [x, y] = rows;
    store.put({...x, iv: y.iv, ciphertext: y.ciphertext});
    store.put({...y, iv: x.iv, ciphertext: x.ciphertext});
    await new Promise(resolve => { tx.oncomplete = resolve; });
    const list = await wallet.listCredentials();
    assert.deepEqual(list.map(c => c.unreadable), [true, true]);
    assert.deepEqual(list.map(c => c.id).sort(), [a.id, b.id].sort());
  });

  test('storage_reopened_sameKeyReadsRecords', async () => {
    const factory = new IDBFactory();
    const first = await openWallet(factory);
    const added = await first.addCredential(typical.credential);
    first.close();
    const second = await openWallet(factory);
    assert.deepEqual((await second.listCredentials()).map(c => c.id), [added.id]);
  });

  test('storage_keyLost_recordUnreadableButDeletable', async () => {
    const factory = new IDBFactory();
    const wallet = await openWallet(factory);
    const added = await wallet.addCredential(typical.credential);
    wallet.store.key = await crypto.subtle.generateKey({name: 'AES-GCM', length: 256}, false, ['encrypt', 'decrypt']);
    assert.deepEqual(await wallet.listCredentials(), [{id: added.id, storedAt: added.storedAt, unreadable: true}]);
    await assert.rejects(wallet.getCredential(added.id), code('UNREADABLE_RECORD'));
    assert.equal(await wallet.deleteCredential(added.id), true);
  });

  test('getCredential_detail_allAttributesLabelled', async () => {
    const wallet = await openWallet();
    const {id} = await wallet.addCredential(extremes.credential);
    const detail = await wallet.getCredential(id);
    assert.equal(detail.attributes.length, 11);
    const byName = Object.fromEntries(detail.attributes.map(a => [a.name, a]));
    assert.equal(byName.bsn.value, '999993653');
    assert.equal(byName.assistanceType.display, 'Minnelijke schuldregeling (MSNP)');
    assert.equal(byName.statusIndex.value, '9223372036854775807');
    assert.equal(byName.decisionDate.display, '1 januari 1');
    assert.equal(byName.debtAmountCents.label, 'Schuldbedrag');
    await assert.rejects(wallet.getCredential('nope'), code('NOT_FOUND'));
  });

  test('deleteCredential_removedAndReported', async () => {
    const wallet = await openWallet();
    const {id} = await wallet.addCredential(typical.credential);
    assert.equal(await wallet.deleteCredential(id), true);
    assert.equal(await wallet.deleteCredential(id), false);
    assert.deepEqual(await wallet.listCredentials(), []);
  });

  test('clear_everythingGone_newCredentialsStillStored', async () => {
    const factory = new IDBFactory();
    const wallet = await openWallet(factory);
    await wallet.addCredential(typical.credential);
    const [oldKey] = await rawRows(factory, 'keys');
    await wallet.clear();
    assert.deepEqual(await wallet.listCredentials(), []);
    await wallet.addCredential(typical.credential);
    const [newKey] = await rawRows(factory, 'keys');
    assert.notEqual(oldKey.key, newKey.key);
    assert.equal((await wallet.listCredentials()).length, 1);
  });

  test('open_withoutIndexedDbOrCrypto_refusedInDutch', async () => {
    await assert.rejects(NoodremWallet.open({indexedDB: null}), code('STORAGE_UNAVAILABLE'));
    await assert.rejects(NoodremWallet.open({indexedDB: new IDBFactory(), crypto: {}}), code('CRYPTO_UNAVAILABLE'));
  });
});

describe('export and import', () => {
  test('export_import_roundTripIntoAnotherBrowser', async () => {
    const source = await openWallet();
    await source.addCredential(typical.credential);
    await source.addCredential(shake.credential);
    const file = await source.exportCredentials(PASSPHRASE);
    assert.equal(file.count, 2);
    assert.equal(file.fileName, 'noodrem-wallet-2025-03-03.json');
    assert.equal(file.mediaType, 'application/json');
    for (const secret of ['999993653', 'WSNP', 'counsellor']) {
      assert.equal(file.text.includes(secret), false, secret);
    }
    const doc = parseJson(file.text);
    assert.equal(doc.format, 'noodrem-wallet-export/1');
    assert.equal(doc.kdf.algorithm, 'PBKDF2-HMAC-SHA256');
    assert.equal(doc.kdf.iterations, 600000);
    assert.equal(doc.cipher.algorithm, 'AES-256-GCM');

    const target = await openWallet();
    const result = await target.importCredentials(new Blob([file.text]), PASSPHRASE);
    assert.equal(result.added.length, 2);
    assert.equal(result.duplicates, 0);
    assert.deepEqual(result.refused, []);
    assert.deepEqual((await target.listCredentials()).map(c => c.assistanceType).sort(), ['BESCHERMINGSBEWIND', 'WSNP']);
    const again = await target.importCredentials(file.text, PASSPHRASE);
    assert.deepEqual({added: again.added.length, duplicates: again.duplicates}, {added: 0, duplicates: 2});
  });

  test('export_selectedIds_onlyThose', async () => {
    const wallet = await openWallet();
    const a = await wallet.addCredential(typical.credential);
    await wallet.addCredential(shake.credential);
    assert.equal((await wallet.exportCredentials(PASSPHRASE, {ids: [a.id]})).count, 1);
    await assert.rejects(wallet.exportCredentials(PASSPHRASE, {ids: ['missing']}), code('NOT_FOUND'));
  });

  test('export_shortPassphrase_refusedInDutch', async () => {
    const wallet = await openWallet();
    await assert.rejects(wallet.exportCredentials('kort'), err => err.code === 'PASSPHRASE_TOO_SHORT'
      && err.message === 'Kies een wachtwoord van minstens 12 tekens.');
    await assert.rejects(wallet.exportCredentials('12345678901'), code('PASSPHRASE_TOO_SHORT'));
  });

  test('import_wrongPassphraseOrChangedFile_refused', async () => {
    const wallet = await openWallet();
    await wallet.addCredential(typical.credential);
    const {text} = await wallet.exportCredentials(PASSPHRASE);
    const target = await openWallet();
    await assert.rejects(target.importCredentials(text, `${PASSPHRASE}!`), code('WRONG_PASSPHRASE'));
    const doc = parseJson(text);
    const changed = edit => {
      const d = parseJson(text);
      edit(d);
      return writeJson(d);
    };
    const flip = b64 => {
      const b = fromBase64Url(b64);
      b[5] ^= 1;
      return toBase64Url(b);
    };
    await assert.rejects(target.importCredentials(changed(d => { d.cipher.ciphertext = flip(doc.cipher.ciphertext); }),
      PASSPHRASE), code('WRONG_PASSPHRASE'));
    await assert.rejects(target.importCredentials(changed(d => { d.createdAt = '2025-03-04T00:00:00Z'; }), PASSPHRASE),
      code('WRONG_PASSPHRASE'));
    await assert.rejects(target.importCredentials(changed(d => { d.kdf.iterations = 50; }), PASSPHRASE),
      code('MALFORMED_EXPORT'));
    await assert.rejects(target.importCredentials('{"format":"something-else"}', PASSPHRASE), code('MALFORMED_EXPORT'));
    await assert.rejects(target.importCredentials(typical.credential, PASSPHRASE), code('MALFORMED_EXPORT'));
    assert.deepEqual(await target.listCredentials(), []);
  });

  test('import_credentialsCheckedAgain_revokedKeyReportedNotStored', async () => {
    const wallet = await openWallet();
    await wallet.addCredential(typical.credential);
    const {text} = await wallet.exportCredentials(PASSPHRASE);
    const target = await openWallet(new IDBFactory(),
      {resolveIssuerKey: async id => ({...KEYS.get(id), keyRevoked: true})});
    const result = await target.importCredentials(text, PASSPHRASE);
    assert.deepEqual(result.added, []);
    assert.equal(result.refused.length, 1);
    assert.equal(result.refused[0].code, 'ISSUER_NOT_TRUSTED');
    assert.match(result.refused[0].message, /niet \(meer\) erkend/);
  });
});

describe('presenting', () => {
  test('planPresentation_cjibRequest_disclosedAndHiddenInDutch', async () => {
    const wallet = await openWallet();
    const {id} = await wallet.addCredential(typical.credential);
    const plan = await wallet.planPresentation(requestJson(), {expectedAudience: CJIB});
    assert.equal(plan.credentialId, id);
    assert.equal(plan.credential.assistanceType, 'WSNP');
    assert.equal(plan.audience, CJIB);
    assert.deepEqual(plan.disclosed.map(a => [a.label, a.display]), [
      ['BSN', '999993653'],
      ['Soort schuldhulp', 'Wettelijke schuldsanering (Wsnp) (WSNP)'],
      ['Startdatum hulp', '17 februari 2025'],
      ['Geldig tot', '31 december 2099'],
      ['Statuslijst', '7'],
      ['Index', '4242']
    ]);
    assert.deepEqual(plan.hidden.map(a => a.label),
      ['Gemeente (OIN)', 'Datum beschikking', 'Schuldbedrag', 'Aantal schuldeisers', 'Schuldhulpverlener']);
    assert.equal(plan.alsoVisible[0].display, 'Gemeente Utrecht (OIN 00000001002220647000)');
  });

  test('present_withConsent_presentationForTheRequest', async () => {
    const wallet = await openWallet();
    const {id} = await wallet.addCredential(typical.credential);
    const result = await wallet.present(requestJson(), {consent: true, expectedAudience: CJIB});
    assert.equal(result.credentialId, id);
    assert.deepEqual(result.disclosed, ['bsn', 'assistanceType', 'helpStartDate', 'validUntil', 'statusListId',
      'statusIndex']);
    const p = parseJson(result.presentation);
    assert.equal(p.format, 'noodrem-bbs-presentation/1');
    assert.equal(p.audience, CJIB);
    assert.equal(p.createdAt, '2025-03-03T09:05:00Z');
    assert.equal(result.presentation.includes('counsellor-0815'), false);
  });

  test('present_withoutConsent_refusedNothingMade', async () => {
    const wallet = await openWallet();
    await wallet.addCredential(typical.credential);
    for (const options of [undefined, {}, {consent: 'yes'}, {consent: 1}]) {
      await assert.rejects(wallet.present(requestJson(), options), err => err.code === 'CONSENT_REQUIRED'
        && /toestemming/.test(err.message));
    }
  });

  test('present_requestForAnotherAudience_refused', async () => {
    const wallet = await openWallet();
    await wallet.addCredential(typical.credential);
    await assert.rejects(wallet.present(requestJson({audience: 'urn:phisher'}),
      {consent: true, expectedAudience: CJIB}), code('AUDIENCE_MISMATCH'));
  });

  test('present_choosesValidCredentialWithLatestValidUntil_orTheChosenOne', async () => {
    const wallet = await openWallet();
    const a = await wallet.addCredential(typical.credential); // validUntil 2099-12-31
    const b = await wallet.addCredential(shake.credential); // validUntil 2099-12-31, issued at the same time
    const plan = await wallet.planPresentation(requestJson());
    assert.ok([a.id, b.id].includes(plan.credentialId));
    const chosen = await wallet.present(requestJson(), {consent: true, credentialId: b.id});
    assert.equal(parseJson(chosen.presentation).ciphersuite, 'BLS12-381-SHAKE-256');
    await assert.rejects(wallet.present(requestJson(), {consent: true, credentialId: 'missing'}), code('NOT_FOUND'));
  });

  test('present_emptyWalletOrExpiredRequestOrExpiredCredential_refused', async () => {
    const wallet = await openWallet();
    await assert.rejects(wallet.planPresentation(requestJson()), code('NO_MATCHING_CREDENTIAL'));
    await wallet.addCredential(typical.credential);
    wallet.setNow(Date.parse('2025-03-03T09:14:00Z'));
    await assert.rejects(wallet.planPresentation(requestJson()), code('REQUEST_EXPIRED'));
    wallet.setNow(Date.parse('2100-01-01T12:00:00Z'));
    await assert.rejects(wallet.planPresentation(requestJson({issuedAt: '2100-01-01T12:00:00Z',
      expiresAt: '2100-01-01T12:10:00Z'})), code('CREDENTIAL_EXPIRED'));
    assert.equal((await wallet.listCredentials())[0].expired, true);
  });

  test('present_malformedRequest_refused', async () => {
    const wallet = await openWallet();
    await wallet.addCredential(typical.credential);
    await assert.rejects(wallet.present('{}', {consent: true}), code('MALFORMED_REQUEST'));
    await assert.rejects(wallet.present(requestJson({disclose: ['bsn', 'iban']}), {consent: true}),
      code('MALFORMED_REQUEST'));
  });
});
