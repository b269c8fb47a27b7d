import { ApiError } from '../core/errors';
import { own, setOwn } from '../core/own';
import type { SimContext } from '../model/context';
import { daemonError, withTag, type DockerHost, type DockerImage } from '../model/docker';
import { imageByTag } from '../model/ecr';
import { DOCKER_HUB, DOCKER_HUB_OFFICIAL, configDigestOf, ecrRegistryOf, imageManifest, layersOf, manifestDigest, manifestLayers, parseImageRef, publicConfigDigest, tagOf, type ImageRef } from '../model/registry';
import { localImageBehavior } from '../queries/docker';
import { ecrState, putImage } from './ecrImages';

/**
 * The local Docker host and the registries: where an image comes from when it is not on the host (this
 * account's Amazon ECR, Docker Hub, the public registries), `docker login`, `docker tag` and `docker push`,
 * with the lines Docker prints and its errors, word for word where Docker and ECR have them.
 */

function host(sim: SimContext): DockerHost {
  return sim.world.docker;
}

/** A reference Docker accepts, or Docker's refusal. */
export function readRef(ref: unknown): ImageRef {
  const s = typeof ref === 'string' ? ref : '';
  const r = parseImageRef(s);
  if (r) return r;
  if (s !== '' && s !== s.toLowerCase() && parseImageRef(s.toLowerCase())) throw new ApiError('DockerError', `invalid reference format: repository name (${s.replace(/[:@].*$/, '')}) must be lowercase`);
  throw new ApiError('DockerError', `invalid reference format${s === '' ? '' : `: "${s}"`}`);
}

