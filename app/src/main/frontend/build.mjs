// Builds the portal's static assets into the app's classpath (target/classes/static):
// NL Design System styles (from the npm registry) and the browser wallet bundle.
import {build} from 'esbuild';
import {copyFileSync, mkdirSync, existsSync, readdirSync, readFileSync, writeFileSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const out = process.argv[2] ?? join(here, '..', '..', '..', 'target', 'classes', 'static');

mkdirSync(join(out, 'css'), {recursive: true});
mkdirSync(join(out, 'js'), {recursive: true});
copyFileSync(join(here, 'node_modules/@rijkshuisstijl-community/design-tokens/dist/index.css'),
  join(out, 'css', 'rhc-design-tokens.css'));
copyFileSync(join(here, 'node_modules/@rijkshuisstijl-community/components-css/dist/index.css'),
  join(out, 'css', 'rhc-components.css'));

// every entry point in src/entries becomes js/<name>.js
const entriesDir = join(here, 'src', 'entries');
const entries = existsSync(entriesDir)
  ? readdirSync(entriesDir).filter(f => f.endsWith('.js')).map(f => join(entriesDir, f))
  : [];
if (entries.length > 0) {
  await build({
    entryPoints: entries,
    outdir: join(out, 'js'),
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: ['es2022'],
    minify: true,
    sourcemap: true,
    legalComments: 'linked',
    logLevel: 'warning'
  });
}
// the bundles contain BSD-3-Clause and MIT code whose licences require their text to ship with them
const bundled = ['@digitalbazaar/bbs-signatures', '@noble/curves', '@noble/hashes'];
const notices = bundled
  .map(name => [name, join(here, 'node_modules', name, 'LICENSE')])
  .filter(([, file]) => existsSync(file))
  .map(([name, file]) => `==== ${name} ====\n\n${readFileSync(file, 'utf8')}`);
writeFileSync(join(out, 'js', 'THIRD-PARTY-LICENSES.txt'),
  'Third-party code bundled into the Noodrem portal scripts, with its licences.\n\n' + notices.join('\n\n'));

console.log(`portal assets built into ${out} (${entries.length} script entries)`);
