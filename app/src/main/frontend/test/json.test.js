import assert from 'node:assert/strict';
import {test} from 'node:test';

import {fromBase64Url, toBase64Url} from '../src/wallet/bytes.js';
import {JsonSyntaxError, parseJson, writeJson} from '../src/wallet/json.js';

test('parseJson_plainDocument_sameAsJsonParse', () => {
  const text = '{"a":[1,-2,3.5,1e3,true,false,null,"x\\u00e9\\n\\"\\/"],"b":{"c":{}},"d":[]}';
  assert.deepEqual(parseJson(text), JSON.parse(text));
  assert.deepEqual(parseJson(' \t\r\n{ "a" : 1 } \n'), {a: 1});
});

test('parseJson_bigIntegers_exact', () => {
  const v = parseJson('{"max":9223372036854775807,"min":-9223372036854775808,"safe":9007199254740991,'
    + '"unsafe":9007199254740993,"negZero":-0}');
  assert.equal(v.max, 9223372036854775807n);
  assert.equal(v.min, -9223372036854775808n);
  assert.equal(v.safe, 9007199254740991);
  assert.equal(v.unsafe, 9007199254740993n);
  assert.ok(Object.is(v.negZero, 0));
});

test('parseJson_duplicateMember_refused', () => {
  assert.throws(() => parseJson('{"a":1,"a":2}'), JsonSyntaxError);
  assert.throws(() => parseJson('{"a":{"b":1,"b":1}}'), JsonSyntaxError);
  assert.throws(() => parseJson('{"a":1,"\\u0061":2}'), JsonSyntaxError); // same name after unescaping
});

test('parseJson_protoMember_isData', () => {
  const v = parseJson('{"__proto__":{"polluted":true}}');
  assert.equal(Object.getPrototypeOf(v), Object.prototype);
  assert.equal(v.polluted, undefined);
  assert.deepEqual(Object.keys(v), ['__proto__']);
  assert.equal(({}).polluted, undefined);
});

test('parseJson_notStrictJson_refused', () => {
  for (const bad of ['', '{', '{"a":1,}', '[1,]', '{"a":01}', '{"a":+1}', '{"a":.5}', '{"a":1.}', "{'a':1}",
    '{"a":NaN}', '{"a":1} x', '{"a":"\t"}', '{"a":"\\x"}', '{"a":"\\u12"}', '{a:1}', '{"a":1e}', '{"a":-}',
    '{"a":1e999}', 'nul', '[' .repeat(40) + ']'.repeat(40)]) {
    assert.throws(() => parseJson(bad), JsonSyntaxError, JSON.stringify(bad));
  }
  assert.throws(() => parseJson('"x"'.padEnd((1 << 20) + 1, ' ')), /too large/);
});

test('parseJson_errorMessage_givesPositionNotContent', () => {
  try {
    parseJson('{"bsn":"999993653",}');
    assert.fail('accepted');
  } catch (e) {
    assert.match(e.message, /position \d+/);
    assert.doesNotMatch(e.message, /999993653/);
  }
});

test('writeJson_bigIntsAndStrings_roundTrip', () => {
  const value = {a: 9223372036854775807n, b: -1n, c: 'é\u2028"', d: [1, true, null], e: {}};
  const text = writeJson(value);
  assert.equal(text, '{"a":9223372036854775807,"b":-1,"c":"é\u2028\\"","d":[1,true,null],"e":{}}');
  assert.deepEqual(parseJson(text), {...value, b: -1, d: [1, true, null]});
  assert.throws(() => writeJson({a: Infinity}), TypeError);
  assert.throws(() => writeJson({a: undefined}), TypeError);
});

test('base64Url_canonicalUnpadded_only', () => {
  for (let n = 0; n < 20; n++) {
    const bytes = Uint8Array.from({length: n}, (_, i) => (i * 37 + n) & 0xff);
    const text = toBase64Url(bytes);
    assert.equal(text, Buffer.from(bytes).toString('base64url'));
    assert.deepEqual(fromBase64Url(text), bytes);
  }
  assert.equal(fromBase64Url('AA=='), null); // padding
  assert.equal(fromBase64Url('A+/A'), null); // standard alphabet
  assert.equal(fromBase64Url('AB'), null); // non-zero trailing bits: canonical is 'AA'
  assert.equal(fromBase64Url('A'), null);
  assert.equal(fromBase64Url('AA AA'), null);
  assert.deepEqual(fromBase64Url(''), new Uint8Array());
});
