// The BBS Core operations the wallet needs (draft-irtf-cfrg-bbs-signatures-10), over message SCALARS, for the
// ciphersuites BLS12-381-SHA-256 and BLS12-381-SHAKE-256.
//
// Built on @digitalbazaar/bbs-signatures 3.0.0 (BSD-3-Clause), imported by file path because its package
// "exports" only the octet-string interface, while our credential maps dates, integers and enums to integer
// scalars directly (zkp-service README, "Attribute encoding"). From the library we use the ciphersuites
// (hash-to-curve, expand_message, point codecs, pairing check on @noble/curves), create_generators,
// calculate_domain, hash_to_scalar, the octet decoders, ProofChallengeCalculate and ProofFinalize.
//
// We do NOT use its CoreVerify / CoreProofGen / CoreProofVerify. Their B and Bv sums skip a message whose scalar
// is 0 without advancing the generator index (lib/bbs/util.js calculate_B: `if(message !== 0n)
// B = B.add(H[i++].multiply(message))`), and ProofVerifyInit multiplies by a disclosed 0, which @noble/curves
// refuses. With octet messages a 0 scalar never happens (it is a hash), but here it is common: assistance type
// MSNP is enum index 0, and a status list id, count or amount may be 0. So the three sums are computed here,
// with the message generators kept in step, following the draft's steps literally; everything else is the
// library's. `test/bbs-core.test.js` runs the draft's own vectors (signatures and proofs, byte for byte with the
// vectors' random scalars) through these functions and shows the library's bug on a zero message.

import {CIPHERSUITES} from '../../node_modules/@digitalbazaar/bbs-signatures/lib/bbs/ciphersuites.js';
import {CORE_API_ID} from '../../node_modules/@digitalbazaar/bbs-signatures/lib/bbs/constants.js';
import {ProofChallengeCalculate, ProofFinalize} from '../../node_modules/@digitalbazaar/bbs-signatures/lib/bbs/proof.js';
import {
  calculate_domain,
  calculate_random_scalars,
  create_generators,
  createApiId,
  messages_to_scalars,
  octets_to_proof,
  octets_to_pubkey,
  octets_to_signature
} from '../../node_modules/@digitalbazaar/bbs-signatures/lib/bbs/util.js';

/**
 * A ciphersuite by the name used in our documents ("BLS12-381-SHA-256", "BLS12-381-SHAKE-256").
 *
 * @typedef {{name: string, cs: object, apiId: Uint8Array, r: bigint}} Suite
 */
const SUITES = new Map();
for (const cs of [CIPHERSUITES.BLS12381_SHA256, CIPHERSUITES.BLS12381_SHAKE256]) {
  SUITES.set(cs.name, Object.freeze({
    name: cs.name,
    cs,
    apiId: createApiId(cs.ciphersuite_id, CORE_API_ID), // ciphersuite_id || "H2G_HM2S_"
    r: cs.r
  }));
}

/** Names of the supported ciphersuites. */
export const SUITE_NAMES = Object.freeze([...SUITES.keys()]);

/** @param {string} name @returns {Suite | undefined} */
export function suiteByName(name) {
  return SUITES.get(name);
}

/** Octets of a compressed G2 public key, a signature (A || e) and a proof without hidden messages. */
export const PUBLIC_KEY_LENGTH = 96;
export const SIGNATURE_LENGTH = 80;
export const PROOF_BASE_LENGTH = 272;
export const SCALAR_LENGTH = 32;

const generatorCache = new Map();

/**
 * create_generators(count, api_id), cached per suite. Generator i depends only on i, so a longer list serves every
 * shorter request.
 */
export function generators(suite, count) {
  let cached = generatorCache.get(suite.name);
  if (cached === undefined || cached.length < count) {
    cached = create_generators({count, api_id: suite.apiId, ciphersuite: suite.cs});
    generatorCache.set(suite.name, cached);
  }
  const list = cached.slice(0, count);
  return {Q_1: list[0], H: list.slice(1), length: count, all: list};
}

/** MapMessageToScalarAsHash with the suite's default dst (api_id || "MAP_MSG_TO_SCALAR_AS_HASH_"). */
export function mapMessageToScalar(suite, octets) {
  return messages_to_scalars({messages: [octets], api_id: suite.apiId, ciphersuite: suite.cs})[0];
}

/** The generators in the shape the library's functions read (an array with Q_1 and H members). */
function libraryGenerators(g) {
  const list = [...g.all];
  list.Q_1 = g.Q_1;
  list.H = g.H;
  return list;
}

