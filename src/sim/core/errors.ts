/** An error answered by the API: AWS's error type (code) and message. Never escapes `Sim.call`. */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = code;
  }
}

export const clientError = (message: string) => new ApiError('ClientException', message);
export const invalidParameter = (message: string) => new ApiError('InvalidParameterException', message);
export const clusterNotFound = () => new ApiError('ClusterNotFoundException', 'Cluster not found.');
export const serviceNotFound = () => new ApiError('ServiceNotFoundException', 'Service not found.');
