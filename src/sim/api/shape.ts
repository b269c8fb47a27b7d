/** The compact form of a request table: one shape of an API model, and a namespace's operations and shapes. */

export interface Shape {
  /** structure, list, map, string, integer, long, double, float, boolean, timestamp, blob, opaque, or duration (ours). */
  t: string;
  /** Members of a structure: name → shape. */
  m?: Record<string, string>;
  /** Required members. */
  r?: string[];
  /** Element shape of a list; key and value shapes of a map. */
  e?: string;
  k?: string;
  v?: string;
  enum?: string[];
  min?: number;
  max?: number;
  /** Pattern of a string, as the model has it ("u:" first when it needs the unicode flag). */
  p?: string;
}

export interface Model {
  operations: Record<string, string>;
  shapes: Record<string, Shape>;
}
