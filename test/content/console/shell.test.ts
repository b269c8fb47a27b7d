import { describe, expect, it } from 'vitest';
import { tokenize } from '../../../src/content/console';

describe('the shell tokenizer', () => {
  it('splits a line as a shell does', () => {
    expect(tokenize(`aws ecs run-task --cluster 'my cluster' --overrides "{\\"a\\": 1}" # a comment`)).toEqual(['aws', 'ecs', 'run-task', '--cluster', 'my cluster', '--overrides', '{"a": 1}']);
    expect(tokenize('echo "unterminated')).toEqual({ error: 'unterminated quote at column 6' });
  });
});
