// A BBS CoreSign for the tests only (the wallet never signs): lets tests make credentials with any attribute
// values, including zero scalars. Checked against the draft's signature vectors in bbs-core.test.js.

import {calculate_domain, hash_to_scalar, serialize} from '../../node_modules/@digitalbazaar/bbs-signatures/lib/bbs/util.js';
import {KeyGen, SkToPk} from '../../node_modules/@digitalbazaar/bbs-signatures/lib/bbs/keypair.js';
import {generators} from '../../src/wallet/bbs.js';
import {concat, utf8} from '../../src/wallet/bytes.js';

/** A key pair from key material (the draft's KeyGen with its default key_dst). */
export function keyPair(suite, keyMaterial, keyInfo = new Uint8Array()) {
  const SK = KeyGen({key_material: keyMaterial, key_info: keyInfo, ciphersuite: suite.cs});
  return {SK, PK: SkToPk({SK, ciphersuite: suite.cs})};
}

/** CoreSign(SK, PK, generators, header, messages, api_id) with scalar messages; returns A || e. */
export function coreSign(suite, SK, PK, header, messages) {
  const g = generators(suite, messages.length + 1);
  const list = [...g.all];
  list.Q_1 = g.Q_1;
  list.H = g.H;
  const domain = calculate_domain({PK, generators: list, header, api_id: suite.apiId, ciphersuite: suite.cs});
  const e = hash_to_scalar({
    msg_octets: serialize({input_array: [SK, ...messages, domain], ciphersuite: suite.cs}),
    dst: concat(suite.apiId, utf8('H2S_')),
    ciphersuite: suite.cs
  });
  let B = suite.cs.P1.add(g.Q_1.multiply(domain));
  messages.forEach((m, i) => {
    if (m !== 0n) {
      B = B.add(g.H[i].multiply(m));
    }
  });
  const A = B.multiply(suite.cs.Fr.inv(suite.cs.Fr.add(SK, e)));
  return serialize({input_array: [A, e], ciphersuite: suite.cs});
}
