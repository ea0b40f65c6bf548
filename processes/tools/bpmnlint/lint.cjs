// Lints every BPMN model with .bpmnlintrc (bpmnlint:recommended + camunda-compat for Camunda 7.24) and fails on
// any error that is not listed in known-errors.json. A listed error that is no longer reported fails too, so the
// list only ever shrinks. Warnings are printed and do not fail. Run by Maven (processes/pom.xml, phase test):
//   node lint.cjs ../../src/main/resources/bpmn
'use strict';

const { readFileSync, readdirSync } = require('node:fs');
const path = require('node:path');
const { BpmnModdle } = require('bpmn-moddle');
const Linter = require('bpmnlint/lib/linter');
const NodeResolver = require('bpmnlint/lib/resolver/node-resolver');

async function main(dir) {
  const config = JSON.parse(readFileSync(path.join(__dirname, '.bpmnlintrc'), 'utf-8'));
  const known = JSON.parse(readFileSync(path.join(__dirname, 'known-errors.json'), 'utf-8')).errors;
  const linter = new Linter({ config, resolver: new NodeResolver({ require }) });
  const moddle = new BpmnModdle();
  const files = readdirSync(dir).filter((f) => f.endsWith('.bpmn')).sort();
  if (files.length === 0) {
    throw new Error('no BPMN models in ' + dir);
  }
  const seen = new Set();
  let unexpected = 0;
  for (const file of files) {
    const { rootElement, warnings } = await moddle.fromXML(readFileSync(path.join(dir, file), 'utf-8'));
    const reports = Object.entries(await linter.lint(rootElement)).flatMap(([rule, list]) =>
      list.map((r) => ({ rule: r.name || rule, id: r.id, category: r.category, message: r.message })));
    warnings.forEach((w) => reports.push({ rule: 'import', id: w.element && w.element.id, category: 'error',
      message: 'Import warning: ' + w.message.split('\n')[0] }));
    for (const r of reports) {
      const key = `${file} ${r.id} ${r.rule}`;
      const isKnown = r.category === 'error' && known.some((k) => `${k.file} ${k.id} ${k.rule}` === key);
      if (isKnown) {
        seen.add(key);
      }
      const label = r.category === 'error' ? (isKnown ? 'known error' : 'ERROR') : r.category;
      console.log(`${file}: ${label} ${r.id || ''} [${r.rule}] ${r.message}`);
      if (r.category === 'error' && !isKnown) {
        unexpected++;
      }
    }
    console.log(`${file}: ${reports.length === 0 ? 'clean' : reports.length + ' report(s)'}`);
  }
  const stale = known.filter((k) => !seen.has(`${k.file} ${k.id} ${k.rule}`));
  stale.forEach((k) => console.log(`known-errors.json: ${k.file} ${k.id} [${k.rule}] is no longer reported: remove it`));
  if (unexpected > 0 || stale.length > 0) {
    console.log(`bpmnlint: ${unexpected} new error(s), ${stale.length} stale known error(s)`);
    process.exit(1);
  }
  console.log(`bpmnlint: no new errors in ${files.length} model(s); ${known.length} known error(s) left to fix`);
}

main(process.argv[2] || path.join(__dirname, '../../src/main/resources/bpmn')).catch((e) => {
  console.error(e);
  process.exit(2);
});
