/** The scenario schema's validator, compiled ahead of time by scripts/gen-validator.ts. */
declare const validate: ((data: unknown) => boolean) & { errors?: { keyword: string; instancePath: string; message?: string; params: Record<string, unknown> }[] | null };
export default validate;
export { validate };
