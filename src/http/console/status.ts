import type { ConnectionStatus } from '../../domain/connection.ts';

export type { ConnectionStatus };

export function isConnectionStatus(value: unknown): value is ConnectionStatus {
  return value === 'active' || value === 'needs_reauth' || value === 'revoked';
}
