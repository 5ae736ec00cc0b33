// Routes under /members: the token's member, its boards and its tokens (with their webhooks).
import { boolParam, enumParam } from './params';
import { jsonResponse, trelloErrors } from './responses';
import type { Route, RouteContext } from './route';
import type { MemberRecord } from './trello-store';
import { boardJson, listJson, memberJson, selectFields, tokenJson, webhookJson } from './views';

const LIST_FILTERS = ['all', 'closed', 'none', 'open'] as const;

function boardIdsOf(context: RouteContext, member: MemberRecord): string[] {
  return [...context.store.boards.values()].filter((b) => b.memberIds.includes(member.id)).map((b) => b.id);
}

export const memberRoutes: readonly Route[] = [
  {
    method: 'GET',
    path: '/members/{id}',
    params: ['fields'],
    handle(context) {
      const member = context.store.memberByRef(context.path.id, context.member);
      return jsonResponse(selectFields(memberJson(member, boardIdsOf(context, member)), context.params.fields));
    },
  },
  {
    method: 'GET',
    path: '/members/{id}/boards',
    params: ['filter', 'fields', 'lists'],
    handle(context) {
      const { store, params } = context;
      const member = store.memberByRef(context.path.id, context.member);
      const filter = enumParam(params, 'filter', ['all', 'open', 'closed', 'members'], 'all');
      const lists = enumParam(params, 'lists', LIST_FILTERS, 'none');
      const boards = [...store.boards.values()].filter(
        (b) =>
          b.memberIds.includes(member.id) &&
          b.memberIds.includes(context.member.id) &&
          (filter === 'open' ? !b.closed : filter === 'closed' ? b.closed : true),
      );
      return jsonResponse(
        boards.map((board) => {
          const json = selectFields(boardJson(board), params.fields);
          if (lists !== 'none') {
            json.lists = store.listsOf(board.id).filter((l) => lists === 'all' || l.closed === (lists === 'closed')).map(listJson);
          }
          return json;
        }),
      );
    },
  },
  {
    method: 'GET',
    path: '/members/{id}/tokens',
    params: ['webhooks'],
    handle(context) {
      const { store } = context;
      const member = store.memberByRef(context.path.id, context.member);
      if (member.id !== context.member.id) throw trelloErrors.unauthorized();
      const withWebhooks = boolParam(context.params, 'webhooks') ?? false;
      const tokens = [...store.tokens.values()].filter((t) => t.idMember === member.id);
      return jsonResponse(
        tokens.map((token) => {
          const json = tokenJson(token, store.keys.get(token.key)?.appName ?? '');
          if (withWebhooks) json.webhooks = [...store.webhooks.values()].filter((w) => w.token === token.token).map(webhookJson);
          return json;
        }),
      );
    },
  },
];
