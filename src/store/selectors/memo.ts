/**
 * A selector that recomputes only when one of its inputs changes (each compared with Object.is),
 * so a component reading it through the store gets the same object back while nothing changed, and
 * the work is done once per change however often the page renders. The inputs must name everything
 * the result depends on; `compute` also gets the whole state, for rules that read it.
 */
export function memoSelector<S, D extends readonly unknown[], R>(inputs: (s: S) => D, compute: (d: NoInfer<D>, s: S) => R): (s: S) => R {
  let last: { d: D; r: R } | undefined;
  return (s) => {
    const d = inputs(s);
    if (last && last.d.length === d.length && last.d.every((x, i) => Object.is(x, d[i]))) return last.r;
    last = { d, r: compute(d, s) };
    return last.r;
  };
}
