import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { CallResult } from '../../sim';
import { jsonBody, jsonInputProblem } from './json';
import { serviceByQuery, serviceByTarget, type ServiceModel } from './model';
import { QueryInputError, decodeQuery, queryError, queryResponse } from './query';
import { simRoute } from './simRoutes';
import type { ServedAccount } from './account';

/**
 * An HTTP endpoint on 127.0.0.1 that speaks to the AWS CLI and SDKs for a served account: AWS JSON 1.1
 * (ECS, Application Auto Scaling, Cloud Map, EventBridge; CloudWatch's JSON 1.0) routed by X-Amz-Target,
 * and the query protocol (ELBv2, CloudWatch, EC2 Auto Scaling, EC2) routed by Version and the SigV4
 * credential scope. Signatures are accepted unchecked; the scope's region picks the region's world.
 * Simulator operations and the clock are on /_sim/ (see simRoutes.ts).
 */
export interface Endpoint {
  port: number;
  url: string;
  server: Server;
  close(): Promise<void>;
}

/** Requests larger than this are refused (413): no call to these APIs needs more. */
const MAX_BODY = 8 * 1024 * 1024;

/** AWS's failures on its own side: answered with 500 (the SDKs retry them). */
const SERVER_FAULTS = new Set(['ServerException', 'InternalFailure', 'InternalServiceError', 'InternalServiceException', 'ServiceUnavailable']);

type Reply = { status: number; type: string; body: string; headers?: Record<string, string> };

/** The region and service of a SigV4 credential scope: Credential=AKID/20250101/us-east-1/ecs/aws4_request. */
export function credentialScope(req: IncomingMessage, url: URL): { region?: string; service?: string } {
  const auth = req.headers.authorization ?? '';
  const cred = /Credential=([^,\s]+)/.exec(auth)?.[1] ?? url.searchParams.get('X-Amz-Credential') ?? '';
  const parts = cred.split('/');
  return parts.length >= 5 ? { region: parts[2], service: parts[3] } : {};
}

let requestCounter = 0;
function requestId(): string {
  const n = (++requestCounter).toString(16).padStart(12, '0');
  return `00000000-0000-4000-8000-${n}`;
}

function jsonReply(svc: ServiceModel | undefined, status: number, body: string, extra: Record<string, string> = {}): Reply {
  return { status, type: `application/x-amz-json-${svc?.jsonVersion ?? '1.1'}`, body, headers: { 'x-amzn-RequestId': requestId(), ...extra } };
}

function jsonError(svc: ServiceModel | undefined, code: string, message: string): Reply {
  const status = SERVER_FAULTS.has(code) ? 500 : 400;
  const headers: Record<string, string> = { 'x-amzn-ErrorType': code };
  if (svc?.queryCompatible) headers['x-amzn-query-error'] = `${code};${status === 500 ? 'Receiver' : 'Sender'}`;
  return jsonReply(svc, status, JSON.stringify({ __type: code, message }), headers);
}

/** An engine error code as the service answers it: its client-side validation error as the service's own validation error. */
function serviceCode(svc: ServiceModel, code: string, query: boolean): string {
  // The engine's own defect, in the words the query services use for theirs.
  if (code === 'ServerException' && query) return 'InternalFailure';
  if (code !== 'ParamValidationError') return code;
  if (query) return 'ValidationError';
  return svc.name === 'ecs' ? 'InvalidParameterException' : 'ValidationException';
}

function jsonRequest(account: ServedAccount, target: string, text: string, region: string | undefined): Reply {
  const dot = target.lastIndexOf('.');
  const svc = serviceByTarget(target.slice(0, dot));
  const operation = target.slice(dot + 1);
  if (!svc || dot < 0) return jsonError(undefined, 'UnknownOperationException', `The sandbox does not serve ${target}: it serves ECS, Application Auto Scaling, Cloud Map, EventBridge and CloudWatch over JSON.`);
  let input: unknown;
  try {
    input = text.trim() === '' ? {} : JSON.parse(text);
  } catch {
    return jsonError(svc, 'SerializationException', 'Start of structure or map found where not expected.');
  }
  if (input === null || typeof input !== 'object' || Array.isArray(input)) return jsonError(svc, 'SerializationException', 'Start of structure or map found where not expected.');
  const op = svc.operations[operation];
  if (!op) return jsonError(svc, 'UnknownOperationException', `The sandbox does not simulate ${svc.name} ${operation}.`);
  const problem = op.i ? jsonInputProblem(svc, op.i, input) : undefined;
  if (problem) return jsonError(svc, 'SerializationException', problem);
  const r = account.call(`${svc.namespace}.${operation}`, input, region);
  if (r.error) return jsonError(svc, serviceCode(svc, r.error.code, false), r.error.message);
  return jsonReply(svc, 200, jsonBody(svc, op.o, r.output));
}

