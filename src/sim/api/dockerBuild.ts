import { ApiError } from '../core/errors';
import { sha256Hex } from '../core/sha256';
import { own, setOwn } from '../core/own';
import type { SimContext } from '../model/context';
import { withTag, type DockerImage } from '../model/docker';
import { canonicalRef } from './dockerRegistry';
import type { Operation } from './operation';
import { addImage, pull } from './dockerContainers';
import { say } from '../model/narration';

/**
 * `docker build`, apart from the Docker host's other commands (api/docker.ts): the built-in scenario the page
 * opens with builds an image and runs nothing else on the host, so the first load has this one alone.
 */

/** Parses a Dockerfile's FROM, EXPOSE, ENV and CMD (the instructions that shape what runs). */
function readDockerfile(text: string): { from: string; exposed: number[]; env: Record<string, string>; cmd: string[] } {
  let from: string | undefined;
  const exposed: number[] = [];
  const env: Record<string, string> = {};
  let cmd: string[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const [ins, ...rest] = line.split(/\s+/);
    const arg = rest.join(' ');
    switch (ins!.toUpperCase()) {
      case 'FROM':
        from = rest[0];
        break;
      case 'EXPOSE':
        for (const p of rest) {
          const n = Number(p.split('/')[0]);
          if (!Number.isInteger(n) || n < 1 || n > 65535) throw new ApiError('DockerError', `Dockerfile:${i + 1}: EXPOSE: invalid port '${p}'`);
          exposed.push(n);
        }
        break;
      case 'ENV': {
        const eq = arg.indexOf('=');
        if (eq > 0) env[arg.slice(0, eq)] = arg.slice(eq + 1).replace(/^"|"$/g, '');
        else if (rest.length >= 2) env[rest[0]!] = rest.slice(1).join(' ');
        break;
      }
      case 'CMD':
        try {
          cmd = arg.startsWith('[') ? (JSON.parse(arg) as string[]) : ['/bin/sh', '-c', arg];
        } catch {
          throw new ApiError('DockerError', `Dockerfile:${i + 1}: CMD: the exec form must be a JSON array`);
        }
        break;
      default:
        if (!['RUN', 'COPY', 'ADD', 'WORKDIR', 'USER', 'ARG', 'LABEL', 'ENTRYPOINT', 'VOLUME', 'HEALTHCHECK', 'SHELL', 'STOPSIGNAL', 'ONBUILD'].includes(ins!.toUpperCase())) {
          throw new ApiError('DockerError', `Dockerfile:${i + 1}: unknown instruction: ${ins!}`);
        }
    }
  });
  if (!from) throw new ApiError('DockerError', 'Dockerfile: no FROM instruction: a build starts from a base image');
  return { from, exposed, env, cmd };
}

/** A build's FROM image, as BuildKit reports a base it cannot resolve. */
function pullForBuild(sim: SimContext, from: string): DockerImage {
  try {
    return pull(sim, from).image;
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    const denied = e.message.includes('pull access denied');
    const why = denied ? 'pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed' : e.message.replace(/^Error response from daemon: /, '');
    throw new ApiError('DockerError', `ERROR: failed to solve: ${from}: failed to resolve source metadata for ${canonicalRef(from)}: ${why}`);
  }
}

export const DOCKER_BUILD_OPERATIONS: Record<string, Operation> = {
  Build(sim, input) {
    const tag = input.tag as string | undefined;
    if (typeof tag !== 'string' || !/^[a-z0-9][a-z0-9._/-]*(:[A-Za-z0-9._-]+)?$/.test(tag)) throw new ApiError('DockerError', `invalid tag "${String(tag)}": repository name must be lowercase`);
    if (typeof input.dockerfile !== 'string') throw new ApiError('DockerError', 'failed to read dockerfile: open Dockerfile: no such file or directory');
    const d = readDockerfile(input.dockerfile);
    // FROM scratch starts from nothing; any other base is on the host or pulled from its registry.
    const base = d.from === 'scratch' ? { id: '', exposed: [], cmd: [], env: {} } : pullForBuild(sim, d.from);
    // [SIM] The build's content is its base image and its Dockerfile (the sandbox has no build context): the same
    // Dockerfile on the same base builds the same image, as a cached build does.
    const id = `sha256:${sha256Hex(JSON.stringify({ base: base.id, dockerfile: input.dockerfile }))}`;
    const img = addImage(sim, tag, { built: true, exposed: d.exposed.length ? d.exposed : base.exposed, cmd: d.cmd.length ? d.cmd : base.cmd, env: { ...base.env, ...d.env } }, id);
    const fromBehaviour = own(sim.world.images, withTag(d.from));
    if (!own(sim.world.images, img.ref) && fromBehaviour) setOwn(sim.world.images, img.ref, { ...fromBehaviour });
    sim.emit('ImageBuilt', say('ImageBuilt.built', { image: img.ref, base: d.from }), { image: img.ref });
    return { id: img.id, tag: img.ref };
  },
};
