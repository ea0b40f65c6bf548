#!/usr/bin/env node
// Runs `npm ci` only when node_modules does not match package-lock.json. `npm ci` always deletes
// node_modules first; on a shared working tree that would pull the Anvil binary away from tests and
// dev chains that are running from it. A stamp with the lock file's hash, written after a successful
// install, says whether the installed tree is current.
'use strict';

const crypto = require('crypto');
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');

const root = path.resolve(__dirname, '..');
const lockHash = crypto.createHash('sha256').update(fs.readFileSync(path.join(root, 'package-lock.json'))).digest('hex');
const stamp = path.join(root, 'node_modules', '.noodrem-installed-lock.sha256');
const required = [path.join(root, 'node_modules', 'solc', 'package.json')];
// @foundry-rs/anvil installs the binary package of this platform as an optional dependency (AnvilDevChain.binaryInModule)
const anvilPlatform = { linux: 'linux', darwin: 'darwin', win32: 'win32' }[process.platform];
const anvilArch = { x64: 'amd64', arm64: 'arm64' }[process.arch];
if (anvilPlatform && anvilArch) {
  const binary = process.platform === 'win32' ? 'anvil.exe' : 'anvil';
  required.push(path.join(root, 'node_modules', '@foundry-rs', `anvil-${anvilPlatform}-${anvilArch}`, 'bin', binary));
}

const current = fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === lockHash && required.every((f) => fs.existsSync(f));
if (current) {
  console.log('node_modules up to date with package-lock.json');
  process.exit(0);
}

// The platform binary comes as an optional dependency, so no install script is needed (or run).
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const result = spawnSync(npm, ['ci', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'],
  { cwd: root, stdio: 'inherit' });
if (result.status !== 0) {
  console.error(`npm ci failed (${result.error ? result.error.message : 'exit ' + result.status})`);
  process.exit(1);
}
const missing = required.filter((f) => !fs.existsSync(f));
if (missing.length > 0) {
  console.error(`npm ci did not install ${missing.join(', ')}`);
  process.exit(1);
}
fs.writeFileSync(stamp, lockHash);
