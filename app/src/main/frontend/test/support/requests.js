// A CJIB-style presentation request document for the tests.
import {toBase64Url} from '../../src/wallet/bytes.js';
import {writeJson} from '../../src/wallet/json.js';

export const CJIB = 'urn:nl:oin:00000001003214345000:noodrem';
export const CJIB_DISCLOSURE = ['bsn', 'assistanceType', 'helpStartDate', 'validUntil', 'statusListId', 'statusIndex'];

export function requestJson(overrides = {}) {
  return writeJson({
    format: 'noodrem-bbs-presentation-request/1',
    schema: {id: 'DebtAssistanceCredential', version: 1,
      sha256: '800e5576775c2c3ed9a42bcfa2fda9769c88f31cfc491335b85734cb3ce91924'},
    disclose: CJIB_DISCLOSURE,
    nonce: toBase64Url(new Uint8Array(32).fill(42)),
    audience: CJIB,
    issuedAt: '2025-03-03T09:04:00Z',
    expiresAt: '2025-03-03T09:14:00Z',
    ...overrides
  });
}