function xmlReply(status: number, body: string): Reply {
  return { status, type: 'text/xml', body };
}

function queryFail(svc: ServiceModel | undefined, code: string, message: string): Reply {
  const server = SERVER_FAULTS.has(code);
  return xmlReply(server ? 500 : 400, queryError(svc, code, message, requestId(), server));
}

function queryRequest(account: ServedAccount, params: Map<string, string>, scope: { region?: string; service?: string }): Reply {
  const action = params.get('Action');
  const version = params.get('Version');
  const svc = serviceByQuery(version, scope.service);
  if (!svc)
    return queryFail(undefined, 'InvalidAction', `The sandbox does not serve API version ${version ?? '(none)'}${scope.service ? ` of ${scope.service}` : ''}: it serves ELBv2, CloudWatch, EC2 Auto Scaling and EC2 over the query protocol.`);
  if (!action) return queryFail(svc, 'MissingAction', 'The request must contain the parameter Action.');
  const op = svc.operations[action];
  if (!op) return queryFail(svc, 'InvalidAction', `The action ${action} is not valid for this web service.`);
  let input: Record<string, unknown>;
  try {
    input = decodeQuery(svc, op.i, params);
  } catch (e) {
    if (e instanceof QueryInputError) return queryFail(svc, svc.protocols.includes('ec2') ? 'InvalidParameterValue' : 'ValidationError', e.message);
    throw e;
  }
  const r: CallResult = account.call(`${svc.namespace}.${action}`, input, scope.region);
  if (r.error) return queryFail(svc, serviceCode(svc, r.error.code, true), r.error.message);
  return xmlReply(200, queryResponse(svc, action, r.output, requestId()));
}

/** Answers one request; never throws (a defect is answered as the protocol answers an internal failure). */
export function answer(account: ServedAccount, req: IncomingMessage, url: URL, text: string): Reply {
  const scope = credentialScope(req, url);
  const target = req.headers['x-amz-target'];
  try {
    if (url.pathname.startsWith('/_sim/')) {
      const r = simRoute(account, req.method ?? 'GET', url, text);
      return { status: r.status, type: 'application/json', body: `${JSON.stringify(r.body)}\n` };
    }
    if (typeof target === 'string') return jsonRequest(account, target, text, scope.region);
    const params = new Map<string, string>(url.searchParams);
    const type = String(req.headers['content-type'] ?? '');
    if (text && (type === '' || type.startsWith('application/x-www-form-urlencoded'))) for (const [k, v] of new URLSearchParams(text)) params.set(k, v);
    if (params.has('Action') || params.has('Version')) return queryRequest(account, params, scope);
    return jsonError(undefined, 'UnknownOperationException', 'The request names no operation: send X-Amz-Target (JSON protocols) or Action and Version (query protocol).');
  } catch (e) {
    const message = `Internal sandbox error: ${e instanceof Error ? e.message : String(e)}`;
    return typeof target === 'string' ? jsonError(undefined, 'InternalFailure', message) : queryFail(undefined, 'InternalFailure', message);
  }
}

function send(res: ServerResponse, r: Reply): void {
  const body = Buffer.from(r.body, 'utf8');
  res.writeHead(r.status, { 'Content-Type': r.type, 'Content-Length': body.length, ...(r.headers ?? {}) });
  res.end(body);
}

/** Serves the account on 127.0.0.1 (never another interface); port 0 picks a free one. */
export function serve(account: ServedAccount, port = 0): Promise<Endpoint> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= MAX_BODY) chunks.push(c);
    });
    req.on('error', () => res.destroy());
    req.on('end', () => {
      if (size > MAX_BODY) return send(res, { status: 413, type: 'text/plain', body: 'Request body too large.' });
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      send(res, answer(account, req, url, Buffer.concat(chunks).toString('utf8')));
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      const address = server.address();
      const p = typeof address === 'object' && address ? address.port : port;
      resolve({
        port: p,
        url: `http://127.0.0.1:${p}`,
        server,
        close: () =>
          new Promise<void>((done) => {
            account.stop();
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
