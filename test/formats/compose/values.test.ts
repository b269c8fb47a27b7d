import { describe, expect, it } from 'vitest';
import { interpolate, parseCompose, parsePorts } from '../../../src/formats/compose';

describe('Compose values', () => {
  it('reads short and long port syntax, ranges, protocols and host addresses', () => {
    expect(parsePorts('8080:80')).toEqual([{ target: 80, published: 8080, protocol: 'tcp' }]);
    expect(parsePorts('53:53/udp')).toEqual([{ target: 53, published: 53, protocol: 'udp' }]);
    expect(parsePorts('127.0.0.1:80:80')).toEqual([{ target: 80, published: 80, protocol: 'tcp', hostIp: '127.0.0.1' }]);
    expect(parsePorts('9090-9091:8080-8081')).toEqual([
      { target: 8080, published: 9090, protocol: 'tcp' },
      { target: 8081, published: 9091, protocol: 'tcp' },
    ]);
    expect(parsePorts(':80')).toEqual([{ target: 80, protocol: 'tcp' }]);
    expect(parsePorts({ target: 80, published: '8080', protocol: 'udp' })).toEqual([{ target: 80, published: 8080, protocol: 'udp' }]);
    expect(parsePorts('49153-65536')).toMatch(/beyond 65535/);
    expect(parsePorts('eighty')).toMatch(/is not a port mapping/);
  });

  it('interpolates variables as Compose does, and warns once about an unset one', () => {
    const unset: string[] = [];
    const env = { TAG: '1.2', EMPTY: '' };
    expect(interpolate('app:${TAG}', env, (n) => unset.push(n))).toBe('app:1.2');
    expect(interpolate('${EMPTY:-fallback} ${EMPTY-kept}', env, (n) => unset.push(n))).toBe('fallback ');
    expect(interpolate('${NOPE-v4.1} $$HOME $TAG', env, (n) => unset.push(n))).toBe('v4.1 $HOME 1.2');
    expect(interpolate('${MISSING}', env, (n) => unset.push(n))).toBe('');
    expect(unset).toEqual(['MISSING']);
    const r = parseCompose('services:\n  web:\n    image: "nginx:${TAG}"\n    environment:\n      - A=${TAG}\n', 'c.yaml');
    expect(r.problems).toEqual([expect.objectContaining({ line: 3, member: 'services.web.image', severity: 'warning', message: 'The "TAG" variable is not set. Defaulting to a blank string.' })]);
  });
});
