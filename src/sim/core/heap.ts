/**
 * A binary min-heap of pending events ordered by (time, seq). `seq` is a global insertion counter,
 * so events due at the same millisecond come out in the order they were scheduled (FIFO), which is
 * what makes a run reproducible. Times and sequence numbers live in typed arrays (struct of arrays)
 * because the queue is the hottest structure of the engine.
 */
export class EventHeap<T> {
  private times: Float64Array;
  private seqs: Float64Array;
  private items: (T | undefined)[];
  private n = 0;
  /** Time and sequence number of the item most recently popped. */
  lastTime = 0;
  lastSeq = 0;

  constructor(capacity = 1024) {
    this.times = new Float64Array(capacity);
    this.seqs = new Float64Array(capacity);
    this.items = new Array(capacity);
  }

  get size(): number {
    return this.n;
  }

  /** Earliest pending time, or Infinity when empty. */
  peekTime(): number {
    return this.n > 0 ? this.times[0]! : Infinity;
  }

  push(time: number, seq: number, item: T): void {
    if (this.n === this.times.length) this.grow();
    const times = this.times;
    const seqs = this.seqs;
    const items = this.items;
    let i = this.n++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pt = times[p]!;
      if (pt < time || (pt === time && seqs[p]! < seq)) break;
      times[i] = pt;
      seqs[i] = seqs[p]!;
      items[i] = items[p];
      i = p;
    }
    times[i] = time;
    seqs[i] = seq;
    items[i] = item;
  }

  /** Removes and returns the earliest item; its time and seq are left in lastTime / lastSeq. */
  pop(): T | undefined {
    const n = this.n;
    if (n === 0) return undefined;
    const times = this.times;
    const seqs = this.seqs;
    const items = this.items;
    const top = items[0];
    this.lastTime = times[0]!;
    this.lastSeq = seqs[0]!;
    const last = n - 1;
    this.n = last;
    if (last > 0) {
      const t = times[last]!;
      const s = seqs[last]!;
      const it = items[last];
      let i = 0;
      const half = last >> 1;
      while (i < half) {
        let c = 2 * i + 1;
        const r = c + 1;
        if (r < last && (times[r]! < times[c]! || (times[r] === times[c] && seqs[r]! < seqs[c]!))) c = r;
        const ct = times[c]!;
        if (t < ct || (t === ct && s < seqs[c]!)) break;
        times[i] = ct;
        seqs[i] = seqs[c]!;
        items[i] = items[c];
        i = c;
      }
      times[i] = t;
      seqs[i] = s;
      items[i] = it;
    }
    items[last] = undefined;
    return top;
  }

  /** All entries as [time, seq, item], in heap order (for snapshots). */
  entries(): [number, number, T][] {
    const out: [number, number, T][] = [];
    for (let i = 0; i < this.n; i++) out.push([this.times[i]!, this.seqs[i]!, this.items[i] as T]);
    return out;
  }

  clear(): void {
    for (let i = 0; i < this.n; i++) this.items[i] = undefined;
    this.n = 0;
  }

  private grow(): void {
    const cap = this.times.length * 2;
    const t = new Float64Array(cap);
    t.set(this.times);
    const s = new Float64Array(cap);
    s.set(this.seqs);
    this.times = t;
    this.seqs = s;
    this.items.length = cap;
  }
}
