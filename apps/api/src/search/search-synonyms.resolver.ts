import { Args, Field, GraphQLISODateTime, ID, InputType, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import type { AuthUser } from '../common/request-context';
import { Viewer } from '../common/request-context';
import { SearchSuggestions } from './search-suggestions';

@ObjectType('SearchSynonym', {
  description: "A group of expressions a community's search treats as the same (synoniemen)",
})
export class SearchSynonymType {
  @Field(() => ID) id!: string;
  @Field(() => ID) communityId!: string;
  @Field(() => [String]) expressions!: string[];
  @Field(() => GraphQLISODateTime) createdAt!: Date;
}

@InputType('AddSearchSynonymInput')
export class AddSearchSynonymInput {
  @Field(() => ID) communityId!: string;
  @Field(() => [String], {
    description: '2 to 10 expressions that mean the same, e.g. ["vog", "verklaring omtrent het gedrag"]',
  })
  expressions!: string[];
}

/** A community's own search synonyms: anyone who reads the community sees them, facilitators add and remove them. */
@Resolver(() => SearchSynonymType)
export class SearchSynonymsResolver {
  constructor(private readonly suggestions: SearchSuggestions) {}

  @Query(() => [SearchSynonymType], { description: "The community's own search synonyms (beside the built-in list)" })
  searchSynonyms(
    @Viewer() viewer: AuthUser,
    @Args('communityId', { type: () => ID }) communityId: string,
  ): Promise<SearchSynonymType[]> {
    return this.suggestions.list(viewer, communityId);
  }

  @Mutation(() => SearchSynonymType, { description: 'Add a synonym group (facilitators); the next search uses it' })
  addSearchSynonym(
    @Viewer() viewer: AuthUser,
    @Args('input') input: AddSearchSynonymInput,
  ): Promise<SearchSynonymType> {
    return this.suggestions.add(viewer, input.communityId, input.expressions);
  }

  @Mutation(() => Boolean, { description: 'Remove a synonym group (facilitators)' })
  removeSearchSynonym(@Viewer() viewer: AuthUser, @Args('id', { type: () => ID }) id: string): Promise<boolean> {
    return this.suggestions.remove(viewer, id);
  }
}
