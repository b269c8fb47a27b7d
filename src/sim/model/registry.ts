import { sha256Hex } from '../core/sha256';

/**
 * Where an image comes from: a reference read as Docker reads it (registry host, repository, tag or
 * digest), the registries the sandbox knows (this account's Amazon ECR, Docker Hub and the public
 * registries), and image manifests with their content digests.
 */

/** An image reference, normalized as Docker normalizes it: `nginx` is `docker.io/library/nginx:latest`. */
export interface ImageRef {
  /** The registry host: `docker.io`, `123456789012.dkr.ecr.us-east-1.amazonaws.com`, `public.ecr.aws`, … */
  registry: string;
  /** The repository within the registry: `library/nginx`, `forum`, `kudos/front-end`. */
  repository: string;
  tag?: string;
  digest?: string;
}

export const DOCKER_HUB = 'docker.io';

/** Reads an image reference; undefined when it is not one Docker accepts. */
export function parseImageRef(ref: string): ImageRef | undefined {
  let rest = ref;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!/^sha256:[0-9a-f]{64}$/.test(digest)) return undefined;
  }
  const slash = rest.indexOf('/');
  const first = slash < 0 ? '' : rest.slice(0, slash);
  const hasRegistry = slash >= 0 && (first.includes('.') || first.includes(':') || first === 'localhost');
  const registry = hasRegistry ? first : DOCKER_HUB;
  let path = hasRegistry ? rest.slice(slash + 1) : rest;
  let tag: string | undefined;
  const colon = path.lastIndexOf(':');
  if (colon > path.lastIndexOf('/')) {
    tag = path.slice(colon + 1);
    path = path.slice(0, colon);
    if (!/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/.test(tag)) return undefined;
  }
  if (!/^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$/.test(path)) return undefined;
  if (registry === DOCKER_HUB && !path.includes('/')) path = `library/${path}`;
  return { registry, repository: path, ...(tag !== undefined ? { tag } : {}), ...(digest !== undefined ? { digest } : {}) };
}

/** The reference with its tag spelled out (`latest` when it names neither a tag nor a digest). */
export function tagOf(r: ImageRef): string | undefined {
  return r.tag ?? (r.digest ? undefined : 'latest');
}

/** The registry host of an account's private Amazon ECR registry in a region. */
export const ecrHost = (account: string, region: string) => `${account}.dkr.ecr.${region}.amazonaws.com`;

/** The account and region of an Amazon ECR private registry host, or undefined for any other registry. */
export function ecrRegistryOf(host: string): { account: string; region: string } | undefined {
  const m = /^(\d{12})\.dkr\.ecr\.([a-z0-9-]+)\.amazonaws\.com(?:\.cn)?$/.exec(host);
  return m ? { account: m[1]!, region: m[2]! } : undefined;
}

/**
 * Docker Hub's official images (docker.io/library/…) a learner meets. [SIM] The sandbox cannot ask Docker
 * Hub: these exist with any tag, as do namespaced images (`user/name`) and the images of the public
 * registries (public.ecr.aws, mcr.microsoft.com, ghcr.io, quay.io, …), unless a scenario's `images:` says
 * `exists: false`. Any other single-name image (`forum:2`) is not on Docker Hub: Docker refuses to pull it.
 */
export const DOCKER_HUB_OFFICIAL: ReadonlySet<string> = new Set([
  'alpine',
  'amazoncorretto',
  'amazonlinux',
  'bash',
  'busybox',
  'caddy',
  'cassandra',
  'centos',
  'couchdb',
  'debian',
  'docker',
  'eclipse-temurin',
  'elasticsearch',
  'fedora',
  'ghost',
  'golang',
  'gradle',
  'haproxy',
  'hello-world',
  'httpd',
  'influxdb',
  'jetty',
  'kibana',
  'mariadb',
  'maven',
  'memcached',
  'mongo',
  'mysql',
  'nats',
  'neo4j',
  'nextcloud',
  'nginx',
  'node',
  'openjdk',
  'perl',
  'php',
  'postgres',
  'python',
  'rabbitmq',
  'redis',
  'registry',
  'rockylinux',
  'ruby',
  'rust',
  'solr',
  'telegraf',
  'tomcat',
  'traefik',
  'ubuntu',
  'wordpress',
  'zookeeper',
]);

export const MANIFEST_MEDIA_TYPE = 'application/vnd.docker.distribution.manifest.v2+json';

/** A layer as a manifest lists it. */
export interface ManifestLayer {
  digest: string;
  size: number;
}

/** A number from the first hex digits of a digest (deterministic sizes and counts). */
const fromHex = (digest: string, digits: number) => parseInt(digest.replace(/^sha256:/, '').slice(0, digits), 16);

/**
 * The layers of an image with this config digest (its image ID). [SIM] The sandbox keeps no file system,
 * so the layers are derived from the image's content digest: two to five of them, their digests and
 * compressed sizes (1–31 MB) fixed by it, so the same image always has the same layers.
 */
export function layersOf(configDigest: string): ManifestLayer[] {
  const n = 2 + (fromHex(configDigest, 2) % 4);
  return Array.from({ length: n }, (_, i) => {
    const digest = `sha256:${sha256Hex(`${configDigest}/layer/${i}`)}`;
    return { digest, size: 1_000_000 + (fromHex(digest, 6) % 30_000_000) };
  });
}

/** An image manifest (Docker's schema 2, as `docker push` uploads it) for an image with this config digest. */
export function imageManifest(configDigest: string): string {
  const layers = layersOf(configDigest);
  return JSON.stringify(
    {
      schemaVersion: 2,
      mediaType: MANIFEST_MEDIA_TYPE,
      config: { mediaType: 'application/vnd.docker.container.image.v1+json', size: 1000 + (fromHex(configDigest, 3) % 6000), digest: configDigest },
      layers: layers.map((l) => ({ mediaType: 'application/vnd.docker.image.rootfs.diff.tar.gzip', size: l.size, digest: l.digest })),
    },
    null,
    3,
  );
}

/** A manifest's content digest: the sha256 of its bytes, as registries address it. */
export const manifestDigest = (manifest: string) => `sha256:${sha256Hex(manifest)}`;

/** The layers a manifest lists (none when it is not a manifest the sandbox reads). */
export function manifestLayers(manifest: string): ManifestLayer[] {
  try {
    const m = JSON.parse(manifest) as { layers?: { digest?: unknown; size?: unknown }[] };
    return (Array.isArray(m.layers) ? m.layers : []).filter((l) => typeof l?.digest === 'string' && typeof l.size === 'number').map((l) => ({ digest: l.digest as string, size: l.size as number }));
  } catch {
    return [];
  }
}

/** The config digest (the image ID) a manifest names, if it names one. */
export function configDigestOf(manifest: string): string | undefined {
  try {
    const d = (JSON.parse(manifest) as { config?: { digest?: unknown } }).config?.digest;
    return typeof d === 'string' ? d : undefined;
  } catch {
    return undefined;
  }
}

/** The config digest of an image pulled from a public registry. [SIM] Fixed by its reference, since the sandbox cannot ask the registry. */
export const publicConfigDigest = (r: ImageRef) => `sha256:${sha256Hex(`${r.registry}/${r.repository}:${tagOf(r) ?? r.digest!}`)}`;
