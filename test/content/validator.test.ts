import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scenarioValidatorSource } from '../../scripts/validatorSource';

describe('the compiled scenario validator', () => {
  it('is up to date with schemas/scenario.schema.json (run `npx tsx scripts/gen-validator.ts` after changing the schema)', () => {
    const committed = readFileSync(resolve(import.meta.dirname, '../../src/content/scenarioValidator.js'), 'utf8');
    expect(committed === scenarioValidatorSource()).toBe(true);
  });
});
