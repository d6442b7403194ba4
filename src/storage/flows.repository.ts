import type { Kysely, Selectable } from 'kysely';
import type { Flow } from '../domain/connection.ts';
import { aadFor, type SecretBox } from '../secrets/secret-box.ts';
import { parseJson } from './json.ts';
import type { FlowRepository, NewFlow } from './ports.ts';
import type { Database, FlowsTable } from './schema.ts';

const verifierAad = (stateHash: string) => aadFor('flows', 'code_verifier', stateHash);

function toFlow(row: Selectable<FlowsTable>, box: SecretBox): Flow {
  return {
    stateHash: row.state_hash,
    sessionHash: row.session_hash,
    clientRef: row.client_ref,
    purpose: row.purpose,
    payload: parseJson(row.payload, {}),
    returnUrl: row.return_url,
    codeVerifier: row.code_verifier ? box.open(row.code_verifier, verifierAad(row.state_hash)) : undefined,
    nonce: row.nonce ?? undefined,
    expectedIssuer: row.expected_issuer ?? undefined,
    scopes: parseJson(row.scopes, []),
    reconnectRef: row.reconnect_ref ?? undefined,
    expiresAt: new Date(Number(row.expires_at)),
    createdAt: new Date(Number(row.created_at)),
  };
}

/** Open flows kept per browser session; enough for several tabs starting consents at once. */
export const MAX_FLOWS_PER_SESSION = 20;

export function createFlowRepository(db: Kysely<Database>, box: SecretBox): FlowRepository {
  return {
    async create(flow: NewFlow, now: Date) {
      await db
        .insertInto('flows')
        .values({
          state_hash: flow.stateHash,
          session_hash: flow.sessionHash,
          client_ref: flow.clientRef,
          purpose: flow.purpose,
          payload: JSON.stringify(flow.payload),
          return_url: flow.returnUrl,
          code_verifier: flow.codeVerifier ? box.seal(flow.codeVerifier, verifierAad(flow.stateHash)) : null,
          nonce: flow.nonce ?? null,
          expected_issuer: flow.expectedIssuer ?? null,
          scopes: JSON.stringify(flow.scopes),
          reconnect_ref: flow.reconnectRef ?? null,
          expires_at: flow.expiresAt.getTime(),
          created_at: now.getTime(),
        })
        .execute();
      // At most MAX_FLOWS_PER_SESSION open flows per browser session (issue 10, finding 7): the
      // oldest give way, so a script reusing one cookie cannot grow the table without bound.
      await db
        .deleteFrom('flows')
        .where('session_hash', '=', flow.sessionHash)
        .where('state_hash', 'not in', (eb) =>
          eb
            .selectFrom('flows')
            .select('state_hash')
            .where('session_hash', '=', flow.sessionHash)
            .orderBy('created_at', 'desc')
            .orderBy('state_hash')
            .limit(MAX_FLOWS_PER_SESSION),
        )
        .execute();
    },
    async consume(stateHash) {
      // DELETE … RETURNING is one atomic statement on both engines: of two simultaneous
      // callbacks with the same state, exactly one gets the row.
      const row = await db
        .deleteFrom('flows')
        .where('state_hash', '=', stateHash)
        .returningAll()
        .executeTakeFirst();
      return row ? toFlow(row, box) : undefined;
    },
    async deleteExpired(now) {
      const r = await db.deleteFrom('flows').where('expires_at', '<', now.getTime()).executeTakeFirst();
      return Number(r.numDeletedRows);
    },
  };
}
