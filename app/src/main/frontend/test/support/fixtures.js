// Loading the test fixtures.
import {readdirSync, readFileSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';

export const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');

export function json(...path) {
  return JSON.parse(readFileSync(join(FIXTURES, ...path), 'utf8'));
}

/** The draft's vectors of one kind ('signature' or 'proof') for a suite folder, by file name. */
export function vectors(suiteFolder, kind) {
  const dir = join(FIXTURES, 'bbs', suiteFolder, kind);
  return readdirSync(dir).filter(f => f.endsWith('.json')).sort().map(f => ({file: f, ...json('bbs', suiteFolder, kind, f)}));
}

/** Credentials, keys, headers and scalars made by zkp-service (see PROVENANCE.md). */
export const JAVA = json('java', 'credentials.json');

export function javaCase(name) {
  const c = JAVA.cases.find(x => x.name === name);
  if (c === undefined) {
    throw new Error(`no Java fixture ${name}`);
  }
  return c;
}

export const hex = h => Uint8Array.from(Buffer.from(h, 'hex'));