function requireScalars(suite, messages) {
  for (const m of messages) {
    if (typeof m !== 'bigint' || m < 0n || m >= suite.r) {
      throw new RangeError('every message must be a scalar in [0, r)');
    }
  }
}

/** P1 + Q_1 * domain + sum of H[index] * msg over (index, msg) pairs; a zero message adds nothing. */
function commitmentBase(suite, g, domain, indexed) {
  let B = suite.cs.P1.add(g.Q_1.multiply(domain));
  for (const [index, msg] of indexed) {
    if (msg !== 0n) {
      B = B.add(g.H[index].multiply(msg));
    }
  }
  return B;
}

function domainOf(suite, PK, g, header) {
  return calculate_domain({
    PK, generators: libraryGenerators(g), header, api_id: suite.apiId, ciphersuite: suite.cs
  });
}

/**
 * CoreVerify: true when `signature` is a BBS signature of `messages` (scalars) under `header` by the holder of
 * `publicKey`. Malformed keys or signatures (not on the curve, not in the subgroup, identity, e = 0 or e >= r,
 * wrong lengths) give false.
 *
 * @param {{suite: Suite, publicKey: Uint8Array, signature: Uint8Array, header: Uint8Array, messages: bigint[]}} a
 * @returns {boolean}
 */
export function coreVerify({suite, publicKey, signature, header, messages}) {
  requireScalars(suite, messages);
  let A, e, W;
  try {
    [A, e] = octets_to_signature({signature_octets: signature, ciphersuite: suite.cs});
    W = octets_to_pubkey({PK: publicKey, ciphersuite: suite.cs});
  } catch {
    return false;
  }
  if (e === 0n) {
    return false;
  }
  const g = generators(suite, messages.length + 1);
  const domain = domainOf(suite, publicKey, g, header);
  const B = commitmentBase(suite, g, domain, messages.map((m, i) => [i, m]));
  // h(A, W + BP2 * e) * h(B, -BP2) == Identity_GT
  try {
    return suite.cs.pairingCompare({pair1: [A, W.add(suite.cs.BP2.multiply(e))], pair2: [B, suite.cs.BP2]});
  } catch {
    return false;
  }
}

function requireIndexes(indexes, L) {
  for (let k = 0; k < indexes.length; k++) {
    const i = indexes[k];
    if (!Number.isSafeInteger(i) || i < 0 || i >= L || (k > 0 && i <= indexes[k - 1])) {
      throw new RangeError('disclosed indexes must be distinct, ascending and within the messages');
    }
  }
}

async function randomNonZeroScalars(suite, count) {
  const scalars = await calculate_random_scalars({count, ciphersuite: suite.cs});
  for (let k = 0; k < scalars.length; k++) {
    while (scalars[k] === 0n) { // probability 2^-255 per scalar, but a 0 would make the proof fail
      [scalars[k]] = await calculate_random_scalars({count: 1, ciphersuite: suite.cs});
    }
  }
  return scalars;
}

/**
 * CoreProofGen: a zero-knowledge proof of a signature on `messages` that discloses the messages at
 * `disclosedIndexes` (ascending) and binds `ph`. Random scalars come from WebCrypto; `randomScalars` exists for
 * the draft's fixed test vectors only.
 *
 * @param {{suite: Suite, publicKey: Uint8Array, signature: Uint8Array, header: Uint8Array, ph: Uint8Array,
 *          messages: bigint[], disclosedIndexes: number[], randomScalars?: bigint[]}} a
 * @returns {Promise<Uint8Array>} the proof octets, 272 + 32 per hidden message
 * @throws {Error} for a malformed signature or key, or bad indexes
 */
