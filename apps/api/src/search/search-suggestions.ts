import { GraphQLError } from 'graphql';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isUuid } from '@spiraal/domain';
import { meaningfulGroups, QueryPlan, words } from '@spiraal/search';
import { DataSource } from 'typeorm';
import { AccessService } from '../access/access.service';
import type { AuthUser } from '../common/request-context';
import { badInput, notFound } from '../common/errors';

/** Nearest vocabulary words looked at per query word; only those that occur in readable items are offered. */
const NEAR = 20;
const SUGGESTIONS = 5;
export const SYNONYM_EXPRESSIONS_MAX = 10;
export const SYNONYM_GROUPS_MAX = 500;

export interface SearchSynonymRow {
  id: string;
  communityId: string;
  expressions: string[];
  createdAt: Date;
}

/**
 * The parts of search that read community data beside the index: a
 * community's own synonyms (facilitators add them; the next query uses them)
 * and, when nothing was found, the closest words the network does use.
 */
@Injectable()
export class SearchSuggestions {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
  ) {}

  /** Synonym groups of these communities. */
  async synonymsFor(communityIds: string[]): Promise<string[][]> {
    if (!communityIds.length) return [];
    const rows: { expressions: string[] }[] = await this.db.query(
      `SELECT expressions FROM search_synonyms WHERE community_id = ANY($1::uuid[]) ORDER BY created_at, id`,
      [communityIds],
    );
    return rows.map((r) => r.expressions);
  }

  /**
   * Words of the vocabulary nearest to the query's words (trigram distance)
   * that occur in an item the user may read, so no word of a closed
   * community is ever shown.
   */
  async closestWords(plan: QueryPlan, readableCommunityIds: string[]): Promise<string[]> {
    const typed = [...new Set(meaningfulGroups(plan).flatMap((g) => words(g.source)))].filter((w) => w.length >= 3);
    if (!typed.length || !readableCommunityIds.length) return [];
    const rows: { term: string }[] = await this.db.query(
      `SELECT n.term FROM unnest($1::text[]) WITH ORDINALITY AS t(word, ord)
         CROSS JOIN LATERAL (SELECT x.term, x.term <-> t.word AS d FROM search_terms x WHERE x.term <> t.word ORDER BY x.term <-> t.word LIMIT ${NEAR}) n
        WHERE n.d < 0.8
          AND EXISTS (SELECT 1 FROM search_passages p
                       WHERE p.tsv @@ to_tsquery('spiraal_simple', quote_literal(n.term)) AND p.community_id = ANY($2::uuid[]))
        ORDER BY n.d, t.ord
        LIMIT ${SUGGESTIONS}`,
      [typed, readableCommunityIds],
    );
    return [...new Set(rows.map((r) => r.term))];
  }

  async list(user: AuthUser, communityId: string): Promise<SearchSynonymRow[]> {
    await this.access.toCommunity(user, communityId, 'community.read');
    return this.rows(communityId);
  }

  async add(user: AuthUser, communityId: string, expressions: string[]): Promise<SearchSynonymRow> {
    await this.access.toCommunity(user, communityId, 'search.synonyms');
    const clean = validateExpressions(expressions);
    return this.db.transaction(async (tx) => {
      // Serialises adds per community, so the limit holds under concurrent requests.
      await tx.query(`SELECT 1 FROM communities WHERE id = $1 FOR UPDATE`, [communityId]);
      const [{ n }] = await tx.query(`SELECT count(*)::int AS n FROM search_synonyms WHERE community_id = $1`, [
        communityId,
      ]);
      if (n >= SYNONYM_GROUPS_MAX)
        throw badInput(
          `Een leernetwerk heeft hoogstens ${SYNONYM_GROUPS_MAX} synoniemgroepen / At most ${SYNONYM_GROUPS_MAX} synonym groups per community`,
          'expressions',
        );
      const [row] = await tx.query(
        `INSERT INTO search_synonyms (community_id, expressions, created_by) VALUES ($1, $2, $3)
         RETURNING id, community_id AS "communityId", expressions, created_at AS "createdAt"`,
        [communityId, clean, user.id],
      );
      return row as SearchSynonymRow;
    });
  }

  async remove(user: AuthUser, id: string): Promise<boolean> {
    const [row]: { community_id: string }[] = isUuid(id)
      ? await this.db.query(`SELECT community_id FROM search_synonyms WHERE id = $1`, [id])
      : [];
    if (!row) throw notFound('Deze synoniemgroep');
    // A group in a community you cannot see answers word for word as one that does not exist.
    await this.access.toCommunity(user, row.community_id, 'search.synonyms').catch((error: unknown) => {
      throw error instanceof GraphQLError && error.extensions?.code === 'NOT_FOUND'
        ? notFound('Deze synoniemgroep')
        : error;
    });
    await this.db.query(`DELETE FROM search_synonyms WHERE id = $1`, [id]);
    return true;
  }

  private async rows(communityId: string): Promise<SearchSynonymRow[]> {
    return this.db.query(
      `SELECT id, community_id AS "communityId", expressions, created_at AS "createdAt" FROM search_synonyms WHERE community_id = $1 ORDER BY created_at, id`,
      [communityId],
    );
  }
}

/** 2 to 10 distinct expressions of 1 to 100 characters with at least one letter or digit; trimmed. */
export function validateExpressions(expressions: string[]): string[] {
  const clean = [...new Set((expressions ?? []).map((e) => e.trim().replace(/\s+/g, ' ')))].filter(Boolean);
  if (clean.length < 2 || clean.length > SYNONYM_EXPRESSIONS_MAX) {
    throw badInput(
      `Geef 2 tot ${SYNONYM_EXPRESSIONS_MAX} verschillende uitdrukkingen / Give 2 to ${SYNONYM_EXPRESSIONS_MAX} different expressions`,
      'expressions',
    );
  }
  for (const expression of clean) {
    const control = [...expression].some((c) => c.charCodeAt(0) < 0x20);
    if (expression.length > 100 || !words(expression).length || control) {
      throw badInput(
        'Een uitdrukking heeft 1 tot 100 tekens met een letter of cijfer / An expression has 1 to 100 characters with a letter or digit',
        'expressions',
      );
    }
  }
  return clean;
}
