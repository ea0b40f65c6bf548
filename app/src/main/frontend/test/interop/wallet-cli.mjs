// The wallet, driven from another process: the Java interop test (app/src/test/java/nl/noodrem/app/wallet) runs
// `node wallet-cli.mjs --job`, writes one JSON job to stdin and reads one JSON answer from stdout. It uses the same
// modules as the browser bundle: NoodremWallet over fake-indexeddb (so storing, reading back and proving all run)
// and the encoding functions.
//
// Jobs:
//   {command: "add", credential: "<noodrem-bbs-credential/1>", issuerKey: {...}|"<json>"}
//   {command: "present", credential, issuerKey, request: "<noodrem-bbs-presentation-request/1>",
//    expectedAudience?: string}
//   {command: "encode", credential}                         → {headerHex, scalarsHex}
//   {command: "presentation-header", nonceHex, audience, createdAtSeconds} → {phHex}
// Answers: {ok: true, ...} or {ok: false, code, message} for a WalletError. Anything else exits with status 1.

import {IDBFactory} from 'fake-indexeddb';

import {parseCredential} from '../../src/wallet/documents.js';
import {credentialHeader, encodeAll, presentationHeader} from '../../src/wallet/encoding.js';
import {NoodremWallet, WalletError} from '../../src/wallet/index.js';

const hex = bytes => Buffer.from(bytes).toString('hex');

async function run(job) {
  switch (job.command) {
    case 'add': {
      const wallet = await NoodremWallet.open({indexedDB: new IDBFactory()});
      const summary = await wallet.addCredential(job.credential, {issuerKey: job.issuerKey});
      const listed = await wallet.listCredentials();
      return {ok: true, summary, listed: listed.length};
    }
    case 'present': {
      const wallet = await NoodremWallet.open({indexedDB: new IDBFactory(), resolveIssuerKey: async () => job.issuerKey});
      await wallet.addCredential(job.credential);
      const plan = await wallet.planPresentation(job.request, {expectedAudience: job.expectedAudience});
      const result = await wallet.present(job.request, {consent: true, expectedAudience: job.expectedAudience});
      return {ok: true, presentation: result.presentation, plan};
    }
    case 'encode': {
      const c = parseCredential(job.credential);
      return {
        ok: true,
        headerHex: hex(credentialHeader(c.schemaRef, c.issuerKeyId)),
        scalarsHex: encodeAll(c.suite, c.schema, c.attributes).map(s => s.toString(16).padStart(64, '0'))
      };
    }
    case 'presentation-header':
      return {ok: true, phHex: hex(presentationHeader(Buffer.from(job.nonceHex, 'hex'), job.audience,
        job.createdAtSeconds))};
    default:
      throw new Error(`unknown command ${job.command}`);
  }
}

if (!process.argv.includes('--job')) {
  // `node --test test/` loads every file under test/; without --job there is nothing to do
  process.exit(0);
}

let input = '';
process.stdin.setEncoding('utf8');
for await (const chunk of process.stdin) {
  input += chunk;
}
try {
  process.stdout.write(JSON.stringify(await run(JSON.parse(input))));
} catch (e) {
  if (e instanceof WalletError) {
    process.stdout.write(JSON.stringify({ok: false, code: e.code, message: e.message, detail: e.detail}));
  } else {
    process.stderr.write(`${e?.stack ?? e}\n`);
    process.exitCode = 1;
  }
}
