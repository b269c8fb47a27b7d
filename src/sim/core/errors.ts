/**
 * Where in a request an error is about: member names and list indexes from the request's input, e.g.
 * `['containerDefinitions', 1, 'portMappings', 0, 'hostPort']`. Data for the page (the editor marks that
 * member); it is never part of what the API answers.
 */
export type MemberPath = readonly (string | number)[];

/** An error answered by the API: AWS's error type (code) and message, and the member it is about if known. Never escapes `Sim.call`. */
export class ApiError extends Error {
  declare readonly path?: MemberPath;

  constructor(
    readonly code: string,
    message: string,
    path?: MemberPath,
  ) {
    super(message);
    this.name = code;
    if (path) this.path = path;
  }
}

export const clientError = (message: string, path?: MemberPath) => new ApiError('ClientException', message, path);
export const invalidParameter = (message: string, path?: MemberPath) => new ApiError('InvalidParameterException', message, path);
export const clusterNotFound = () => new ApiError('ClusterNotFoundException', 'Cluster not found.');
export const serviceNotFound = () => new ApiError('ServiceNotFoundException', 'Service not found.');
