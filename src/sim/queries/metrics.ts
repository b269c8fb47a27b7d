/** Names of CloudWatch-style metric series and of their dimensions. */

/** The key of a metric series: dimensions in name order, as CloudWatch treats them. */
export function seriesKey(namespace: string, metricName: string, dims: { name: string; value: string }[]): string {
  let sorted = true;
  for (let i = 1; i < dims.length; i++) if (dims[i - 1]!.name > dims[i]!.name) sorted = false;
  const list = sorted ? dims : [...dims].sort((a, b) => (a.name < b.name ? -1 : 1));
  let key = `${namespace}|${metricName}|`;
  for (let i = 0; i < list.length; i++) key += `${i ? ',' : ''}${list[i]!.name}=${list[i]!.value}`;
  return key;
}

/** "app/<name>/<id>" and "targetgroup/<name>/<id>": the labels CloudWatch dimensions use. */
export function lbLabel(arn: string): string {
  return arn.slice(arn.indexOf(':loadbalancer/') + ':loadbalancer/'.length);
}

export function tgLabel(arn: string): string {
  return arn.slice(arn.lastIndexOf(':') + 1);
}
