import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { AuthUser } from '../common/request-context';
import { Viewer } from '../common/request-context';
import { CreateTemplateInput, TemplateType, UpdateTemplateInput } from './template.types';
import { TemplatesService } from './templates.service';

@Resolver(() => TemplateType)
export class TemplatesResolver {
  constructor(private readonly service: TemplatesService) {}

  @Query(() => [TemplateType], { description: 'Sjablonen: the built-in ones, then the community’s own' })
  templates(@Viewer() viewer: AuthUser, @Args('communityId', { type: () => ID }) communityId: string) {
    return this.service.list(viewer, communityId);
  }

  @Mutation(() => TemplateType, { description: 'Write a template for the community (facilitators; audit-logged)' })
  createTemplate(@Viewer() viewer: AuthUser, @Args('input') input: CreateTemplateInput) {
    return this.service.create(viewer, input);
  }

  @Mutation(() => TemplateType, { description: 'Change a community’s own template (facilitators; audit-logged)' })
  updateTemplate(@Viewer() viewer: AuthUser, @Args('input') input: UpdateTemplateInput) {
    return this.service.update(viewer, input);
  }

  @Mutation(() => TemplateType, {
    description: 'Archive a community’s own template: no longer offered; items made from it keep their text',
  })
  archiveTemplate(@Viewer() viewer: AuthUser, @Args('id', { type: () => ID }) id: string) {
    return this.service.archive(viewer, id);
  }
}
