import { describe, expect, it } from 'vitest';
import { Notices } from '../../../src/sim/core/notices';

type M = { taskChanged: { id: string }; minuteTicked: number; quiet: undefined };

describe('notices between the parts of the engine', () => {
  it('tells every listener of a notice, in the order they were subscribed, before emit returns', () => {
    const n = new Notices<M>();
    const heard: string[] = [];
    n.on(
      'taskChanged',
      (p) => heard.push(`a:${p.id}`),
      (p) => heard.push(`b:${p.id}`),
    );
    n.on('taskChanged', (p) => heard.push(`c:${p.id}`));
    n.on('minuteTicked', (m) => heard.push(`tick ${m}`));
    n.emit('taskChanged', { id: 't1' });
    heard.push('after');
    n.emit('minuteTicked', 3);
    expect(heard).toEqual(['a:t1', 'b:t1', 'c:t1', 'after', 'tick 3']);
  });

  it('counts the listeners of each notice, and a notice nobody hears is emitted to no one', () => {
    const n = new Notices<M>();
    n.on(
      'taskChanged',
      () => undefined,
      () => undefined,
    );
    expect(n.count('taskChanged')).toBe(2);
    expect(n.count('quiet')).toBe(0);
    expect(() => n.emit('quiet', undefined)).not.toThrow();
  });

  it('lets a listener subscribed while a notice is told hear it in the same emit, after the others', () => {
    const n = new Notices<M>();
    const heard: string[] = [];
    n.on('minuteTicked', () => {
      heard.push('first');
      if (heard.length === 1) n.on('minuteTicked', () => heard.push('late'));
    });
    n.emit('minuteTicked', 1);
    expect(heard).toEqual(['first', 'late']);
  });
});
