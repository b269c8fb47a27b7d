import { describe, expect, it } from 'vitest';
import { focusMember, readFocus } from '../../../src/content/lesson/focus';
import type { Problem } from '../../../src/formats/problem';

describe('readFocus', () => {
  it('reads each kind of focus, with a name where it takes one and a load balancer beside a cluster', () => {
    expect(readFocus({ kind: 'local' }, 'focus')).toEqual({ focus: { kind: 'local' } });
    expect(readFocus({ kind: 'cluster' }, 'focus')).toEqual({ focus: { kind: 'cluster' } });
    expect(readFocus({ kind: 'cluster', name: 'forum', loadBalancer: 'forum-alb' }, 'focus')).toEqual({ focus: { kind: 'cluster', name: 'forum', loadBalancer: 'forum-alb' } });
    expect(readFocus({ kind: 'service', name: 'posts' }, 'focus')).toEqual({ focus: { kind: 'service', name: 'posts' } });
    expect(readFocus({ kind: 'loadBalancer', name: 'lb' }, 'focus')).toEqual({ focus: { kind: 'loadBalancer', name: 'lb' } });
    expect(readFocus(undefined, 'focus')).toEqual({});
  });

  it('names the member at fault and why', () => {
    const why = (v: unknown) => readFocus(v, 'presenter.focus').problem;
    expect(why('local')).toEqual({ member: 'presenter.focus', message: 'expected { kind, name }' });
    expect(why(null)).toEqual({ member: 'presenter.focus', message: 'expected { kind, name }' });
    expect(why([])).toEqual({ member: 'presenter.focus', message: 'expected { kind, name }' });
    expect(why({ kind: 'local', zoom: 2 })).toEqual({ member: 'presenter.focus.zoom', message: "unknown member 'zoom'" });
    expect(why({ kind: 'task' })).toEqual({ member: 'presenter.focus.kind', message: 'expected one of local, cluster, service, loadBalancer' });
    expect(why({ kind: 'cluster', name: '' })).toEqual({ member: 'presenter.focus.name', message: 'expected a name' });
    expect(why({ kind: 'cluster', name: 3 })).toEqual({ member: 'presenter.focus.name', message: 'expected a name' });
    expect(why({ kind: 'service' })).toEqual({ member: 'presenter.focus.name', message: 'a service focus names the service' });
    expect(why({ kind: 'local', name: 'me' })).toEqual({ member: 'presenter.focus.name', message: 'the local host has no name' });
    expect(why({ kind: 'service', name: 'web', loadBalancer: 'lb' })).toEqual({ member: 'presenter.focus.loadBalancer', message: 'only a cluster focus frames a load balancer beside it' });
    expect(why({ kind: 'cluster', loadBalancer: '' })).toEqual({ member: 'presenter.focus.loadBalancer', message: "expected a load balancer's name" });
  });
});

describe('focusMember', () => {
  it('is { focus } to spread into what is read, or nothing with the problem recorded at the place given', () => {
    const problems: Problem[] = [];
    const at = () => ({ line: 7, column: 8 });
    expect(focusMember({ kind: 'cluster', name: 'forum' }, 'focus', 'L10/lesson.yaml', at, problems)).toEqual({ focus: { kind: 'cluster', name: 'forum' } });
    expect(focusMember(undefined, 'focus', 'L10/lesson.yaml', at, problems)).toEqual({});
    expect(problems).toEqual([]);
    expect(focusMember({ kind: 'pod' }, 'focus', 'L10/lesson.yaml', at, problems)).toEqual({});
    expect(problems).toEqual([{ severity: 'error', file: 'L10/lesson.yaml', line: 7, column: 8, member: 'focus.kind', message: 'expected one of local, cluster, service, loadBalancer' }]);
  });
});
