import type { SimContext } from '../model/context';
import { own } from '../core/own';
import type { LbAction, Listener, ListenerRule } from '../model/types';

/** Reads of listener rules: a rule by ARN, or a listener's default rule, and its forward action. */

/** The default rule's ARN, derived from the listener's: `listener-rule/…/<listener id>/<id>` [SIM: the id is a hash of the listener's, so no random draw]. */
export function defaultRuleArnOf(listenerArn: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x1b873593;
  for (let i = 0; i < listenerArn.length; i++) {
    h1 = Math.imul(h1 ^ listenerArn.charCodeAt(i), 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ listenerArn.charCodeAt(i), 0x5bd1e995) >>> 0;
  }
  const id = h1.toString(16).padStart(8, '0') + h2.toString(16).padStart(8, '0');
  return `${listenerArn.replace(':listener/', ':listener-rule/')}/${id}`;
}

/** The listener or the rule an ARN names: a rule of the world, or a listener's default rule. */
export function ruleOrDefault(sim: SimContext, arn: unknown): { rule?: ListenerRule; listener: Listener } | undefined {
  const rule = own(sim.world.rules, arn);
  if (rule) {
    const listener = sim.world.listeners[rule.ListenerArn];
    return listener ? { rule, listener } : undefined;
  }
  const listener = Object.values(sim.world.listeners).find((l) => (l.defaultRuleArn ?? defaultRuleArnOf(l.ListenerArn)) === arn);
  return listener ? { listener } : undefined;
}

/** The actions of a rule, or of a listener's default rule. */
export function ruleActions(found: { rule?: ListenerRule; listener: Listener }): LbAction[] {
  return found.rule ? found.rule.Actions : found.listener.DefaultActions;
}
