import { own } from '../core/own';
import type { SimContext } from '../model/context';
import type { ImageBehavior } from '../model/types';
import { withTag } from '../model/docker';

/** True for an image built on the local host and not pushed: ECS cannot pull it. */
export function onlyLocal(sim: SimContext, ref: string): boolean {
  const img = own(sim.world.docker.images, withTag(ref));
  return img !== undefined && img.built && !sim.world.docker.registry.includes(img.ref);
}

/** What the scenario says an image does on the local Docker host (by its name, or its name with the tag). */
export function localImageBehavior(sim: SimContext, image: string): ImageBehavior {
  return sim.world.images[image] ?? sim.world.images[withTag(image)] ?? {};
}
