import type { UsageTotal } from '../../shared/contextSchemas';
import { read, type StoreContext } from './context';
import { loadConversation } from './conversations';
import type { Row } from './rows';

/** Usage sums over answers (their usage_json and cost), per conversation and per month. */

const SUMS = `coalesce(sum(json_extract(usage_json, '$.promptTokens')), 0) AS prompt,
  coalesce(sum(json_extract(usage_json, '$.completionTokens')), 0) AS completion,
  sum(cost) AS cost, count(*) AS answers`;

function toTotal(row: Row | undefined): UsageTotal {
  return {
    promptTokens: Math.max(0, Math.round(Number(row?.prompt ?? 0))),
    completionTokens: Math.max(0, Math.round(Number(row?.completion ?? 0))),
    cost: row?.cost === null || row?.cost === undefined ? null : Number(row.cost),
    answers: Number(row?.answers ?? 0),
  };
}

/** Tokens and cost of a conversation's answers (deleted ones included: they were paid for). */
export function conversationUsage(ctx: StoreContext, conversationId: string): UsageTotal {
  return read(ctx, () => {
    loadConversation(ctx, conversationId);
    return toTotal(
      ctx
        .sql(
          `SELECT ${SUMS} FROM messages
           WHERE conversation_id = ? AND role = 'assistant' AND usage_json IS NOT NULL`,
        )
        .get(conversationId),
    );
  });
}

/** Tokens and cost per calendar month of the answers (local time), newest first. */
export function monthlyUsage(ctx: StoreContext): { month: string; total: UsageTotal }[] {
  return read(ctx, () =>
    ctx
      .sql(
        `SELECT strftime('%Y-%m', created_at, 'localtime') AS month, ${SUMS} FROM messages
         WHERE role = 'assistant' AND usage_json IS NOT NULL
         GROUP BY month ORDER BY month DESC`,
      )
      .all()
      .filter((row) => typeof row.month === 'string')
      .map((row) => ({ month: String(row.month), total: toTotal(row) })),
  );
}
