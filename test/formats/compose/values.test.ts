import { describe, expect, it } from 'vitest';
import { interpolate, parseCompose, parsePorts } from '../../../src/formats/compose';
import { bytes, seconds } from '../../../src/formats/compose/values';

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

  it('a port entry that is not one says why', () => {
    expect(parsePorts(80)).toEqual([{ target: 80, protocol: 'tcp' }]);
    expect(parsePorts(0)).toBe("'0' is not a port");
    expect(parsePorts(70000)).toBe("'70000' is not a port");
    expect(parsePorts(true)).toBe('a port is a number, a string such as "8080:80", or a mapping with target');
    expect(parsePorts({ target: 0 })).toBe('a long-syntax port needs target, a port number');
    expect(parsePorts({ target: 80, published: 'x' })).toBe("published 'x' is not a port");
    expect(parsePorts({ target: 80, host_ip: '10.0.0.1' })).toEqual([{ target: 80, protocol: 'tcp', hostIp: '10.0.0.1' }]);
    expect(parsePorts('[::1]:80:80')).toEqual([{ target: 80, published: 80, protocol: 'tcp', hostIp: '[::1]' }]);
    expect(parsePorts('81-80')).toBe("'81-80' has a range that runs backwards or beyond 65535");
    expect(parsePorts('9090-9092:8080-8081')).toBe("'9090-9092:8080-8081': the published and target ranges differ in length");
    expect(parsePorts('80/sctp')).toBe('\'80/sctp\' is not a port mapping (for example "8080:80" or "80/udp")');
  });

  it('reads sizes in bytes with binary units, with or without i and b, any case', () => {
    expect(bytes('512M')).toBe(512 * 1024 ** 2);
    expect(bytes('1g')).toBe(1024 ** 3);
    expect(bytes('1.5GB')).toBe(1.5 * 1024 ** 3);
    expect(bytes('2 KiB')).toBe(2048);
    expect(bytes('100')).toBe(100);
    expect(bytes(536870912)).toBe(536870912);
    for (const v of ['x', '', '-1m', '1p', null]) expect(bytes(v), String(v)).toBeUndefined();
  });

  it('reads Compose durations as seconds', () => {
    expect(seconds('1m30s')).toBe(90);
    expect(seconds('1h')).toBe(3600);
    expect(seconds('1.5s')).toBe(1.5);
    expect(seconds('250us')).toBe(0.00025);
    expect(seconds(30)).toBe(30);
    for (const v of ['', '10', 'x', '5s later', null]) expect(seconds(v), String(v)).toBeUndefined();
  });

  it('reads milliseconds, alone or after larger units', () => {
    expect(seconds('500ms')).toBe(0.5);
    expect(seconds('1s500ms')).toBe(1.5);
    expect(seconds('1h30m')).toBe(5400);
    expect(seconds('2m10ms')).toBe(120.01);
  });

  it('knows only the units the Compose specification names: us, ms, s, m and h', () => {
    for (const v of ['10ns', '1d', '500 ms', '5mss']) expect(seconds(v), v).toBeUndefined();
  });
});
