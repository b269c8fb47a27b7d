/**
 * Synchronous, typed notices between the parts of the engine: one part says that something happened
 * (a task changed, a cluster changed, an instance is gone, a minute ticked) and the listeners the
 * composition root subscribed run at once, in the order they were subscribed. No part imports
 * another to tell it something, and the order of what they do next stays fixed, so a run stays
 * reproducible. `M` maps each notice to its payload.
 */
export class Notices<M extends object> {
  private readonly listeners: { [K in keyof M]?: ((payload: M[K]) => void)[] } = Object.create(null);

  /** Subscribes listeners to a notice, after those already subscribed. */
  on<K extends keyof M>(kind: K, ...listeners: ((payload: M[K]) => void)[]): void {
    (this.listeners[kind] ??= []).push(...listeners);
  }

  /** Tells every listener of `kind`, in subscription order, before returning. */
  emit<K extends keyof M>(kind: K, payload: M[K]): void {
    const list = this.listeners[kind];
    if (list === undefined) return;
    for (let i = 0; i < list.length; i++) list[i]!(payload);
  }

  /** How many listeners a notice has (the composition test checks that every notice is heard). */
  count(kind: keyof M): number {
    return this.listeners[kind]?.length ?? 0;
  }
}
