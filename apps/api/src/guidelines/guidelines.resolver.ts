import { Args, ID, Int, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { guidelineAttention } from '@spiraal/domain';
import type { AuthUser } from '../common/request-context';
import { Ctx, Viewer } from '../common/request-context';
import type { GqlContext } from '../common/request-context';
import { ItemType } from '../items/item.types';
import { loadUser } from '../users/user.type';
import {
  AttentionType,
  GuidelineApplicationType,
  GuidelineVersionType,
  PromoteToGuidelineInput,
  RecordApplicationInput,
  SetGuidelineStatusInput,
} from './guideline.types';
import { GuidelinesService } from './guidelines.service';

/**
 * Guidelines, their provenance and their practice. The Item fields below run
 * only for items a query already returned through the access check; linked
 * items are always in the same community.
 */
@Resolver(() => ItemType)
export class GuidelinesResolver {
  constructor(private readonly service: GuidelinesService) {}

  @Mutation(() => ItemType, {
    description:
      'Uitwerken tot richtlijn (facilitators): a new guideline in COMBINATIE, status CONCEPT, made from these items',
  })
  promoteToGuideline(@Viewer() viewer: AuthUser, @Args('input') input: PromoteToGuidelineInput): Promise<ItemType> {
    return this.service.promote(viewer, input);
  }

  @Mutation(() => ItemType, {
    description: 'Concept → in uitprobeerfase → vastgesteld (facilitators); vastgesteld freezes a numbered version',
  })
  setGuidelineStatus(@Viewer() viewer: AuthUser, @Args('input') input: SetGuidelineStatusInput): Promise<ItemType> {
    return this.service.setStatus(viewer, input);
  }

  @Mutation(() => ItemType, {
    description: 'Bijstellen (facilitators): open the next version; the adopted one stays readable',
  })
  reviseGuideline(@Viewer() viewer: AuthUser, @Args('id', { type: () => ID }) id: string): Promise<ItemType> {
    return this.service.revise(viewer, id);
  }

  @Mutation(() => ItemType, {
    description: 'Uitproberen in de praktijk: a practice reflection on a guideline (members and readers)',
  })
  recordApplication(@Viewer() viewer: AuthUser, @Args('input') input: RecordApplicationInput): Promise<ItemType> {
    return this.service.recordApplication(viewer, input);
  }

  @ResolveField(() => [ItemType], { description: 'What a guideline was made from (provenance), in the chosen order' })
  sources(@Parent() item: ItemType, @Ctx() ctx: GqlContext): Promise<ItemType[]> {
    return ctx.loaders.sources.load(item.id);
  }

  @ResolveField(() => [ItemType], { description: 'The guidelines made from this item' })
  derivedItems(@Parent() item: ItemType, @Ctx() ctx: GqlContext): Promise<ItemType[]> {
    return ctx.loaders.derivedItems.load(item.id);
  }

  @ResolveField(() => [ItemType], { description: 'Practice reflections on this guideline, newest first' })
  applications(@Parent() item: ItemType, @Ctx() ctx: GqlContext): Promise<ItemType[]> {
    return ctx.loaders.applications.load(item.id);
  }

  @ResolveField(() => GuidelineApplicationType, {
    nullable: true,
    description: 'For a practice reflection: the guideline version it applied',
  })
  async appliesTo(@Parent() item: ItemType, @Ctx() ctx: GqlContext): Promise<GuidelineApplicationType | null> {
    if (!item.appliesGuidelineId) return null;
    const guideline = await ctx.loaders.item.load(item.appliesGuidelineId);
    return guideline ? { guideline, version: item.appliesVersion ?? 1 } : null;
  }

  @ResolveField(() => [GuidelineVersionType], { description: 'Adopted versions, newest first' })
  async guidelineVersions(@Parent() item: ItemType, @Ctx() ctx: GqlContext): Promise<GuidelineVersionType[]> {
    if (item.kind !== 'GUIDELINE') return [];
    const rows = await ctx.loaders.guidelineVersions.load(item.id);
    return Promise.all(
      rows.map(async (row) => ({
        guidelineId: row.guideline_id,
        number: row.number,
        title: row.title,
        text: row.text,
        markdown: row.markdown,
        adoptedBy: await loadUser(ctx, row.adopted_by),
        adoptedAt: row.adopted_at,
        reviewDate: row.review_date,
      })),
    );
  }

  @ResolveField(() => AttentionType, {
    nullable: true,
    description:
      'For a guideline: does it ask to be looked at again (review date passed, a source changed after adoption)?',
  })
  async attention(@Parent() item: ItemType, @Ctx() ctx: GqlContext): Promise<AttentionType | null> {
    if (item.kind !== 'GUIDELINE' || !item.guidelineStatus) return null;
    const [adoptedAt, sources] = await Promise.all([
      ctx.loaders.latestAdoption.load(item.id),
      ctx.loaders.sources.load(item.id),
    ]);
    const reasons = guidelineAttention(
      { status: item.guidelineStatus, reviewDate: item.reviewDate, adoptedAt, sources },
      new Date(),
    );
    const byId = new Map(sources.map((s) => [s.id, s]));
    return {
      needed: reasons.length > 0,
      reasons: reasons.map((r) => ({
        code: r.code,
        message: r.message,
        item: r.itemId ? (byId.get(r.itemId) ?? null) : null,
      })),
    };
  }

  @ResolveField(() => Int, { description: 'How many practice reflections were recorded on this guideline' })
  async applicationCount(@Parent() item: ItemType, @Ctx() ctx: GqlContext): Promise<number> {
    return (await ctx.loaders.applications.load(item.id)).length;
  }
}
