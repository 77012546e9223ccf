import { createItem } from '../../support/fixtures';
import { addMember, gql, registerUser, TestUser } from '../../support/graphql-client';
import { dutchMarkdown } from '../collab/dutch-markdown';

export interface Seeded {
  communityId: string;
  /** The facilitator first; every account is a member. */
  users: TestUser[];
  /** Newest first, as `items` lists them. */
  itemIds: string[];
  /** A guideline with sources, comments and authors: the fullest item page. */
  guidelineId: string;
}

const KINDS = ['CASE', 'STORY', 'NOTE', 'CONCEPT', 'QUESTION', 'TENSION'] as const;
const TAGS = ['wijkteam', 'ggz', 'jeugd', 'ouderen', 'mantelzorg', 'schulden', 'wonen', 'ervaringsdeskundige'];
const COMMENT_KINDS = ['QUESTION', 'REACTION', 'SUMMARY', 'SUGGESTION'] as const;

async function must<T = Record<string, any>>(
  baseUrl: string,
  query: string,
  variables: Record<string, unknown>,
  token: string,
): Promise<T> {
  const result = await gql<T>(baseUrl, query, variables, token);
  if (!result.data) throw new Error(`seeding failed: ${JSON.stringify(result.errors)}`);
  return result.data;
}

/**
 * A leernetwerk with `accounts` members and `items` items whose relations a
 * list resolves: tags, a body, comments by several people, and every sixth
 * item a guideline made from the two before it (sources, derived items).
 * Guidelines are spread evenly, so a page of 5 and a page of 50 hold the same
 * mix and their statements per request can be compared.
 */
export async function seedCommunity(baseUrl: string, accounts: number, items: number): Promise<Seeded> {
  const users: TestUser[] = [];
  // Registering hashes a password (Argon2): a few at a time.
  for (let i = 0; i < accounts; i += 5) {
    users.push(
      ...(await Promise.all(
        Array.from({ length: Math.min(5, accounts - i) }, (_, j) => registerUser(baseUrl, `Deelnemer ${i + j + 1}`)),
      )),
    );
  }
  const [facilitator] = users;
  const { createCommunity } = await must(
    baseUrl,
    `mutation ($input: CreateCommunityInput!) { createCommunity(input: $input) { id } }`,
    { input: { name: 'Leernetwerk belasting', visibility: 'PRIVATE' } },
    facilitator.token,
  );
  const communityId = createCommunity.id as string;
  for (const user of users.slice(1)) {
    await addMember(baseUrl, facilitator.token, { communityId, user, role: 'MEMBER', perspective: 'PROFESSIONAL' });
  }

  const created: string[] = [];
  let guidelineId = '';
  for (let i = 0; i < items; i++) {
    const author = users[i % users.length];
    let id: string;
    if (i % 6 === 5) {
      const { promoteToGuideline } = await must(
        baseUrl,
        `mutation ($input: PromoteToGuidelineInput!) { promoteToGuideline(input: $input) { id } }`,
        { input: { sourceItemIds: created.slice(-2), title: `Richtlijn ${i + 1}` } },
        facilitator.token,
      );
      id = promoteToGuideline.id as string;
      guidelineId = id;
    } else {
      const kind = KINDS[i % KINDS.length];
      const tags = [TAGS[i % TAGS.length], TAGS[(i * 3 + 1) % TAGS.length]];
      id = (
        await createItem(baseUrl, author.token, {
          communityId,
          kind,
          title: `${kind.toLowerCase()} ${i + 1}`,
          tags,
          body: dutchMarkdown(1_500, i),
        })
      ).id;
    }
    for (let c = 0; c < 3; c++) {
      const commenter = users[(i + c + 1) % users.length];
      await must(
        baseUrl,
        `mutation ($input: AddCommentInput!) { addComment(input: $input) { id } }`,
        { input: { itemId: id, kind: COMMENT_KINDS[(i + c) % 4], body: `Reactie ${c + 1} op item ${i + 1}` } },
        commenter.token,
      );
    }
    created.push(id);
  }
  return { communityId, users, itemIds: created.reverse(), guidelineId };
}
