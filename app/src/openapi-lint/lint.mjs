// Lints the OpenAPI document the app's tests export (PartnerApiTest writes target/openapi.json) with Spectral and
// ruleset.yaml, and exits non-zero on any error. Run by `mvn verify` (app/pom.xml). Installs the pinned Spectral
// (package-lock.json) with `npm ci` when node_modules does not hold exactly it; Spectral then needs no network.
//
// First it lints the documents in violations/, which break the rules on purpose, and fails unless every nlgov-*
// rule of the ruleset fires on one of them: a rule whose path no longer matches anything would otherwise pass
// every document silently.
//
// A focused test run (-Dtest=...) may not export the document: then this says so and passes, except under CI,
// where a missing document fails the build.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const ruleset = join(here, 'ruleset.yaml');
const spectral = join(here, 'node_modules', '@stoplight', 'spectral-cli', 'dist', 'index.js');

function lint(document, format, stdio) {
  return spawnSync(process.execPath, [spectral, 'lint', document, '--ruleset', ruleset, '--fail-severity', 'error',
    '--format', format, '--quiet'], { stdio, encoding: 'utf8' });
}

function installedAsLocked() {
  try {
    const locked = JSON.parse(readFileSync(join(here, 'package-lock.json'), 'utf8')).packages;
    const installed = JSON.parse(readFileSync(join(here, 'node_modules', '.package-lock.json'), 'utf8')).packages;
    // optional packages (fsevents on macOS) are installed only where they apply
    return Object.entries(locked).every(([path, p]) =>
      path === '' || p.optional || installed[path]?.version === p.version);
  } catch {
    return false;
  }
}

if (!installedAsLocked()) {
  const npm = spawnSync('npm', ['ci', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'],
    { cwd: here, stdio: 'inherit', shell: process.platform === 'win32' });
  if (npm.status !== 0) {
    console.error('OpenAPI lint: npm ci failed');
    process.exit(1);
  }
}

const rules = [...readFileSync(ruleset, 'utf8').matchAll(/^  (nlgov-[a-z0-9-]+):/gm)].map((m) => m[1]);
const fired = new Set();
for (const name of readdirSync(join(here, 'violations')).sort()) {
  const result = lint(join(here, 'violations', name), 'json', ['ignore', 'pipe', 'inherit']);
  for (const finding of JSON.parse(result.stdout || '[]')) {
    fired.add(finding.code);
  }
}
const silent = rules.filter((rule) => !fired.has(rule));
if (rules.length === 0 || silent.length > 0) {
  console.error(`OpenAPI lint: these rules no longer fire on violations/: ${silent.join(', ') || '(no rules read)'}`);
  process.exit(1);
}

const document = process.argv[2];
if (!document || !existsSync(document)) {
  const message = `OpenAPI lint: ${document} was not written (PartnerApiTest exports it)`;
  if (process.env.CI) {
    console.error(`${message}; failing because CI is set.`);
    process.exit(1);
  }
  console.warn(`${message}; nothing linted.`);
  process.exit(0);
}
const result = lint(document, 'stylish', 'inherit');
if (result.status === 0) {
  console.log(`OpenAPI lint: ${document} meets the ${rules.length} design rules of ruleset.yaml (0 errors).`);
}
process.exit(result.status ?? 1);
