import type { PlacementDetailCode, PlacementDetailForm } from '../model/types';

/**
 * Why a placement filter or constraint refused a candidate, or why nothing could be placed: every form
 * of the sandbox's own sentence for it, by code, as an English template whose `{name}` slots the trace
 * fills. A trace keeps the English `detail` (what DescribePlacementTrace and RunTask's failures say)
 * and, beside it, the form and its values, so the page says it in the learner's language from the
 * locale files' `placement.detail.<code>` keys without reading the English back. The English locale's
 * entries are these templates (a test compares them).
 */
export const PLACEMENT_DETAILS = {
  status: 'instance is {status}',
  agent: 'the container agent is disconnected',
  attribute: 'missing required attribute {name}',
  subnet: "instance is in {zone}, not in the task's subnets",
  cpu: 'needs {need} CPU units, {left} remaining',
  memory: 'needs {need} MiB, {left} MiB remaining',
  gpu: 'needs {need} GPU, {left} remaining',
  port: 'host port {port} is already in use',
  eni: 'all {count} task ENIs of {type} are in use',
  memberOf: 'does not match {expression}',
  distinct: 'already runs a task of {group}',
  subnetFull: 'subnet {subnet} has no free IP addresses',
  noSubnet: 'no subnet has a free IP address',
} as const satisfies Record<PlacementDetailCode, string>;

/** The names of a template's `{slots}`. */
type Slots<S extends string> = S extends `${string}{${infer N}}${infer R}` ? N | Slots<R> : never;

/** The values a form's template needs: one per slot, each said as `${value}` would say it. */
export type DetailValues<C extends PlacementDetailCode> = { readonly [K in Slots<(typeof PLACEMENT_DETAILS)[C]>]: string | number };

/** A detail said: its English and its form. */
export interface SaidDetail {
  detail: string;
  form: PlacementDetailForm;
}

/** The detail of form `code` with `values` in its slots: the English and the form, its values as the English says them. */
export function sayDetail<C extends PlacementDetailCode>(code: C, values: DetailValues<C>): SaidDetail {
  const given = values as Readonly<Record<string, string | number>>;
  const kept: Record<string, string> = {};
  const detail = (PLACEMENT_DETAILS[code] as string).replace(/\{(\w+)\}/g, (_, name: string) => (kept[name] ??= String(given[name])));
  return { detail, form: { code, values: kept } };
}
