// Derives test/fixtures/ecsOutputShapes.json from the published ECS API model (botocore's ecs
// service-2.json): for every operation its output shape, and for every shape an output reaches its
// type, members, list and map element shapes and enum values, so that a test can check each answer of
// the engine against what AWS's model says the answer is.
// Usage: node scripts/gen-ecs-output-shapes.mjs <path to botocore ecs service-2.json> [--check]
// With --check it writes nothing and exits 1 when the committed file is not what it derives
// (test/sim/outputShapes.test.ts runs it so).
import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

export const OUTPUT = 'test/fixtures/ecsOutputShapes.json';

/** The output shape of every operation, and every shape those reach. */
export function outputTables(model) {
  const out = { operations: {}, shapes: {} };
  const visit = (name) => {
    if (out.shapes[name]) return;
    const s = model.shapes[name];
    const c = { t: s.type };
    out.shapes[name] = c;
    if (s.enum) c.enum = s.enum;
    if (s.type === 'structure') {
      c.m = {};
      for (const [k, v] of Object.entries(s.members)) {
        c.m[k] = v.shape;
        visit(v.shape);
      }
    } else if (s.type === 'list') {
      c.e = s.member.shape;
      visit(c.e);
    } else if (s.type === 'map') {
      c.k = s.key.shape;
      c.v = s.value.shape;
      visit(c.k);
      visit(c.v);
    }
  };
  for (const [op, o] of Object.entries(model.operations).sort(([a], [b]) => a.localeCompare(b))) {
    if (!o.output) continue;
    out.operations[op] = o.output.shape;
    visit(o.output.shape);
  }
  out.shapes = Object.fromEntries(Object.entries(out.shapes).sort(([a], [b]) => a.localeCompare(b)));
  return out;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [modelPath, flag] = process.argv.slice(2);
  if (!modelPath) {
    console.error('usage: node scripts/gen-ecs-output-shapes.mjs <botocore ecs service-2.json> [--check]');
    process.exit(2);
  }
  const text = `${JSON.stringify(outputTables(JSON.parse(readFileSync(modelPath, 'utf8'))), null, 1)}\n`;
  if (flag === '--check') {
    let committed = '';
    try {
      committed = readFileSync(OUTPUT, 'utf8');
    } catch {
      // absent: differs
    }
    if (committed !== text) {
      console.error(`${OUTPUT} is not what the model derives: run node scripts/gen-ecs-output-shapes.mjs <model>`);
      process.exit(1);
    }
  } else {
    writeFileSync(OUTPUT, text);
    console.log(`${OUTPUT}: ${Object.keys(JSON.parse(text).operations).length} operations`);
  }
}