export async function coreProofGen({suite, publicKey, signature, header, ph, messages, disclosedIndexes,
  randomScalars}) {
  requireScalars(suite, messages);
  const L = messages.length;
  requireIndexes(disclosedIndexes, L);
  const {cs} = suite;
  const [A, e] = octets_to_signature({signature_octets: signature, ciphersuite: cs});
  octets_to_pubkey({PK: publicKey, ciphersuite: cs}); // refuse a malformed key before the work
  const disclosed = new Set(disclosedIndexes);
  const undisclosedIndexes = [];
  for (let i = 0; i < L; i++) {
    if (!disclosed.has(i)) {
      undisclosedIndexes.push(i);
    }
  }
  const U = undisclosedIndexes.length;
  const random = randomScalars ?? await randomNonZeroScalars(suite, 5 + U);
  if (random.length !== 5 + U) {
    throw new RangeError('5 + U random scalars needed');
  }

  // ProofInit
  const g = generators(suite, L + 1);
  const domain = domainOf(suite, publicKey, g, header);
  const B = commitmentBase(suite, g, domain, messages.map((m, i) => [i, m]));
  const [r1, r2, eTilde, r1Tilde, r3Tilde, ...mTilde] = random;
  const D = B.multiply(r2);
  const Abar = A.multiply(cs.Fr.mul(r1, r2));
  const Bbar = D.multiply(r1).subtract(Abar.multiply(e));
  const T1 = Abar.multiply(eTilde).add(D.multiply(r1Tilde));
  let T2 = D.multiply(r3Tilde);
  undisclosedIndexes.forEach((j, k) => {
    T2 = T2.add(g.H[j].multiply(mTilde[k]));
  });
  const initRes = [Abar, Bbar, D, T1, T2, domain];

  const challenge = ProofChallengeCalculate({
    init_res: initRes,
    disclosed_indexes: disclosedIndexes,
    disclosed_messages: disclosedIndexes.map(i => messages[i]),
    ph,
    api_id: suite.apiId,
    ciphersuite: cs
  });
  return ProofFinalize({
    init_res: initRes,
    challenge,
    e_value: e,
    random_scalars: random,
    undisclosed_messages: undisclosedIndexes.map(j => messages[j]),
    ciphersuite: cs
  });
}

/**
 * CoreProofVerify. The wallet itself does not need it (CJIB verifies in Java); it lets the tests check proofs
 * without Java and lets a page double-check a proof before sending it.
 *
 * @param {{suite: Suite, publicKey: Uint8Array, proof: Uint8Array, header: Uint8Array, ph: Uint8Array,
 *          disclosedMessages: bigint[], disclosedIndexes: number[]}} a
 * @returns {boolean}
 */
export function coreProofVerify({suite, publicKey, proof, header, ph, disclosedMessages, disclosedIndexes}) {
  requireScalars(suite, disclosedMessages);
  const {cs} = suite;
  let parts, W;
  try {
    parts = octets_to_proof({proof_octets: proof, ciphersuite: cs});
    W = octets_to_pubkey({PK: publicKey, ciphersuite: cs});
  } catch {
    return false;
  }
  const [Abar, Bbar, D, eHat, r1Hat, r3Hat, ...rest] = parts;
  const c = rest.pop();
  const commitments = rest;
  if ([eHat, r1Hat, r3Hat, c, ...commitments].some(s => s === 0n)) {
    return false; // the draft's octets_to_proof refuses zero scalars; the library compares a bigint with 0
  }
  const U = commitments.length;
  const R = disclosedIndexes.length;
  const L = R + U;
  if (disclosedMessages.length !== R) {
    return false;
  }
  try {
    requireIndexes(disclosedIndexes, L);
  } catch {
    return false;
  }
  const disclosed = new Set(disclosedIndexes);
  const undisclosedIndexes = [];
  for (let i = 0; i < L; i++) {
    if (!disclosed.has(i)) {
      undisclosedIndexes.push(i);
    }
  }

  // ProofVerifyInit
  const g = generators(suite, L + 1);
  const domain = domainOf(suite, publicKey, g, header);
  const T1 = Bbar.multiply(c).add(Abar.multiply(eHat)).add(D.multiply(r1Hat));
  const Bv = commitmentBase(suite, g, domain, disclosedIndexes.map((i, k) => [i, disclosedMessages[k]]));
  let T2 = Bv.multiply(c).add(D.multiply(r3Hat));
  undisclosedIndexes.forEach((j, k) => {
    T2 = T2.add(g.H[j].multiply(commitments[k]));
  });
  const challenge = ProofChallengeCalculate({
    init_res: [Abar, Bbar, D, T1, T2, domain],
    disclosed_indexes: disclosedIndexes,
    disclosed_messages: disclosedMessages,
    ph,
    api_id: suite.apiId,
    ciphersuite: cs
  });
  if (challenge !== c) {
    return false;
  }
  // h(Abar, W) * h(Bbar, -BP2) == Identity_GT
  try {
    return cs.pairingCompare({pair1: [Abar, W], pair2: [Bbar, cs.BP2]});
  } catch {
    return false;
  }
}

/** Number of hidden messages a proof of this length covers, or -1 for an impossible length. */
export function undisclosedCount(proofLength) {
  const rest = proofLength - PROOF_BASE_LENGTH;
  return rest >= 0 && rest % SCALAR_LENGTH === 0 ? rest / SCALAR_LENGTH : -1;
}
