// Writes src/content/scenarioValidator.js: the scenario JSON Schema compiled to plain code, so the
// page does not ship a schema compiler. A test fails if the committed file is out of date.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { scenarioValidatorSource } from './validatorSource';

const out = resolve(import.meta.dirname, '../src/content/scenarioValidator.js');
writeFileSync(out, scenarioValidatorSource());
console.log(`wrote ${out}`);
