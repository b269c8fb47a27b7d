/** Compose values: sizes, durations, port mappings and variable interpolation. */
import type { Said } from '../problem';
import { say } from '../diagnostics';

export type Obj = Record<string, unknown>;
export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

export interface PortMapping {
  target: number;
  published?: number;
  protocol: 'tcp' | 'udp';
  hostIp?: string;
}

/** Nanoseconds in each unit the Compose specification names for a duration ("us, ms, s, m and h"). */
const COMPOSE_UNITS: Record<string, number> = { us: 1e3, ms: 1e6, s: 1e9, m: 60e9, h: 3600e9 };

/**
 * "1m30s", "10s", "500ms", "2.5s" (Compose durations) → seconds. The longer units are tried first, so that "500ms" is
 * not read as 500 minutes followed by an "s" that names nothing.
 */
export function seconds(v: unknown): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v !== 'string') return undefined;
  const re = /(\d+(?:\.\d+)?)(us|ms|h|m|s)/gy;
  let nanos = 0;
  let end = 0;
  for (let m = re.exec(v); m; m = re.exec(v)) {
    nanos += Number(m[1]) * COMPOSE_UNITS[m[2]!]!;
    end = re.lastIndex;
  }
  return end === v.length && end > 0 ? nanos / 1e9 : undefined;
}

/** "512M", "1g", "1.5GB", 536870912 → bytes. */
export function bytes(v: unknown): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v !== 'string') return undefined;
  const m = /^\s*(\d+(?:\.\d+)?)\s*([kmgt]?)i?b?\s*$/i.exec(v);
  if (!m) return undefined;
  const unit = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4 }[m[2]!.toLowerCase() as '' | 'k' | 'm' | 'g' | 't'];
  return Math.round(Number(m[1]) * unit);
}

/** Parses a port entry in the short ("8080:80/udp", "127.0.0.1:80:80", "9090-9091:8080-8081") or long syntax; else what is wrong, in English. */
export function parsePorts(entry: unknown): PortMapping[] | string {
  const r = readPorts(entry);
  return Array.isArray(r) ? r : r.message;
}

/** parsePorts, saying what is wrong as a diagnostic. */
export function readPorts(entry: unknown): PortMapping[] | Said {
  if (typeof entry === 'number') return Number.isInteger(entry) && entry > 0 && entry < 65536 ? [{ target: entry, protocol: 'tcp' }] : say('problem.compose.portNumber', { port: entry });
  if (isObj(entry)) {
    const target = Number(entry.target);
    if (!Number.isInteger(target) || target < 1 || target > 65535) return say('problem.compose.longPortTarget');
    const published = entry.published === undefined ? undefined : Number(entry.published);
    if (published !== undefined && (!Number.isInteger(published) || published < 0 || published > 65535)) return say('problem.compose.publishedPort', { port: String(entry.published) });
    const protocol = entry.protocol === 'udp' ? 'udp' : 'tcp';
    return [{ target, protocol, ...(published !== undefined ? { published } : {}), ...(typeof entry.host_ip === 'string' ? { hostIp: entry.host_ip } : {}) }];
  }
  if (typeof entry !== 'string') return say('problem.compose.portKind');
  const m = /^(?:(\[[0-9a-f:]+\]|\d+\.\d+\.\d+\.\d+):)?(?:(\d*)(?:-(\d+))?:)?(\d+)(?:-(\d+))?(?:\/(tcp|udp))?$/i.exec(entry.trim());
  if (!m) return say('problem.compose.portMapping', { port: entry });
  const [, hostIp, p1, p2, t1, t2, proto] = m;
  const protocol = (proto?.toLowerCase() as 'tcp' | 'udp' | undefined) ?? 'tcp';
  const targets = range(Number(t1), t2 === undefined ? Number(t1) : Number(t2));
  const published = p1 === undefined || p1 === '' ? undefined : range(Number(p1), p2 === undefined ? Number(p1) : Number(p2));
  if (!targets || (p1 !== undefined && p1 !== '' && !published)) return say('problem.compose.portRange', { port: entry });
  if (published && published.length !== targets.length && published.length !== 1) return say('problem.compose.portRanges', { port: entry });
  return targets.map((target, i) => ({
    target,
    protocol,
    ...(published ? { published: published.length === 1 ? published[0]! : published[i]! } : {}),
    ...(hostIp ? { hostIp } : {}),
  }));
}

function range(a: number, b: number): number[] | undefined {
  if (!(a >= 0 && b <= 65535 && a <= b)) return undefined;
  const out: number[] = [];
  for (let p = a; p <= b; p++) out.push(p);
  return out;
}

/** Compose interpolation: $VAR, ${VAR}, ${VAR:-default}, ${VAR-default}, ${VAR:?err}, $$ → $. */
export function interpolate(s: string, env: Record<string, string>, unset: (name: string) => void): string {
  return s.replace(/\$(\$|\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])((?:[^{}]|\{[^{}]*\})*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g, (_whole: string, dollar: string, braced?: string, op?: string, arg?: string, bare?: string) => {
    if (dollar === '$') return '$';
    const name = (braced ?? bare)!;
    const value = env[name];
    const isSet = value !== undefined;
    const nonEmpty = isSet && value !== '';
    switch (op) {
      case ':-':
        return nonEmpty ? value! : interpolate(arg ?? '', env, unset);
      case '-':
        return isSet ? value! : interpolate(arg ?? '', env, unset);
      case ':+':
        return nonEmpty ? interpolate(arg ?? '', env, unset) : '';
      case '+':
        return isSet ? interpolate(arg ?? '', env, unset) : '';
      case ':?':
      case '?':
        if (op === ':?' ? nonEmpty : isSet) return value!;
        unset(name);
        return '';
      default:
        if (!isSet) unset(name);
        return value ?? '';
    }
  });
}