/** How Docker names a repository in its messages: `forum` for docker.io/library/forum, the host and path otherwise. */
const familiar = (r: ImageRef) => (r.registry === DOCKER_HUB ? r.repository.replace(/^library\//, '') : `${r.registry}/${r.repository}`);
const short = (digest: string) => digest.replace(/^sha256:/, '').slice(0, 12);

/** This account's registry in the scenario's region, as the Docker host reaches it. */
function ownEcr(sim: SimContext, r: ImageRef): boolean {
  const e = ecrRegistryOf(r.registry);
  return e !== undefined && e.account === sim.world.account && e.region === sim.world.region;
}

/** The credentials the host holds for a registry: `docker login`'s, if they have not expired. */
function credentials(sim: SimContext, registry: string): 'none' | 'expired' | 'valid' {
  const l = own(host(sim).logins ?? {}, registry);
  if (!l) return 'none';
  return l.expiresAtMs > sim.now ? 'valid' : 'expired';
}

const EXPIRED = 'denied: Your authorization token has expired. Reauthenticate and try again.';

/** What a registry has under a reference: the manifest to pull, or Docker's error. */
function resolveRemote(sim: SimContext, r: ImageRef, asTyped: string, record = true): { manifest: string; configDigest: string } {
  if (ecrRegistryOf(r.registry)) {
    const tag = tagOf(r);
    const manifestUrl = `https://${r.registry}/v2/${r.repository}/manifests/${tag ?? r.digest!}`;
    const cred = credentials(sim, r.registry);
    if (cred === 'none') throw daemonError(`Head "${manifestUrl}": no basic auth credentials`);
    if (cred === 'expired') throw daemonError(`pull access denied for ${familiar(r)}, repository does not exist or may require 'docker login': ${EXPIRED}`);
    const repo = ownEcr(sim, r) ? own(ecrState(sim).repositories, r.repository) : undefined;
    if (!repo) throw daemonError(`repository ${familiar(r)} not found: name unknown: The repository with name '${r.repository}' does not exist in the registry with id '${ecrRegistryOf(r.registry)!.account}'`);
    const image = tag !== undefined ? imageByTag(repo, tag) : own(repo.images, r.digest!);
    if (!image) throw daemonError(`manifest for ${asTyped} not found: manifest unknown: Requested image not found`);
    if (record) image.lastRecordedPullTimeMs = sim.now;
    const config = configDigestOf(image.imageManifest) ?? image.imageDigest;
    return { manifest: image.imageManifest, configDigest: config };
  }
  const b = localImageBehavior(sim, asTyped);
  // A single name is Docker Hub's library/<name>: an official image, or one the scenario says Docker Hub has.
  const library = r.registry === DOCKER_HUB && r.repository.startsWith('library/');
  if (library && !DOCKER_HUB_OFFICIAL.has(r.repository.slice('library/'.length)) && b.exists !== true) {
    throw daemonError(`pull access denied for ${familiar(r)}, repository does not exist or may require 'docker login': denied: requested access to the resource is denied`);
  }
  if (b.exists === false) throw daemonError(`manifest for ${asTyped} not found: manifest unknown: manifest unknown`);
  const configDigest = publicConfigDigest(r);
  return { manifest: imageManifest(configDigest), configDigest };
}

/** Whether a reference can be pulled (or is on the host already): undefined, or Docker's error. */
export function pullProblem(sim: SimContext, ref: string): ApiError | undefined {
  if (own(host(sim).images, withTag(ref))) return undefined;
  try {
    resolveRemote(sim, readRef(ref), ref, false);
    return undefined;
  } catch (e) {
    if (e instanceof ApiError) return e;
    throw e;
  }
}

export interface Pulled {
  image: DockerImage;
  /** What Docker prints as it pulls (nothing when the image was on the host). */
  lines: string[];
}

/**
 * The image a reference names: on the host already, or pulled from its registry (with Docker's lines). `add`
 * makes the local image record (the host gives every image it stores an ID).
 */
export function pullImage(sim: SimContext, ref: string, add: (tagged: string, parts: Omit<DockerImage, 'ref' | 'id' | 'createdMs'>, id: string) => DockerImage): Pulled {
  const tagged = withTag(ref);
  const local = own(host(sim).images, tagged);
  if (local) return { image: local, lines: [] };
  const r = readRef(ref);
  const { manifest, configDigest } = resolveRemote(sim, r, ref);
  const fromHere = Object.values(host(sim).images).find((i) => i.id === configDigest);
  const image = add(tagged, fromHere ? { built: false, exposed: fromHere.exposed, cmd: fromHere.cmd, env: fromHere.env } : { built: false, exposed: [], cmd: [], env: {} }, configDigest);
  const lines = [
    `${tagOf(r) ?? r.digest!}: Pulling from ${r.repository}`,
    ...manifestLayers(manifest).map((l) => `${short(l.digest)}: Pull complete`),
    `Digest: ${manifestDigest(manifest)}`,
    `Status: Downloaded newer image for ${familiar(r)}${r.digest ? `@${r.digest}` : `:${tagOf(r)!}`}`,
  ];
  return { image, lines };
}

/** `docker tag SOURCE TARGET`: another name for the same image (and its behaviour). */
export function tagImage(sim: SimContext, source: unknown, target: unknown): DockerImage {
  const h = host(sim);
  const src = typeof source === 'string' ? (own(h.images, withTag(source)) ?? Object.values(h.images).find((i) => i.id === source || i.id.slice(7).startsWith(source))) : undefined;
  if (!src) throw daemonError(`No such image: ${String(source)}`);
  try {
    readRef(target);
  } catch {
    throw new ApiError('DockerError', `Error parsing reference: "${String(target)}" is not a valid repository/tag: invalid reference format`);
  }
  const ref = withTag(target as string);
  const img = setOwn(h.images, ref, { ...src, ref });
  copyBehaviour(sim, src.ref, ref);
  return img;
}

/** What a scenario says an image does follows it to its other names (a tag, the registry it was pushed to). */
function copyBehaviour(sim: SimContext, from: string, to: string): void {
  const b = own(sim.world.images, from) ?? own(sim.world.images, withTag(from));
  if (b && !own(sim.world.images, to)) setOwn(sim.world.images, to, { ...b });
}

/** `docker login`: credentials for this account's Amazon ECR registry, from the password `aws ecr get-login-password` prints. */
export function login(sim: SimContext, input: Record<string, unknown>): { registry: string } {
  const server = typeof input.registry === 'string' && input.registry !== '' ? input.registry.replace(/^https?:\/\//, '').replace(/\/.*$/, '') : undefined;
  if (typeof input.password !== 'string' || input.password === '') throw new ApiError('DockerError', 'Error: Cannot perform an interactive login from a non TTY device');
  const registry = server ?? 'registry-1.docker.io';
  const e = ecrRegistryOf(registry);
  if (!e) throw daemonError(`Get "https://${registry}/v2/": unauthorized: incorrect username or password`);
  const expires = own(sim.world.ecr?.passwords ?? {}, input.password);
  const mine = e.account === sim.world.account && e.region === sim.world.region;
  if (!mine || input.username !== 'AWS' || expires === undefined || expires <= sim.now) {
    throw daemonError(`login attempt to https://${registry}/v2/ failed with status: 400 Bad Request`);
  }
  const h = host(sim);
  h.logins ??= Object.create(null) as NonNullable<DockerHost['logins']>;
  setOwn(h.logins, registry, { username: 'AWS', expiresAtMs: expires });
  return { registry };
}

/** The push refused after Docker has listed the layers it was preparing. */
function refused(header: string, layers: string[], why: string): ApiError {
  return new ApiError('DockerError', [header, ...layers.map((l) => `${l}: Preparing`), why].join('\n'));
}

/**
 * `docker push`: the image to its registry. This account's ECR takes it once the host has logged in and the
 * repository exists (under its tag mutability); Docker Hub and other registries refuse it, as they refuse a
 * host that holds no credentials for them.
 */
export function push(sim: SimContext, ref: unknown): { image: string; digest: string; size: number; lines: string[] } {
  const h = host(sim);
  const r = readRef(ref);
  const tagged = withTag(ref as string);
  const local = own(h.images, tagged);
  if (!local) throw new ApiError('DockerError', `An image does not exist locally with the tag: ${String(ref)}`);
  const header = `The push refers to repository [${r.registry}/${r.repository}]`;
  const manifest = imageManifest(local.id);
  const layers = layersOf(local.id).map((l) => short(l.digest));
  if (!ecrRegistryOf(r.registry)) throw refused(header, layers, 'denied: requested access to the resource is denied');
  const cred = credentials(sim, r.registry);
  if (cred === 'none') throw refused(header, layers, 'no basic auth credentials');
  if (cred === 'expired') throw refused(header, layers, EXPIRED);
  const repo = ownEcr(sim, r) ? own(ecrState(sim).repositories, r.repository) : undefined;
  if (!repo) throw refused(header, layers, `name unknown: The repository with name '${r.repository}' does not exist in the registry with id '${ecrRegistryOf(r.registry)!.account}'`);
  const had = new Set(Object.values(repo.images).flatMap((i) => manifestLayers(i.imageManifest).map((l) => short(l.digest))));
  try {
    putImage(sim, repo, manifest, tagOf(r), true);
  } catch (e) {
    if (e instanceof ApiError && e.code === 'ImageTagAlreadyExistsException') throw refused(header, layers, `tag invalid: ${e.message}`);
    throw e;
  }
  if (!h.registry.includes(tagged)) h.registry.push(tagged);
  copyBehaviour(sim, local.ref, tagged);
  const digest = manifestDigest(manifest);
  // The push is one event: ECR's image action (what EventBridge delivers for it), naming the repository URI.
  return {
    image: tagged,
    digest,
    size: manifest.length,
    lines: [header, ...layers.map((l) => `${l}: ${had.has(l) ? 'Layer already exists' : 'Pushed'}`), `${tagOf(r)!}: digest: ${digest} size: ${manifest.length}`],
  };
}

/** The full name Docker prints after a pull: `docker.io/library/nginx:latest`. */
export function canonicalRef(ref: string): string {
  const r = readRef(ref);
  return `${r.registry}/${r.repository}${r.digest ? `@${r.digest}` : `:${tagOf(r)!}`}`;
}
