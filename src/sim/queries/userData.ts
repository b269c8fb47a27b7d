import type { AgentConfig } from '../model/types';

/** The agent settings a user-data script sets: ECS_CLUSTER, ECS_RESERVED_MEMORY, ECS_INSTANCE_ATTRIBUTES. */
export function parseUserData(text: string): { cluster: string; agent: AgentConfig } {
  let script = text;
  if (!/ECS_/.test(script) && /^[A-Za-z0-9+/=\s]+$/.test(script) && script.trim().length % 4 === 0) {
    try {
      script = atob(script.replace(/\s/g, ''));
    } catch {
      // not base64 after all: read it as written
    }
  }
  const value = (name: string) => new RegExp(`${name}=("?)([^"\\s]*)\\1`).exec(script)?.[2];
  let attributes: Record<string, string> = {};
  const attrs = /ECS_INSTANCE_ATTRIBUTES=(\{[^\n]*\})/.exec(script)?.[1];
  if (attrs) {
    try {
      const parsed = JSON.parse(attrs.replace(/\\"/g, '"')) as unknown;
      if (parsed && typeof parsed === 'object') attributes = parsed as Record<string, string>;
    } catch {
      // the agent ignores attributes it cannot parse
    }
  }
  return {
    cluster: value('ECS_CLUSTER') || 'default',
    agent: {
      reservedMemory: Number(value('ECS_RESERVED_MEMORY') ?? 0) || 0,
      reservedPorts: [22, 2375, 2376, 51678, 51679],
      reservedPortsUdp: [],
      instanceAttributes: attributes,
    },
  };
}
