/** The jmespath package's API, as the console uses it (the package ships no types). */
declare module 'jmespath' {
  export function search(data: unknown, expression: string): unknown;
  export function compile(expression: string): unknown;
  export function tokenize(expression: string): { type: string; value: unknown; start: number }[];
}
