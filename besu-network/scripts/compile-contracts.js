#!/usr/bin/env node
// Compiles the Solidity sources with solcjs (from the npm registry, runs offline) through its
// standard-JSON API, because only that API lets us pin the EVM version. Writes <Contract>.abi and
// <Contract>.bin for every deployable contract, and all.errors.json: every custom error of every
// contract, which the Java client needs to name reverts that bubble up from one contract through another.
//
// usage: node scripts/compile-contracts.js <sourceDir> <outDir>
'use strict';

const crypto = require('crypto');
const fs = require('fs');
const path = require('path');
const solc = require('solc');

const EVM_VERSION = 'paris'; // runs on Anvil (any recent hardfork) and on a Besu genesis from London on
const DEPLOYABLE = ['IssuerRegistry', 'SchemaRegistry', 'StatusListRegistry'];

function collectSources(dir, root, out) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) collectSources(full, root, out);
    else if (entry.name.endsWith('.sol')) {
      out[path.relative(root, full).split(path.sep).join('/')] = { content: fs.readFileSync(full, 'utf8') };
    }
  }
  return out;
}

function main() {
  const [sourceDir, outDir] = process.argv.slice(2);
  if (!sourceDir || !outDir) {
    console.error('usage: compile-contracts.js <sourceDir> <outDir>');
    process.exit(2);
  }
  const sources = collectSources(sourceDir, sourceDir, {});
  const input = {
    language: 'Solidity',
    sources,
    settings: {
      evmVersion: EVM_VERSION,
      optimizer: { enabled: true, runs: 200 },
      viaIR: true, // revokeBatch keeps a word cache in locals; the legacy pipeline runs out of stack slots
      outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object'] } },
    },
  };
  // Compiling takes solcjs a while; skip it when sources, settings and compiler are unchanged.
  const stampFile = path.join(outDir, '.inputs.sha256');
  const stamp = crypto.createHash('sha256').update(solc.version()).update(JSON.stringify(input)).digest('hex');
  const outputsExist = DEPLOYABLE.every((n) => fs.existsSync(path.join(outDir, `${n}.bin`)))
    && fs.existsSync(path.join(outDir, 'all.errors.json'));
  if (outputsExist && fs.existsSync(stampFile) && fs.readFileSync(stampFile, 'utf8') === stamp) {
    console.log('contracts up to date');
    return;
  }

  const output = JSON.parse(solc.compile(JSON.stringify(input)));
  const problems = (output.errors || []).filter((e) => e.severity === 'error');
  for (const e of output.errors || []) console.error(e.formattedMessage);
  if (problems.length > 0) process.exit(1);

  fs.mkdirSync(outDir, { recursive: true });
  const errors = new Map();
  for (const [file, contracts] of Object.entries(output.contracts)) {
    for (const [name, artefact] of Object.entries(contracts)) {
      for (const item of artefact.abi.filter((i) => i.type === 'error')) {
        errors.set(JSON.stringify(item), item);
      }
      if (!DEPLOYABLE.includes(name)) continue;
      fs.writeFileSync(path.join(outDir, `${name}.abi`), JSON.stringify(artefact.abi));
      fs.writeFileSync(path.join(outDir, `${name}.bin`), artefact.evm.bytecode.object);
      console.log(`compiled ${file}:${name} (${artefact.evm.bytecode.object.length / 2} bytes, ${EVM_VERSION})`);
    }
  }
  const missing = DEPLOYABLE.filter((n) => !fs.existsSync(path.join(outDir, `${n}.bin`)));
  if (missing.length > 0) {
    console.error(`not found: ${missing.join(', ')}`);
    process.exit(1);
  }
  fs.writeFileSync(path.join(outDir, 'all.errors.json'), JSON.stringify([...errors.values()], null, 1));
  fs.writeFileSync(stampFile, stamp);
  console.log(`solc ${solc.version()}: ${errors.size} custom errors`);
}

main();
