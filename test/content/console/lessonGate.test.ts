import { describe, expect, it } from 'vitest';
import { lineAllowed } from '../../../src/content/console';

describe('the lesson gate', () => {
  it('lets a line run when it starts with an allowed prefix, or when its command changes nothing', () => {
    const allowed = ['docker build', 'docker run', 'editor.register'];
    expect(lineAllowed(allowed, 'docker build -t forum:1 .')).toBe(true);
    expect(lineAllowed(allowed, '  docker   run -d forum:1')).toBe(true);
    expect(lineAllowed(allowed, 'aws ecs list-clusters')).toBe(false);
    expect(lineAllowed(allowed, 'sleep 1m')).toBe(true);
    expect(lineAllowed(allowed, 'help docker')).toBe(true);
    expect(lineAllowed(['editor.register'], 'aws ecs list-clusters')).toBe(true);
    expect(lineAllowed([], 'anything at all')).toBe(true);
  });
});
