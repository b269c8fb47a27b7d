import { beforeEach } from 'vitest';
import { Engine } from '../../src/sim/core/engine';

// The whole suite runs strict engines: pending work whose kind has no handler fails the test that made it,
// instead of being counted and skipped as in the page (a restored run never stops the page). Each test starts strict.
Engine.strict = true;
beforeEach(() => {
  Engine.strict = true;
});
