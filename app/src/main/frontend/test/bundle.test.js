// The browser bundle (build.mjs → js/wallet.js) builds, uses no Node built-ins and exposes the documented API.

import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {dirname, join} from 'node:path';
import {test} from 'node:test';
import {fileURLToPath, pathToFileURL} from 'node:url';

import {IDBFactory} from 'fake-indexeddb';

import {javaCase} from './support/fixtures.js';
import {CJIB, requestJson} from './support/requests.js';

const FRONTEND = join(dirname(fileURLToPath(import.meta.url)), '..');

test('bundle_built_exportsWalletApiAndWorks', async () => {
  const out = mkdtempSync(join(tmpdir(), 'noodrem-bundle-'));
  try {
    const build = spawnSync(process.execPath, ['build.mjs', out], {cwd: FRONTEND, encoding: 'utf8'});
    assert.equal(build.status, 0, build.stderr);
    const code = readFileSync(join(out, 'js', 'wallet.js'), 'utf8');
    assert.doesNotMatch(code, /node:crypto|require\(/);
    const legal = readFileSync(join(out, 'js', 'wallet.js.LEGAL.txt'), 'utf8');
    assert.match(legal, /Digital Bazaar/);
    assert.match(legal, /noble-curves/);

    const bundle = await import(pathToFileURL(join(out, 'js', 'wallet.js')).href);
    assert.deepEqual(Object.keys(bundle).sort(), ['ASSISTANCE_TYPE_LABELS', 'ATTRIBUTE_LABELS', 'EXPORT_FORMAT',
      'MESSAGES', 'MIN_PASSPHRASE_CHARACTERS', 'NoodremWallet', 'WalletError']);
    const c = javaCase('sha256-zeros-and-extremes');
    const wallet = await bundle.NoodremWallet.open({indexedDB: new IDBFactory(),
      resolveIssuerKey: async () => c.publicKey, now: () => Date.parse('2025-03-03T09:05:00Z')});
    await wallet.addCredential(c.credential);
    const {presentation} = await wallet.present(requestJson(), {consent: true, expectedAudience: CJIB});
    assert.match(presentation, /"assistanceType":"MSNP"/);
  } finally {
    rmSync(out, {recursive: true, force: true});
  }
});
