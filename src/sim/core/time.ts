/** Simulated time is an integer number of milliseconds since the scenario started. */
export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;

/** Epoch (seconds) that simulated time 0 maps to in API timestamps: 2025-01-01T00:00:00Z. */
export const DEFAULT_EPOCH_SECONDS = 1735689600;

/**
 * Parses a duration: a number of seconds, or a string such as "90s", "5m", "1h", "1h30m", "250ms".
 * Returns milliseconds, or undefined when the text is not a duration.
 */
export function parseDuration(v: unknown): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) && v >= 0 ? Math.round(v * 1000) : undefined;
  if (typeof v !== 'string') return undefined;
  const s = v.trim();
  if (/^\d+(\.\d+)?$/.test(s)) return Math.round(Number(s) * 1000);
  const re = /(\d+(?:\.\d+)?)(ms|s|m|h|d)/y;
  let total = 0;
  let pos = 0;
  while (pos < s.length) {
    re.lastIndex = pos;
    const m = re.exec(s);
    if (!m) return undefined;
    const n = Number(m[1]);
    const unit = m[2];
    total += unit === 'ms' ? n : unit === 's' ? n * SECOND : unit === 'm' ? n * MINUTE : unit === 'h' ? n * HOUR : n * 24 * HOUR;
    pos = re.lastIndex;
  }
  return pos === 0 ? undefined : Math.round(total);
}

/** "1h02m03.5s" style rendering of a millisecond clock, for timelines. */
export function formatClock(ms: number): string {
  const h = Math.floor(ms / HOUR);
  const m = Math.floor((ms % HOUR) / MINUTE);
  const s = (ms % MINUTE) / 1000;
  const ss = s < 10 ? `0${s}` : `${s}`;
  return `${h}:${m < 10 ? '0' : ''}${m}:${ss}`;
}
